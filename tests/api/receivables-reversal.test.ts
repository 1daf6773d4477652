/**
 * Issue 10, points 3 and 5 on both databases: a reversed payment (银行退票) re-opens the instalment and re-arms its
 * escalation on the contractual timer — already past, so the next pass fires it at once, stating the outstanding
 * amount — while an instalment whose escalation already fired never escalates twice. Times are Shanghai local.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickAt } from '../../server/cli/tick.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

// Due Tue Nov 10, 2026 → escalates Sat Nov 14 00:00 (Nov 11, 12, 13).
const ESCALATES = '2026-11-14T00:00:00';

describe('receivables: a reversal re-opens the instalment and re-arms its escalation', () => {
  let t: TestContext;
  const c: Record<string, string> = {};
  const payment: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '杭州康捷医疗' } })).json().id;
    for (const key of ['bounced', 'escalatedFirst']) {
      const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: await insertDeal(t, customerId, t.org.users.sellerA.id, 'won'), signedAt: '2026-11-01', amountFen: 100_000, plan: [{ dueDate: '2026-11-10', amountFen: 100_000, method: 'wire' }] } });
      expect(res.statusCode, res.body).toBe(201);
      c[key] = res.json().id;
    }
    await t.db.updateTable('pipelines').set({ definition: JSON.stringify({ key: 'leads-test', name: 'B2B', stages: [] }) }).where('key', '=', 'leads-test').execute();
  });
  afterAll(async () => t?.close());

  const base = () => ({ db: t.db, dialect: t.dialect, config: t.config });
  const fire = async (local: string) => (await tickAt(base(), new Date(sh(local)))).filter((f) => f.kind === 'receivable.escalation');
  const pay = async (key: string, receivedOn: string) => {
    const res = await (await t.as('finance'))({ method: 'POST', url: `/api/contracts/${c[key]}/payments`, payload: { amountFen: 100_000, receivedOn, method: 'wire', reference: `B-${key}` } });
    expect(res.statusCode, res.body).toBe(201);
    payment[key] = res.json().payments[0].id;
    return res.json();
  };
  const reverse = async (key: string) => {
    const res = await (await t.as('finance'))({ method: 'POST', url: `/api/contracts/${c[key]}/payments/${payment[key]}/reversal`, payload: { reason: '银行退票' } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('paid before the due date: nothing escalates at effective due + 3 working days; the unpaid one does', async () => {
    t.clock.set(sh('2026-11-09T10:00:00'));
    expect((await pay('bounced', '2026-11-09')).instalments[0]).toMatchObject({ status: 'paid', escalateAt: null });
    expect((await fire(ESCALATES)).map((f) => f.subject?.id)).toEqual([c.escalatedFirst]);
  });

  it('the bounced payment is reversed after the instant: the instalment escalates at once, stating the full outstanding', async () => {
    t.clock.set(sh('2026-11-16T10:00:00'));
    const reversed = await reverse('bounced');
    expect(reversed.instalments[0]).toMatchObject({ status: 'overdue', paidFen: 0, outstandingFen: 100_000, escalateAt: sh(ESCALATES) });
    expect(await fire('2026-11-16T10:00:00')).toMatchObject([{ subject: { id: c.bounced }, at: sh(ESCALATES), outstandingFen: 100_000 }]);
    expect(await fire('2026-11-16T10:00:01')).toEqual([]);
  });

  it('an instalment that already escalated is paid and the payment reversed: it does not escalate again', async () => {
    await pay('escalatedFirst', '2026-11-16');
    const reversed = await reverse('escalatedFirst');
    expect(reversed.instalments[0]).toMatchObject({ status: 'overdue', outstandingFen: 100_000, escalated: true, escalateAt: null });
    expect(await fire('2026-11-30T10:00:00')).toEqual([]);
    const escalations = await t.db.selectFrom('receivable_escalations').select('contract_id').execute();
    expect(escalations.map((e) => e.contract_id).sort()).toEqual([c.bounced, c.escalatedFirst].sort());
  });
});
