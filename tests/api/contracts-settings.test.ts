/**
 * Issue 10, the configurable receivable policy on both databases: who may change it, the number sequence, the
 * due-date shift, the escalation delay, the claim pause, the band's day basis and the tolerance — and that a change
 * recomputes the timers of unpaid instalments (a lower tolerance re-opens one closed short), which then fire on the
 * shared clock. Times are Shanghai local.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickAt } from '../../server/cli/tick.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

const POLICY = { toleranceFen: 0, bandBasis: 'working', dueShift: 'previous_working_day', numberPrefix: 'SX', numberPad: 3, numberYearly: false, claimPauseDays: 1, escalationDays: 5 };

describe('contracts: the receivable policy', () => {
  let t: TestContext;
  let customerId: string;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    const seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '杭州康捷医疗' } })).json().id;
    // Due Sat Nov 14; due Mon Nov 16, to be paid 50 fen short.
    for (const [key, dueDate] of [['saturday', '2026-11-14'], ['short', '2026-11-16']]) {
      const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: await insertDeal(t, customerId, t.org.users.sellerA.id, 'won'), signedAt: '2026-11-01', amountFen: 100_000, plan: [{ dueDate, amountFen: 100_000, method: 'wire' }] } });
      expect(res.statusCode, res.body).toBe(201);
      c[key] = res.json().id;
    }
    await t.db.updateTable('pipelines').set({ definition: JSON.stringify({ key: 'leads-test', name: 'B2B', stages: [] }) }).where('key', '=', 'leads-test').execute();
  });
  afterAll(async () => t?.close());

  const line = async (key: string) => (await (await t.as('finance'))({ method: 'GET', url: `/api/contracts/${c[key]}` })).json().instalments[0];

  it('the defaults: next working day, 3 working days, ¥100 tolerance; a 50-fen shortfall closes the instalment', async () => {
    const res = await (await t.as('finance'))({ method: 'GET', url: '/api/contracts/settings' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ toleranceFen: 10_000, bandBasis: 'calendar', dueShift: 'next_working_day', numberPrefix: 'HT', claimPauseDays: 3, escalationDays: 3, version: 0 });
    // Sat Nov 14 → Mon Nov 16; Nov 17, 18, 19 → Fri Nov 20 00:00.
    expect(await line('saturday')).toMatchObject({ effectiveDueDate: '2026-11-16', escalateAt: sh('2026-11-20T00:00:00') });
    const paid = await (await t.as('finance'))({ method: 'POST', url: `/api/contracts/${c.short}/payments`, payload: { amountFen: 99_950, receivedOn: '2026-11-02', method: 'wire', reference: 'B-1' } });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().instalments[0]).toMatchObject({ status: 'paid', shortfallFen: 50, escalateAt: null });
  });

  it('only an admin changes it; a bad value names its field and changes nothing', async () => {
    expect((await (await t.as('finance'))({ method: 'PUT', url: '/api/contracts/settings', payload: POLICY })).statusCode).toBe(403);
    expect((await (await t.as('seller_a'))({ method: 'PUT', url: '/api/contracts/settings', payload: POLICY })).statusCode).toBe(403);
    const bad = await (await t.as('admin'))({ method: 'PUT', url: '/api/contracts/settings', payload: { ...POLICY, numberPrefix: 'S X' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject([{ field: 'numberPrefix' }]);
    expect((await (await t.as('finance'))({ method: 'GET', url: '/api/contracts/settings' })).json().version).toBe(0);
  });

  it('a new policy recomputes the timers: previous working day, 5 working days, no tolerance re-opens the short one', async () => {
    const res = await (await t.as('admin'))({ method: 'PUT', url: '/api/contracts/settings', payload: POLICY });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ...POLICY, version: 1 });
    const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'receivable_settings').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after as string)).toMatchObject({ toleranceFen: 0, escalationDays: 5 });
    // Sat Nov 14 → Fri Nov 13; Nov 16, 17, 18, 19, 20 → Sat Nov 21 00:00.
    expect(await line('saturday')).toMatchObject({ effectiveDueDate: '2026-11-13', escalateAt: sh('2026-11-21T00:00:00') });
    // Nov 16 + 5 working days (17, 18, 19, 20, 23) → Tue Nov 24 00:00; the 50 fen are outstanding again.
    expect(await line('short')).toMatchObject({ status: 'partially_paid', outstandingFen: 50, shortfallFen: 0, escalateAt: sh('2026-11-24T00:00:00') });
  });

  it('the number sequence, the claim pause and the band basis follow the policy', async () => {
    const seller = await t.as('seller_a');
    const created = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: await insertDeal(t, customerId, t.org.users.sellerA.id, 'won'), signedAt: '2026-11-02', amountFen: 100, plan: [{ dueDate: '2026-12-31', amountFen: 100, method: 'cash' }] } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().number).toBe('SX-001');
    // Filed Mon Nov 2, one working day (Nov 3) → Wed Nov 4 00:00: shorter than the escalation, so it holds nothing.
    const claim = await seller({ method: 'POST', url: `/api/contracts/${c.saturday}/claims`, payload: { amountFen: 100_000, claimedOn: '2026-11-02' } });
    expect(claim.statusCode, claim.body).toBe(201);
    expect(claim.json().claims[0].pauseUntil).toBe(sh('2026-11-04T00:00:00'));
    expect(claim.json().instalments[0].escalateAt).toBe(sh('2026-11-21T00:00:00'));
    // Thu Nov 5 → Fri Nov 13: 8 calendar days (normal) but 6 working days (yellow).
    const board = (await (await t.as('finance'))({ method: 'GET', url: '/api/receivables?asOf=2026-11-05' })).json();
    expect(board.bandBasis).toBe('working');
    expect(board.items.find((i: { contract: { id: string } }) => i.contract.id === c.saturday)).toMatchObject({ daysToDue: 6, band: 'yellow' });
  });

  it('the recomputed timers are the ones that fire, stating the outstanding amount', async () => {
    const base = { db: t.db, dialect: t.dialect, config: t.config };
    const fire = async (local: string) => (await tickAt(base, new Date(sh(local)))).filter((f) => f.kind === 'receivable.escalation');
    expect(await fire('2026-11-20T23:59:59')).toEqual([]);
    expect(await fire('2026-11-21T00:00:00')).toMatchObject([{ subject: { id: c.saturday }, outstandingFen: 100_000 }]);
    expect(await fire('2026-11-23T23:59:59')).toEqual([]);
    expect(await fire('2026-11-24T00:00:00')).toMatchObject([{ subject: { id: c.short }, outstandingFen: 50 }]);
  });
});
