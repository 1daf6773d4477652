/**
 * A calendar change moves the escalation deadlines of open work orders only: a closure on the queue team's schedule
 * (`calendar.team_updated`) or an extra day off on the org calendar (`calendar.updated`) pushes the next level of an
 * open order past the closed day, so the job does not fire it on the old instant; a resolved order keeps its stored
 * due instants and hit/missed outcomes. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkOrders } from '../../server/modules/workorders/escalation.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';
import { addPresales, addType, type PresalesDept } from '../support/workorders.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const HOURS = [['09:00', '12:00'], ['13:30', '18:00']];

describe('work-order deadlines on a calendar change', () => {
  let t: TestContext;
  let dept: PresalesDept;
  let dealId: string;
  let open: string;
  let resolved: string;

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T09:00:00'), config: { sessionTtlHours: 24 * 365 } });
    dept = await addPresales(t);
    // Default ladder: response due (2 bh) → helper; resolution due (4 bh) → helper + lead; 1.5 × → department head.
    await addType(t, { key: 'legal', name: '法务', team: dept.teamId, response: '2bh', resolution: '4bh' });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '宁波第一医院' } })).json().id;
    dealId = await insertDeal(t, customerId, t.org.users.sellerA.id);
  });
  afterAll(async () => t?.close());

  const deps = () => ({ db: t.db, dialect: t.dialect, config: t.config, clock: t.clock });
  const create = async (title: string) => {
    const res = await (await t.as('seller_a'))({ method: 'POST', url: '/api/work-orders', payload: { type: 'legal', subject: { type: 'deal', id: dealId }, title } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const stored = (id: string) => t.db.selectFrom('work_orders').select(['due_at', 'escalation_due_at', 'status', 'response_due_at', 'response_outcome', 'resolution_due_at', 'resolution_outcome']).where('id', '=', id).executeTakeFirstOrThrow();
  const read = async (id: string) => (await (await t.as('seller_a'))({ method: 'GET', url: `/api/work-orders/${id}` })).json();
  const teamSchedule = async (closures: Array<{ from: string; to: string; reason: string }>) => {
    const res = await (await t.as('admin'))({ method: 'PUT', url: `/api/calendar/teams/${dept.teamId}/schedule`, payload: { intervals: HOURS, closures } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const orgDaysOff = async (extraDaysOff: string[]) => {
    const res = await (await t.as('admin'))({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: 'Asia/Shanghai', restWeekdays: [6, 7], extraDaysOff } });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('moves the next level of an open order past a team closure; a resolved order keeps what it recorded', async () => {
    t.clock.set(sh('2026-11-02T09:00:00'));
    open = await create('合同条款复核');
    resolved = await create('授权书盖章');
    expect((await stored(open)).escalation_due_at).toBe(sh('2026-11-02T11:00:00'));
    t.clock.set(sh('2026-11-02T09:30:00'));
    const helper = await t.as('presales_1');
    expect((await helper({ method: 'PATCH', url: `/api/work-orders/${resolved}`, payload: { status: 'resolved' } })).statusCode).toBe(200);
    const resolvedBefore = { row: await stored(resolved), sla: (await read(resolved)).sla };
    expect(resolvedBefore.sla).toMatchObject({ response: { status: 'hit' }, resolution: { status: 'hit', dueAt: sh('2026-11-02T14:30:00') } });

    // At 10:00 the team declares today closed (团建): the open order's response is due tomorrow 11:00.
    t.clock.set(sh('2026-11-02T10:00:00'));
    await teamSchedule([{ from: '2026-11-02', to: '2026-11-02', reason: '团建' }]);
    // The pass before the old deadline already moves what queues sort by and what the job fires by.
    expect((await runWorkOrders(deps())).fired).toEqual([]);
    expect(await stored(open)).toMatchObject({ due_at: sh('2026-11-03T11:00:00'), escalation_due_at: sh('2026-11-03T11:00:00') });
    t.clock.set(sh('2026-11-02T11:00:00'));
    expect((await runWorkOrders(deps())).fired).toEqual([]);
    expect((await read(open)).sla.response).toMatchObject({ dueAt: sh('2026-11-03T11:00:00'), status: 'running' });
    expect(await t.db.selectFrom('work_order_escalations').select('level').where('order_id', '=', open).execute()).toEqual([]);
    // The closed order's clocks stopped before the change: nothing stored or presented moved.
    expect(await stored(resolved)).toEqual(resolvedBefore.row);
    expect((await read(resolved)).sla).toEqual(resolvedBefore.sla);
  });

  it('an org day off moves it too; reopening the day brings the earlier instant back and the level fires once', async () => {
    await teamSchedule([]);
    await orgDaysOff(['2026-11-02']);
    expect((await runWorkOrders(deps())).fired).toEqual([]);
    expect((await stored(open)).escalation_due_at).toBe(sh('2026-11-03T11:00:00'));

    t.clock.set(sh('2026-11-02T11:30:00'));
    await orgDaysOff([]);
    const fired = (await runWorkOrders(deps())).fired;
    expect(fired.map((f) => [f.kind, f.level, f.at])).toEqual([['work_order.escalation', 1, sh('2026-11-02T11:00:00')]]);
    expect((await runWorkOrders(deps())).fired).toEqual([]);
    expect((await stored(open)).escalation_due_at).toBe(sh('2026-11-02T14:30:00'));
    expect(await stored(resolved)).toMatchObject({ due_at: null, escalation_due_at: null, status: 'resolved' });

    // The helpers' queue lists open orders by that stored due time, the overdue one first, with its SLA state.
    const later = await create('报价单盖章'); // 11:30 → response due 15:00 (lunch skipped)
    const queue = (await (await t.as('presales_2'))({ method: 'GET', url: '/api/work-orders?view=queue&status=active' })).json();
    expect(queue.items.map((o: { id: string }) => o.id)).toEqual([open, later]);
    expect(queue.items.map((o: { sla: { response: { status: string; dueAt: string } } }) => [o.sla.response.status, o.sla.response.dueAt])).toEqual([
      ['missed', sh('2026-11-02T11:00:00')],
      ['running', sh('2026-11-02T15:00:00')],
    ]);
  });
});
