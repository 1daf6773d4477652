/**
 * Escalation through the job registry (`tick --at`, exactly once even with two passes at once) and the assist-point
 * ledger: grants, the per-order cap, no points for helping yourself, reversal rows on reopen, a rule change in the
 * middle of a month that leaves earlier grants alone, and the monthly leaderboard per team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayUntil } from '../../server/jobs/replay.js';
import { runWorkOrders, workOrdersJob } from '../../server/modules/workorders/escalation.js';
import { grantFor } from '../../server/modules/workorders/points.js';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';
import { addPresales, addType, type PresalesDept } from '../support/workorders.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('work-order escalation and assist points', () => {
  let t: TestContext;
  let dept: PresalesDept;
  let dealId: string;

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T09:00:00'), config: { sessionTtlHours: 24 * 365 } });
    dept = await addPresales(t);
    // Default ladder: response due → helper; resolution due → helper + lead; 1.5 × resolution → department head.
    await addType(t, { key: 'legal', name: '法务', team: dept.teamId, response: '2bh', resolution: '4bh' });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '宁波第一医院' } })).json().id;
    dealId = await insertDeal(t, customerId, t.org.users.sellerA.id);
  });
  afterAll(async () => t?.close());

  const create = async (title: string, username = 'seller_a') => {
    const res = await (await t.as(username))({ method: 'POST', url: '/api/work-orders', payload: { type: 'legal', subject: { type: 'deal', id: dealId }, title } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const patch = async (username: string, id: string, payload: Record<string, unknown>) => {
    const res = await (await t.as(username))({ method: 'PATCH', url: `/api/work-orders/${id}`, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const ledger = async (username: string, qs = 'month=2026-11') => (await (await t.as(username))({ method: 'GET', url: `/api/assist-points?${qs}` })).json();
  const deps = () => ({ db: t.db, dialect: t.dialect, config: t.config, clock: t.clock });
  // `actionflow tick --at` replays the registered jobs; this one alone here (the test deals have no real pipeline).
  const tickAt = (base: { db: TestContext['db']; dialect: TestContext['dialect']; config: TestContext['config'] }, at: Date) => replayUntil(base, at, [workOrdersJob]);

  it('escalates helper → lead → department head on the ladder, each level once, replayed by tick', async () => {
    t.clock.set(sh('2026-11-02T09:00:00'));
    const id = await create('合同条款复核');
    // Response due 11:00; resolution 4 bh due 14:30 (lunch skipped); 1.5 × = 6 bh due 16:30.
    expect(await tickAt({ db: t.db, dialect: t.dialect, config: t.config }, new Date(sh('2026-11-02T10:59:59')))).toEqual([]);
    const first = await tickAt({ db: t.db, dialect: t.dialect, config: t.config }, new Date(sh('2026-11-02T11:00:00')));
    expect(first.filter((f) => f.kind === 'work_order.escalation').map((f) => [f.level, f.at])).toEqual([[1, sh('2026-11-02T11:00:00')]]);
    expect(await tickAt({ db: t.db, dialect: t.dialect, config: t.config }, new Date(sh('2026-11-02T11:00:00')))).toEqual([]);

    // Two passes at the same instant (several processes on PostgreSQL): each level is recorded and notified once.
    t.clock.set(sh('2026-11-02T17:00:00'));
    const [a, b] = await Promise.all([runWorkOrders(deps()), runWorkOrders(deps())]);
    expect([...a.fired, ...b.fired].map((f) => f.level).sort()).toEqual([2, 3]);
    const again = await runWorkOrders(deps());
    expect(again.fired).toEqual([]);

    const rows = await t.db.selectFrom('work_order_escalations').select(['level', 'recipients']).where('order_id', '=', id).orderBy('level').execute();
    expect(rows.map((r) => r.level)).toEqual([1, 2, 3]);
    const recipients = rows.map((r) => JSON.parse(r.recipients) as string[]);
    expect(recipients[0].sort()).toEqual([dept.lead, dept.helper1, dept.helper2].sort()); // nobody took it: the queue
    expect(recipients[1]).toContain(dept.lead);
    expect(recipients[2]).toEqual([t.org.users.director.id]); // no regional manager above the department: the director
    const sent = await t.db.selectFrom('notification_requests').select('idempotency_key').where('idempotency_key', 'like', `wo-esc:${id}:%`).execute();
    expect(sent).toHaveLength(recipients.flat().length);
    const order = (await (await t.as('seller_a'))({ method: 'GET', url: `/api/work-orders/${id}` })).json();
    expect(order.escalations.map((e: { level: number }) => e.level)).toEqual([1, 2, 3]);
    expect(order.sla).toMatchObject({ response: { status: 'missed' }, resolution: { status: 'missed' } });
  });

  it('grants points for a response and a resolution in SLA and a good rating, capped per order', async () => {
    t.clock.set(sh('2026-11-03T09:00:00'));
    const admin = await t.as('admin');
    const cap = await admin({ method: 'POST', url: '/api/assist-point-rules', payload: { effectiveFrom: '2026-11-03', rules: [{ key: 'fast', kind: 'response_in_sla', points: 2 }, { key: 'solved', kind: 'resolution_in_sla', points: 3 }, { key: 'liked', kind: 'rating_at_least', min: 4, points: 2 }], caps: { perOrder: 6, perHelperWeek: 50 } } });
    expect(cap.statusCode, cap.body).toBe(201);
    const id = await create('保密协议审核');
    t.clock.set(sh('2026-11-03T09:30:00'));
    await patch('presales_1', id, { status: 'in_progress' });
    t.clock.set(sh('2026-11-03T10:30:00'));
    await patch('presales_1', id, { status: 'resolved' });
    t.clock.set(sh('2026-11-03T10:31:00'));
    const rated = await patch('seller_a', id, { rating: 5 });
    // 2 + 3 + 2 would be 7; the order's cap is 6, so the rating earns the 1 point left.
    expect(rated.points.map((p: { ruleKey: string; points: number }) => [p.ruleKey, p.points])).toEqual([['fast', 2], ['solved', 3], ['liked', 1]]);
    const mine = await ledger('presales_1');
    expect(mine.total).toBe(6);
    expect(mine.entries.every((e: { ruleSetVersion: number }) => e.ruleSetVersion === 1)).toBe(true);
  });

  it('reverses the resolution’s points with new rows when the order is reopened; the response stays earned', async () => {
    const [order] = (await (await t.as('seller_a'))({ method: 'GET', url: '/api/work-orders?view=mine&status=resolved' })).json().items;
    t.clock.set(sh('2026-11-04T09:00:00'));
    const reopened = await patch('seller_a', order.id, { status: 'reopened' });
    const rows = reopened.points.map((p: { ruleKey: string; kind: string; points: number }) => `${p.ruleKey}:${p.kind}:${p.points}`);
    // The grants stay as they were; two reversal rows are added.
    expect(rows.slice(0, 3)).toEqual(['fast:grant:2', 'solved:grant:3', 'liked:grant:1']);
    expect(rows.slice(3).sort()).toEqual(['liked:reversal:-1', 'solved:reversal:-3']);
    expect((await ledger('presales_1')).total).toBe(2);
    // Resolving again earns nothing twice: one grant per (order, rule, helper).
    await patch('presales_1', order.id, { status: 'in_progress' });
    await patch('presales_1', order.id, { status: 'resolved' });
    expect((await ledger('presales_1')).total).toBe(2);
    // Even asked directly, with room under both caps, the ledger takes no second grant of a rule for the order.
    for (const kind of ['response_in_sla', 'resolution_in_sla', 'rating_at_least'] as const) {
      expect(await grantFor(t.db, deps(), { id: order.id, requester_id: t.org.users.sellerA.id, rating: 5 }, kind, dept.helper1, t.clock.now())).toBe(0);
    }
    expect((await ledger('presales_1')).total).toBe(2);
  });

  it('no points for helping yourself', async () => {
    t.clock.set(sh('2026-11-05T09:00:00'));
    // A helper who is also the deal's requester: presales_2 asks for help on a customer of their own.
    const helper = await t.as('presales_2');
    const own = (await helper({ method: 'POST', url: '/api/customers', payload: { name: '自己的客户' } })).json().id;
    const res = await helper({ method: 'POST', url: '/api/work-orders', payload: { type: 'legal', subject: { type: 'customer', id: own }, title: '自己处理' } });
    expect(res.statusCode, res.body).toBe(201);
    await patch('presales_2', res.json().id, { status: 'in_progress' });
    await patch('presales_2', res.json().id, { status: 'resolved' });
    expect((await ledger('presales_2')).entries).toEqual([]);
  });

  it('a rule change in the middle of the month applies from its date and never rewrites earlier grants', async () => {
    const admin = await t.as('admin');
    t.clock.set(sh('2026-11-16T09:00:00'));
    const past = await admin({ method: 'POST', url: '/api/assist-point-rules', payload: { effectiveFrom: '2026-11-01', rules: [], caps: {} } });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0]).toMatchObject({ field: 'effectiveFrom', code: 'not_in_past' });
    const v2 = await admin({ method: 'POST', url: '/api/assist-point-rules', payload: { effectiveFrom: '2026-11-17', rules: [{ key: 'fast', kind: 'response_in_sla', points: 5 }], caps: { perOrder: null, perHelperWeek: null } } });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().version).toBe(2);
    // Still the 16th: version 1 scores this response.
    const before = await create('16 日的请求');
    await patch('presales_1', before, { status: 'in_progress' });
    t.clock.set(sh('2026-11-17T09:00:00'));
    const after = await create('17 日的请求');
    await patch('presales_1', after, { status: 'in_progress' });
    const mine = await ledger('presales_1');
    const byOrder = (id: string) => mine.entries.filter((e: { order: { id: string } }) => e.order.id === id).map((e: { points: number; ruleSetVersion: number }) => [e.points, e.ruleSetVersion]);
    expect(byOrder(before)).toEqual([[2, 1]]);
    expect(byOrder(after)).toEqual([[5, 2]]);
    expect(mine.total).toBe(2 + 2 + 5);
    // Last month's ledger is untouched, and the rules answer names the set in force.
    expect((await ledger('presales_1', 'month=2026-10')).entries).toEqual([]);
    expect((await admin({ method: 'GET', url: '/api/assist-point-rules' })).json().inForce.version).toBe(2);
  });

  it('shows a monthly leaderboard per team; only self and managers read a ledger', async () => {
    const board = (await (await t.as('seller_a'))({ method: 'GET', url: '/api/assist-points/leaderboard?month=2026-11' })).json();
    const team = board.teams.find((x: { team: { id: string } }) => x.team.id === dept.teamId);
    expect(team.entries[0]).toMatchObject({ rank: 1, user: { id: dept.helper1 }, total: 9 });
    const other = await (await t.as('seller_b'))({ method: 'GET', url: `/api/assist-points?userId=${dept.helper1}&month=2026-11` });
    expect(other.statusCode).toBe(403);
    const director = await (await t.as('director'))({ method: 'GET', url: `/api/assist-points?userId=${dept.helper1}&month=2026-11` });
    expect(director.json().total).toBe(9);
    const bad = await (await t.as('seller_a'))({ method: 'GET', url: '/api/assist-points?month=2026-13' });
    expect(bad.statusCode).toBe(400);
  });
  it('grants the deal-outcome points when the supported deal advances within N working days of the resolution', async () => {
    t.clock.set(sh('2026-11-18T09:00:00'));
    const id = await create('投标文件法务审核');
    await patch('presales_1', id, { status: 'in_progress' });
    t.clock.set(sh('2026-11-18T10:00:00'));
    await patch('presales_1', id, { status: 'resolved' });
    await t.db.updateTable('assist_rule_sets').set({ definition: JSON.stringify({ rules: [{ key: 'fast', kind: 'response_in_sla', points: 5 }, { key: 'pushed', kind: 'deal_advanced_within', workingDays: 2, points: 4 }], caps: { perOrder: null, perHelperWeek: null } }) }).where('version', '=', 2).execute();
    // Two working days after 10:00 on the 18th is 10:00 on the 20th; the deal moves forward at 09:30 that day.
    const moved = sh('2026-11-20T09:30:00');
    await t.db.insertInto('deal_stage_history').values({ id: 'h-' + id.slice(0, 8), deal_id: dealId, stage_key: 's2', entered_at: moved, left_at: null, entered_by: t.org.users.sellerA.id, direction: 'forward', skip_reason: null }).execute();
    t.clock.set(sh('2026-11-19T09:00:00'));
    await runWorkOrders(deps()); // not yet happened as of the 19th
    expect((await ledger('presales_1')).entries.filter((e: { ruleKey: string }) => e.ruleKey === 'pushed')).toEqual([]);
    t.clock.set(sh('2026-11-21T09:00:00'));
    await runWorkOrders(deps());
    await runWorkOrders(deps());
    const pushed = (await ledger('presales_1')).entries.filter((e: { ruleKey: string }) => e.ruleKey === 'pushed');
    expect(pushed.map((e: { points: number; at: string; order: { id: string } }) => [e.points, e.at, e.order.id])).toEqual([[4, moved, id]]);
  });

  it('the rule action create_work_order opens an order requested by the record owner', async () => {
    const admin = await t.as('admin');
    const rule = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: { key: 'big_customer_legal', name: '新客户法务预审', trigger: { type: 'record.created', entity: 'customer' }, actions: [{ type: 'create_work_order', config: { type: 'legal', title: '新客户资质预审：{{record.name}}' } }] },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const noRecord = await admin({ method: 'POST', url: '/api/rules', payload: { key: 'bad_wo', name: 'x', trigger: { type: 'schedule', cron: '0 9 * * *' }, actions: [{ type: 'create_work_order', config: { type: 'legal', title: 'x' } }] } });
    expect(noRecord.statusCode).toBe(400);
    expect(noRecord.json().error.fields[0].field).toBe('actions.0.type');
    t.clock.set(sh('2026-11-23T09:00:00'));
    const customer = (await (await t.as('seller_a2'))({ method: 'POST', url: '/api/customers', payload: { name: '温州医科大学附属医院' } })).json();
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    const mine = (await (await t.as('seller_a2'))({ method: 'GET', url: '/api/work-orders?view=mine' })).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ title: '新客户资质预审：温州医科大学附属医院', requester: { id: t.org.users.sellerA2.id }, subject: { type: 'customer', id: customer.id }, type: { key: 'legal' }, status: 'open' });
  });
});
