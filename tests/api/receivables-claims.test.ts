/**
 * Issue 10, point 3 (payment claims) on both databases, on the shared clock replayed with `tick --at`: a claim holds
 * the escalation for N working days; rejected before effective due + 3 working days, the escalation resumes at that
 * instant (not earlier, with the rejection note); left undecided, it fires when the pause ends; confirmed by the
 * payment, it never fires; confirmed by a smaller payment, the rest escalates on time; a claim naming one instalment
 * holds only that one. Times are Shanghai local.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickAt } from '../../server/cli/tick.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { addUser, insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

// Due Tue Nov 10, 2026; 3 working days after it (Nov 11, 12, 13) → escalates Sat Nov 14 00:00.
const DUE = '2026-11-10';
const ESCALATES = '2026-11-14T00:00:00';
// A claim filed Thu Nov 12 holds for 3 working days (Nov 13, 16, 17) → until Wed Nov 18 00:00.
const PAUSE_ENDS = '2026-11-18T00:00:00';

describe('receivables: a payment claim pauses the escalation until finance decides', () => {
  let t: TestContext;
  const c: Record<string, { id: string; instalments: string[] }> = {};
  const claim: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    await addUser(t, 'finance_east', t.org.teams.east, 'finance');
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '杭州康捷医疗' } })).json().id;
    for (const key of ['rejectedEarly', 'undecided', 'confirmed', 'confirmedShort', 'unclaimed', 'perInstalment']) {
      const dealId = await insertDeal(t, customerId, t.org.users.sellerA.id, 'won');
      const plan = key === 'perInstalment' ? [{ dueDate: DUE, amountFen: 50_000, method: 'wire' }, { dueDate: DUE, amountFen: 50_000, method: 'wire' }] : [{ dueDate: DUE, amountFen: 100_000, method: 'wire' }];
      const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId, signedAt: '2026-11-01', amountFen: 100_000, plan } });
      expect(res.statusCode, res.body).toBe(201);
      c[key] = { id: res.json().id, instalments: res.json().instalments.map((i: { id: string }) => i.id) };
    }
    await t.db.updateTable('pipelines').set({ definition: JSON.stringify({ key: 'leads-test', name: 'B2B', stages: [] }) }).where('key', '=', 'leads-test').execute();
  });
  afterAll(async () => t?.close());

  const base = () => ({ db: t.db, dialect: t.dialect, config: t.config });
  const firedAt = async (local: string) => {
    const fired = (await tickAt(base(), new Date(sh(local)))).filter((f) => f.kind === 'receivable.escalation');
    return fired.map((f) => ({ contract: Object.entries(c).find(([, v]) => v.id === f.subject?.id)?.[0], instalment: f.instalmentId, at: f.at, outstandingFen: f.outstandingFen, workOrderId: f.workOrderId }));
  };
  const detail = async (key: string) => (await (await t.as('finance'))({ method: 'GET', url: `/api/contracts/${c[key].id}` })).json();

  it('claims filed two days after the due date hold the escalation until the pause ends', async () => {
    t.clock.set(sh('2026-11-12T10:00:00'));
    const seller = await t.as('seller_a');
    for (const key of ['rejectedEarly', 'undecided', 'confirmed', 'confirmedShort', 'perInstalment']) {
      const payload = { amountFen: key === 'perInstalment' ? 50_000 : 100_000, claimedOn: '2026-11-11', reference: `回单-${key}`, ...(key === 'perInstalment' ? { instalmentId: c[key].instalments[0] } : {}) };
      const res = await seller({ method: 'POST', url: `/api/contracts/${c[key].id}/claims`, payload });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().claims[0]).toMatchObject({ status: 'pending', pauseUntil: sh(PAUSE_ENDS) });
      claim[key] = res.json().claims[0].id;
    }
    expect((await detail('undecided')).instalments[0].escalateAt).toBe(sh(PAUSE_ENDS));
    expect((await detail('unclaimed')).instalments[0].escalateAt).toBe(sh(ESCALATES));
    // Only the named instalment is held; its sibling keeps the contractual timer.
    expect((await detail('perInstalment')).instalments.map((i: { escalateAt: string }) => i.escalateAt)).toEqual([sh(PAUSE_ENDS), sh(ESCALATES)]);
    // A seller cannot decide a claim.
    expect((await seller({ method: 'POST', url: `/api/contracts/${c.undecided.id}/claims/${claim.undecided}/decision`, payload: { decision: 'rejected', note: 'x' } })).statusCode).toBe(403);
  });

  it('finance decides before the escalation instant: a rejection restores the contractual timer; confirmations pay', async () => {
    t.clock.set(sh('2026-11-13T10:00:00'));
    const finance = await t.as('finance');
    const rejected = await finance({ method: 'POST', url: `/api/contracts/${c.rejectedEarly.id}/claims/${claim.rejectedEarly}/decision`, payload: { decision: 'rejected', note: '未查到到账流水' } });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().claims[0]).toMatchObject({ status: 'rejected', decisionNote: '未查到到账流水' });
    expect(rejected.json().instalments[0].escalateAt).toBe(sh(ESCALATES));
    // A decided claim cannot be decided again.
    expect((await finance({ method: 'POST', url: `/api/contracts/${c.rejectedEarly.id}/claims/${claim.rejectedEarly}/decision`, payload: { decision: 'rejected', note: 'again' } })).statusCode).toBe(400);

    const paid = await finance({ method: 'POST', url: `/api/contracts/${c.confirmed.id}/payments`, payload: { amountFen: 100_000, receivedOn: '2026-11-11', method: 'wire', reference: 'B-1', claimId: claim.confirmed } });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().claims[0]).toMatchObject({ status: 'confirmed', paymentId: paid.json().payments[0].id });
    expect(paid.json().instalments[0]).toMatchObject({ status: 'paid', escalateAt: null });

    const short = await finance({ method: 'POST', url: `/api/contracts/${c.confirmedShort.id}/payments`, payload: { amountFen: 40_000, receivedOn: '2026-11-11', method: 'wire', reference: 'B-2', claimId: claim.confirmedShort } });
    expect(short.statusCode, short.body).toBe(201);
    expect(short.json().claims[0].status).toBe('confirmed');
    // The claim no longer holds anything: the rest escalates on the contractual timer.
    expect(short.json().instalments[0]).toMatchObject({ status: 'overdue', outstandingFen: 60_000, escalateAt: sh(ESCALATES) });
    // Another contract's claim cannot be confirmed here.
    const wrong = await finance({ method: 'POST', url: `/api/contracts/${c.confirmed.id}/payments`, payload: { amountFen: 1, receivedOn: '2026-11-11', method: 'wire', claimId: claim.undecided } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toMatchObject([{ field: 'claimId' }]);

    // Rejected before the instant: nothing fires at once.
    expect(await firedAt('2026-11-13T10:00:00')).toEqual([]);
  });

  it('at effective due + 3 working days: the rejected claim, the short confirmation, the unclaimed and the unnamed sibling fire', async () => {
    expect(await firedAt('2026-11-13T23:59:59')).toEqual([]);
    const fired = await firedAt(ESCALATES);
    const byContract = (key: string) => fired.filter((f) => f.contract === key);
    expect(fired.map((f) => f.contract).sort()).toEqual(['confirmedShort', 'perInstalment', 'rejectedEarly', 'unclaimed']);
    for (const f of fired) expect(f.at).toBe(sh(ESCALATES));
    expect(byContract('perInstalment')).toMatchObject([{ instalment: c.perInstalment.instalments[1], outstandingFen: 50_000 }]);
    expect(byContract('confirmedShort')).toMatchObject([{ outstandingFen: 60_000 }]);
    const order = async (key: string) => (await t.db.selectFrom('work_orders').select('description').where('id', '=', byContract(key)[0].workOrderId as string).executeTakeFirstOrThrow()).description;
    expect(await order('rejectedEarly')).toContain('回款申明被驳回：未查到到账流水');
    expect(await order('unclaimed')).not.toContain('驳回');
  });

  it('an undecided claim holds until the pause ends, then fires; the confirmed one never does', async () => {
    expect(await firedAt('2026-11-17T23:59:59')).toEqual([]);
    const fired = await firedAt(PAUSE_ENDS);
    expect(fired.map((f) => f.contract).sort()).toEqual(['perInstalment', 'undecided']);
    for (const f of fired) expect(f.at).toBe(sh(PAUSE_ENDS));
    expect(fired.find((f) => f.contract === 'perInstalment')).toMatchObject({ instalment: c.perInstalment.instalments[0] });
    expect(await firedAt('2026-12-31T10:00:00')).toEqual([]);
    const escalated = await t.db.selectFrom('receivable_escalations').select('contract_id').execute();
    expect(escalated.filter((e) => e.contract_id === c.confirmed.id)).toEqual([]);
    expect(escalated).toHaveLength(6);
    // The pending claim is still pending: the pause ended, the claim waits for finance all the same.
    expect((await detail('undecided')).claims[0].status).toBe('pending');
  });
});
