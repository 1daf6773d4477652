/**
 * Receivables on both databases: escalation on the shared clock (effective due + 3 working days, replayed with
 * `tick --at`) → one finance work order to the team's finance partner and one task for the seller's lead, stating the
 * outstanding amount; cancelled when paid first; tolerance; a claim pausing it and its rejection firing it at once; the
 * countdown board, ageing with drill-down and export, and a calendar change recomputing effective due dates (audited).
 * Times are Shanghai local unless marked Z.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickAt } from '../../server/cli/tick.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { addUser, insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('receivables: escalation, board, ageing', () => {
  let t: TestContext;
  let customerId: string;
  let partnerId: string;
  const c: Record<string, { id: string; instalment: string }> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-09-21T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    partnerId = await addUser(t, 'finance_east', t.org.teams.east, 'finance');
    const seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '宁波市妇幼保健院' } })).json().id;
    for (const key of ['overdue', 'paidFirst', 'claimed', 'short', 'partial', 'later']) {
      const dealId = await insertDeal(t, customerId, t.org.users.sellerA.id, 'won');
      const dueDate = key === 'later' ? '2026-11-16' : '2026-10-01';
      const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId, signedAt: '2026-09-20', amountFen: 100_000, plan: [{ dueDate, amountFen: 100_000, method: 'wire' }] } });
      expect(res.statusCode, res.body).toBe(201);
      c[key] = { id: res.json().id, instalment: res.json().instalments[0].id };
    }
    // The bare test pipeline has no stages; the SLA job replayed by tick reads them.
    await t.db.updateTable('pipelines').set({ definition: JSON.stringify({ key: 'leads-test', name: 'B2B', stages: [] }) }).where('key', '=', 'leads-test').execute();
  });
  afterAll(async () => t?.close());

  const base = () => ({ db: t.db, dialect: t.dialect, config: t.config });
  const escalations = async (local: string) => (await tickAt(base(), new Date(sh(local)))).filter((f) => f.kind === 'receivable.escalation');
  const pay = async (key: string, amountFen: number, receivedOn: string) => {
    const res = await (await t.as('finance'))({ method: 'POST', url: `/api/contracts/${c[key].id}/payments`, payload: { amountFen, receivedOn, method: 'wire', reference: `REF-${key}` } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('admins set a finance partner per team; only finance users qualify', async () => {
    const admin = await t.as('admin');
    expect((await admin({ method: 'PUT', url: `/api/receivables/finance-partners/${t.org.teams.east}`, payload: { userId: t.org.users.sellerA.id } })).statusCode).toBe(400);
    const res = await admin({ method: 'PUT', url: `/api/receivables/finance-partners/${t.org.teams.east}`, payload: { userId: partnerId } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.find((i: { team: { id: string } }) => i.team.id === t.org.teams.east).partner).toEqual({ id: partnerId, name: 'finance_east' });
    expect((await (await t.as('finance'))({ method: 'PUT', url: `/api/receivables/finance-partners/${t.org.teams.east}`, payload: { userId: null } })).statusCode).toBe(403);
  });

  it('the countdown board: red within 3 days, overdue on top, scoped; settled today stays as normal', async () => {
    const finance = await t.as('finance');
    const early = (await finance({ method: 'GET', url: '/api/receivables?asOf=2026-09-28' })).json();
    // Oct 8 is 10 days away from Sep 28: normal; the Nov 16 one too.
    expect(early.items.map((i: { band: string }) => i.band)).toEqual(['normal', 'normal', 'normal', 'normal', 'normal', 'normal']);
    const board = (await finance({ method: 'GET', url: '/api/receivables?asOf=2026-10-06' })).json();
    expect(board.counts).toMatchObject({ red: 5, yellow: 0, overdue: 0 });
    expect(board.items[0]).toMatchObject({ daysToDue: 2, band: 'red', effectiveDueDate: '2026-10-08', contract: { number: expect.stringMatching(/^HT2026-/) }, owner: { id: t.org.users.sellerA.id } });
    expect((await (await t.as('seller_b'))({ method: 'GET', url: '/api/receivables?asOf=2026-10-06' })).json().items).toEqual([]);
    expect((await (await t.as('lead_east1'))({ method: 'GET', url: '/api/receivables?asOf=2026-10-06' })).json().items).toHaveLength(6);
  });

  it('payments before the escalation: paid first cancels it; a bank-fee shortfall within tolerance closes it with a note', async () => {
    t.clock.set(sh('2026-10-12T10:00:00'));
    const paid = await pay('paidFirst', 100_000, '2026-10-12');
    expect(paid.instalments[0]).toMatchObject({ status: 'paid', escalateAt: null });
    const short = await pay('short', 95_000, '2026-10-12');
    expect(short.instalments[0]).toMatchObject({ status: 'paid', shortfallFen: 5_000, outstandingFen: 5_000, escalateAt: null });
    const partial = await pay('partial', 30_000, '2026-10-12');
    expect(partial.instalments[0]).toMatchObject({ status: 'overdue', outstandingFen: 70_000, escalateAt: sh('2026-10-13T00:00:00') });
    // The board keeps what was settled today, as normal.
    const board = (await (await t.as('finance'))({ method: 'GET', url: '/api/receivables?asOf=2026-10-12' })).json();
    expect(board.items.find((i: { id: string }) => i.id === c.paidFirst.instalment)).toMatchObject({ status: 'paid', band: 'normal' });
    expect(board.items[0]).toMatchObject({ status: 'overdue', band: 'red', daysToDue: -4 });
  });

  it('a seller files a payment claim: the escalation waits for finance', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'POST', url: `/api/contracts/${c.claimed.id}/claims`, payload: { amountFen: 100_000, claimedOn: '2026-10-11', reference: '客户称已电汇', note: '附银行回单' } });
    expect(res.statusCode, res.body).toBe(201);
    // Three working days from Oct 12: Oct 13, 14, 15 → held until Oct 16 00:00.
    expect(res.json().claims[0]).toMatchObject({ status: 'pending', pauseUntil: sh('2026-10-16T00:00:00') });
    expect(res.json().instalments[0].escalateAt).toBe(sh('2026-10-16T00:00:00'));
  });

  it('effective due + 3 working days: one work order to the finance partner and one task for the lead, once, stating the outstanding', async () => {
    expect(await escalations('2026-10-12T23:59:59')).toEqual([]);
    const fired = await escalations('2026-10-13T00:00:00');
    expect(fired.map((f) => f.subject)).toEqual(expect.arrayContaining([{ type: 'contract', id: c.overdue.id }, { type: 'contract', id: c.partial.id }]));
    expect(fired).toHaveLength(2);
    expect(fired.find((f) => f.subject?.id === c.partial.id)).toMatchObject({ at: sh('2026-10-13T00:00:00'), outstandingFen: 70_000 });
    expect(await escalations('2026-10-13T09:00:00')).toEqual([]);
    const orders = await t.db.selectFrom('work_orders').innerJoin('work_order_types', 'work_order_types.id', 'work_orders.type_id').select(['work_orders.title', 'work_orders.assignee_id', 'work_orders.requester_id', 'work_order_types.key', 'work_orders.deal_id']).execute();
    expect(orders).toHaveLength(2);
    for (const o of orders) expect(o).toMatchObject({ key: 'receivable', assignee_id: partnerId, requester_id: t.org.users.sellerA.id });
    // No amount in a title: support reads every work order and task (org-wide) but no contract amount.
    for (const o of orders) expect(o.title).toMatch(/^回款逾期：HT2026-\d+ 第1期$/);
    // The outstanding amount is stated in the partner's and the lead's personal in-app messages.
    const messages = await t.db.selectFrom('notifications').select(['user_id', 'title']).where('subject_type', '=', 'contract').execute();
    expect(messages.filter((m) => m.user_id === partnerId).map((m) => m.title).sort()).toEqual([expect.stringContaining('未收 ¥1,000.00'), expect.stringContaining('未收 ¥700.00')].sort());
    expect(messages.filter((m) => m.user_id === t.org.users.leadEast1.id).map((m) => m.title)).toEqual(expect.arrayContaining([expect.stringContaining('未收 ¥700.00')]));
    const support = await t.as('support');
    const list = await support({ method: 'GET', url: '/api/work-orders' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(2);
    const seen = [list.body, ...(await Promise.all(list.json().items.map(async (o: { id: string }) => (await support({ method: 'GET', url: `/api/work-orders/${o.id}` })).body)))];
    const tasksSeen = await support({ method: 'GET', url: '/api/tasks?view=all' });
    expect(tasksSeen.json().items.some((x: { title: string }) => x.title.startsWith('24小时内'))).toBe(true);
    seen.push(tasksSeen.body);
    for (const body of seen) expect(body).not.toMatch(/¥|1,000\.00|700\.00|outstandingFen/);
    const tasks = await t.db.selectFrom('tasks').select(['assignee_id', 'title', 'due_at']).where('title', 'like', '24小时内%').execute();
    expect(tasks).toHaveLength(2);
    for (const task of tasks) expect(task).toMatchObject({ assignee_id: t.org.users.leadEast1.id, due_at: sh('2026-10-14T00:00:00') });
    const detail = (await (await t.as('finance'))({ method: 'GET', url: `/api/contracts/${c.partial.id}` })).json();
    expect(detail.instalments[0]).toMatchObject({ escalated: true, escalateAt: null });
    expect(detail.escalations[0]).toMatchObject({ outstandingFen: 70_000, workOrderId: expect.any(String), taskId: expect.any(String) });
  });

  it('finance rejects the claim: the escalation fires at once, with the rejection note', async () => {
    t.clock.set(sh('2026-10-14T10:00:00'));
    const res = await (await t.as('finance'))({ method: 'POST', url: `/api/contracts/${c.claimed.id}/claims/${(await t.db.selectFrom('payment_claims').select('id').executeTakeFirstOrThrow()).id}/decision`, payload: { decision: 'rejected', note: '未查到到账流水' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().claims[0]).toMatchObject({ status: 'rejected', decisionNote: '未查到到账流水' });
    const fired = await escalations('2026-10-14T10:00:00');
    expect(fired).toMatchObject([{ subject: { type: 'contract', id: c.claimed.id }, outstandingFen: 100_000 }]);
    const order = await t.db.selectFrom('work_orders').select('description').where('id', '=', fired[0].workOrderId as string).executeTakeFirstOrThrow();
    expect(order.description).toContain('回款申明被驳回：未查到到账流水');
  });

  it('ageing as of a date: buckets, the 90+ share, collected this month, DSO, drill-down and .xlsx', async () => {
    const finance = await t.as('finance');
    const res = await finance({ method: 'GET', url: '/api/receivables/ageing?asOf=2026-11-20&groupBy=seller' });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    // Oct 8 → Nov 20 = 43 days: overdue 1 000 + partial 700 + claimed 1 000 in 31–60; Nov 16 → 4 days: 1 000 in 1–30.
    expect(a.totals).toEqual({ current: 0, d1_30: 100_000, d31_60: 270_000, d61_90: 0, d90_plus: 0, totalFen: 370_000 });
    expect(a.groups).toMatchObject([{ key: t.org.users.sellerA.id, name: 'seller_a', totalFen: 370_000, contracts: 4, contractsOver90: 0 }]);
    expect(a.over90).toEqual({ contracts: 4, over90: 0, share: 0 });
    expect(a.dso).toMatchObject({ receivablesFen: 370_000, salesFen: 600_000, days: 90 });
    const later = (await finance({ method: 'GET', url: '/api/receivables/ageing?asOf=2027-01-20&groupBy=customer' })).json();
    expect(later.over90).toEqual({ contracts: 4, over90: 3, share: 0.75 });
    const october = (await finance({ method: 'GET', url: '/api/receivables/ageing?asOf=2026-10-31&groupBy=team' })).json();
    expect(october.collectedThisMonth).toEqual([{ seller: { id: t.org.users.sellerA.id, name: 'seller_a' }, collectedFen: 225_000 }]);
    expect(october.groups[0]).toMatchObject({ key: t.org.teams.eastTeam1, name: '华东一组' });
    const drill = (await finance({ method: 'GET', url: `/api/receivables/ageing/instalments?asOf=2026-11-20&groupBy=seller&key=${t.org.users.sellerA.id}&bucket=d31_60` })).json();
    expect(drill.items.map((i: { outstandingFen: number }) => i.outstandingFen).reduce((s: number, x: number) => s + x, 0)).toBe(270_000);
    const file = await finance({ method: 'GET', url: '/api/receivables/ageing/export?asOf=2026-11-20&groupBy=seller' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await (await t.as('support'))({ method: 'GET', url: '/api/receivables/ageing/export' })).statusCode).toBe(403);
  });

  it('a calendar change moves unpaid effective due dates (audited); escalations already fired stay', async () => {
    const admin = await t.as('admin');
    const res = await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: 'Asia/Shanghai', restWeekdays: [6, 7], extraDaysOff: ['2026-11-16'], extraWorkdays: [] } });
    expect(res.statusCode, res.body).toBe(200);
    await tickAt(base(), new Date(sh('2026-10-14T11:00:00')));
    const later = (await admin({ method: 'GET', url: `/api/contracts/${c.later.id}` })).json();
    expect(later.instalments[0]).toMatchObject({ dueDate: '2026-11-16', effectiveDueDate: '2026-11-17', escalateAt: sh('2026-11-21T00:00:00') });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'contract').where('entity_id', '=', c.later.id).where('action', '=', 'effective_due_recomputed').execute();
    expect(audit).toHaveLength(1);
    expect(await t.db.selectFrom('receivable_escalations').select('id').execute()).toHaveLength(3);
  });

  it('an already escalated instalment is re-dated on a calendar change (audited); its escalation stays and does not fire again', async () => {
    const admin = await t.as('admin');
    const ordersBefore = await t.db.selectFrom('work_orders').select(['id', 'status']).orderBy('id').execute();
    // Oct 8 becomes a day off: the escalated `overdue` instalment's effective date moves to Oct 9.
    const res = await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: 'Asia/Shanghai', restWeekdays: [6, 7], extraDaysOff: ['2026-11-16', '2026-10-08'], extraWorkdays: [] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await escalations('2026-10-14T12:00:00')).toEqual([]);
    const overdue = (await admin({ method: 'GET', url: `/api/contracts/${c.overdue.id}` })).json();
    expect(overdue.instalments[0]).toMatchObject({ dueDate: '2026-10-01', effectiveDueDate: '2026-10-09', escalated: true, escalateAt: null });
    expect(overdue.escalations).toHaveLength(1);
    const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'contract').where('entity_id', '=', c.overdue.id).where('action', '=', 'effective_due_recomputed').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].before as string)).toMatchObject({ instalmentId: c.overdue.instalment, effectiveDueDate: '2026-10-08' });
    expect(JSON.parse(audit[0].after as string)).toMatchObject({ instalmentId: c.overdue.instalment, effectiveDueDate: '2026-10-09' });
    // A paid instalment keeps the date it was paid against (history), with no audit entry.
    const paid = (await admin({ method: 'GET', url: `/api/contracts/${c.paidFirst.id}` })).json();
    expect(paid.instalments[0]).toMatchObject({ status: 'paid', effectiveDueDate: '2026-10-08' });
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', c.paidFirst.id).where('action', '=', 'effective_due_recomputed').execute()).toHaveLength(0);
    expect(await t.db.selectFrom('receivable_escalations').select('id').execute()).toHaveLength(3);
    expect(await t.db.selectFrom('work_orders').select(['id', 'status']).orderBy('id').execute()).toEqual(ordersBefore);
  });
});
