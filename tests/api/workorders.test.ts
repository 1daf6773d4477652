/**
 * Work orders on both databases: the response and resolution clocks across the National Day holiday and the lunch
 * break on the handling team's business hours, the "waiting for requester" pause, reopen (total resolution from
 * creation), reassignment, scope, and bad input. Times below are Shanghai local unless marked Z.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';
import { addPresales, addType, type PresalesDept } from '../support/workorders.js';

// Wed 2026-09-30 16:00 local. Oct 1–7 are the National Day holiday; Oct 8 (Thu) is the next working day.
const START = '2026-09-30T08:00:00.000Z';

describe('work orders', () => {
  let t: TestContext;
  let dept: PresalesDept;
  let dealId: string;
  let customerId: string;
  const orders: Record<string, string> = {};

  beforeAll(async () => {
    // The clock moves weeks ahead; sessions must outlive it.
    t = await setupTestApp({ start: START, config: { sessionTtlHours: 24 * 365 } });
    dept = await addPresales(t);
    await addType(t, { key: 'presales', name: '售前支持', nameEn: 'Presales', team: '售前支持部', response: '4bh', resolution: '8bh', warnShare: 0.75 });
    const seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '浙江省人民医院' } })).json().id;
    dealId = await insertDeal(t, customerId, t.org.users.sellerA.id);
    await t.db.updateTable('deals').set({ title: '浙江省人民医院 CT 项目', amount_fen: 88_000_000 }).where('id', '=', dealId).execute();
  });
  afterAll(async () => t?.close());

  const as = async (username: string) => t.as(username);

  it('a seller requests help on a deal: response due across the holiday, resolution across the lunch break', async () => {
    const seller = await as('seller_a');
    const res = await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'deal', id: dealId }, title: '需要技术交流支持' } });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    orders.main = order.id;
    expect(order).toMatchObject({
      status: 'open',
      requester: { id: t.org.users.sellerA.id, name: 'seller_a' },
      assignee: null,
      queue: { id: dept.teamId, name: '售前支持部' },
      subject: { type: 'deal', id: dealId, title: '浙江省人民医院 CT 项目' },
      type: { key: 'presales', version: 1 },
    });
    // 16:00–18:00 on 9/30 (2 h), then 09:00–11:00 on 10/8: the holiday week does not count.
    expect(order.sla.response).toEqual({ dueAt: '2026-10-08T03:00:00.000Z', status: 'running', warning: false });
    // 2 h + 09:00–12:00 (3 h) + 13:30–16:30 (3 h): the lunch break 12:00–13:30 does not count.
    expect(order.sla.resolution).toMatchObject({ dueAt: '2026-10-08T08:30:00.000Z', status: 'running', requesterWaitingMinutes: 0 });
    expect(order.history).toHaveLength(1);
    // The queue hears about it, with a link that opens the order.
    const inbox = await t.db.selectFrom('notifications').select(['user_id', 'link']).where('link', '=', `/work-orders/${order.id}`).execute();
    expect(inbox.map((n) => n.user_id).sort()).toEqual([dept.lead, dept.helper1, dept.helper2].sort());
  });

  it('a helper sees the order about a deal outside their scope, without the deal amount, and not the deal itself', async () => {
    const helper = await as('presales_1');
    const list = await helper({ method: 'GET', url: '/api/work-orders?view=queue' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((o: { id: string }) => o.id)).toContain(orders.main);
    const one = await helper({ method: 'GET', url: `/api/work-orders/${orders.main}` });
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain('88000000');
    expect((await helper({ method: 'GET', url: `/api/deals/${dealId}` })).statusCode).toBe(404);
    // Another region's seller sees nothing of it.
    const other = await as('seller_b');
    expect((await other({ method: 'GET', url: `/api/work-orders/${orders.main}` })).statusCode).toBe(404);
    expect((await other({ method: 'GET', url: '/api/work-orders' })).json().items).toEqual([]);
    // The requester's lead sees it through the requester's team.
    expect((await (await as('lead_east1'))({ method: 'GET', url: `/api/work-orders/${orders.main}` })).statusCode).toBe(200);
  });

  it('one-tap respond takes the order and records the response as hit; waiting for the requester pauses resolution', async () => {
    const helper = await as('presales_1');
    t.clock.set('2026-10-08T02:00:00.000Z'); // 10:00, an hour before the response is due
    const responded = await helper({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { status: 'in_progress' } });
    expect(responded.statusCode, responded.body).toBe(200);
    expect(responded.json()).toMatchObject({ status: 'in_progress', assignee: { id: dept.helper1 }, sla: { response: { status: 'hit', dueAt: '2026-10-08T03:00:00.000Z' } } });
    const event = await t.db.selectFrom('events').select('payload').where('type', '=', 'work_order.updated').where('entity_id', '=', orders.main).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({ from: 'open', status: 'in_progress', changed: expect.arrayContaining(['status']), before: { status: 'open' }, after: { status: 'in_progress' } });

    const waiting = await helper({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { status: 'waiting_requester', note: '请补充客户的院内网络拓扑' } });
    expect(waiting.json().sla.resolution).toMatchObject({ status: 'paused', dueAt: null });
    // The requester is told, with the link.
    expect(await t.db.selectFrom('notifications').select('id').where('user_id', '=', t.org.users.sellerA.id).where('link', '=', `/work-orders/${orders.main}`).execute()).toHaveLength(1);

    t.clock.set('2026-10-08T06:00:00.000Z'); // 14:00: paused 10:00–12:00 and 13:30–14:00 = 150 business minutes
    const mid = await (await as('seller_a'))({ method: 'GET', url: `/api/work-orders/${orders.main}` });
    expect(mid.json().sla.resolution).toMatchObject({ status: 'paused', requesterWaitingMinutes: 150 });
    const back = await (await as('seller_a'))({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { status: 'in_progress', note: '已补充' } });
    expect(back.statusCode, back.body).toBe(200);
    // 3 h ran before the pause; 14:00–18:00 adds 4 h; the last hour is 09:00–10:00 on 10/9.
    expect(back.json().sla.resolution).toMatchObject({ status: 'running', dueAt: '2026-10-09T02:00:00.000Z', requesterWaitingMinutes: 150 });
  });

  it('resolving in time is a hit; the requester rates; a reopen measures from creation with the resolved gap included', async () => {
    const helper = await as('presales_1');
    const seller = await as('seller_a');
    t.clock.set('2026-10-09T01:30:00.000Z'); // 09:30 on 10/9, half an hour early
    const resolved = await helper({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { status: 'resolved', note: '方案已发' } });
    expect(resolved.json()).toMatchObject({ status: 'resolved', sla: { resolution: { status: 'hit', dueAt: '2026-10-09T02:00:00.000Z', requesterWaitingMinutes: 150 }, firstResolution: { status: 'hit' } } });

    const rated = await seller({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { rating: 5, ratingComment: '很专业' } });
    expect(rated.json()).toMatchObject({ rating: 5, ratingComment: '很专业' });
    expect((await seller({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { rating: 4 } })).json().error.reason).toBe('wo_already_rated');

    t.clock.set('2026-10-12T01:00:00.000Z'); // Monday 09:00: the customer had more questions
    const reopened = await seller({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { status: 'reopened', note: '客户还有疑问' } });
    expect(reopened.statusCode, reopened.body).toBe(200);
    // Total resolution counts from creation, the resolved gap included: already past its due time.
    expect(reopened.json()).toMatchObject({ status: 'reopened', reopenCount: 1, sla: { resolution: { status: 'missed', dueAt: '2026-10-09T02:00:00.000Z' }, firstResolution: { status: 'hit' } } });

    t.clock.set('2026-10-12T02:00:00.000Z');
    await helper({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { status: 'in_progress' } });
    const again = await helper({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { status: 'resolved' } });
    expect(again.json().sla).toMatchObject({ response: { status: 'hit' }, resolution: { status: 'missed' }, firstResolution: { status: 'hit', at: '2026-10-09T01:30:00.000Z' } });
    const closed = await seller({ method: 'PATCH', url: `/api/work-orders/${orders.main}`, payload: { status: 'closed' } });
    expect(closed.json().status).toBe('closed');
    expect(closed.json().history.map((h: { status: string }) => h.status)).toEqual(['open', 'in_progress', 'waiting_requester', 'in_progress', 'resolved', 'reopened', 'in_progress', 'resolved', 'closed']);
  });

  it('a closed order keeps its outcomes when the team calendar changes later', async () => {
    const before = (await (await as('seller_a'))({ method: 'GET', url: `/api/work-orders/${orders.main}` })).json();
    const admin = await as('admin');
    // The team now "closes" on 10/8: recomputed, the first resolution would be later — but it stays as recorded.
    const put = await admin({ method: 'PUT', url: `/api/calendar/teams/${dept.teamId}/schedule`, payload: { intervals: [['09:00', '12:00'], ['13:30', '18:00']], closures: [{ from: '2026-10-08', to: '2026-10-08', reason: '团建' }] } });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await (await as('seller_a'))({ method: 'GET', url: `/api/work-orders/${orders.main}` })).json();
    expect(after.sla).toEqual(before.sla);
    await admin({ method: 'PUT', url: `/api/calendar/teams/${dept.teamId}/schedule`, payload: { intervals: [['09:00', '12:00'], ['13:30', '18:00']], closures: [] } });
  });

  it('reassigning keeps the clock; the new assignee is told', async () => {
    t.clock.set('2026-10-13T01:00:00.000Z'); // Tue 09:00
    const seller = await as('seller_a');
    const created = (await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'customer', id: customerId }, title: '参数对比表' } })).json();
    orders.second = created.id;
    expect(created.sla.response.dueAt).toBe('2026-10-13T06:30:00.000Z'); // 09:00 + 3 h = 12:00, + 1 h after lunch = 14:30
    const lead = await as('presales_lead');
    t.clock.set('2026-10-13T02:00:00.000Z');
    const a1 = await lead({ method: 'PATCH', url: `/api/work-orders/${created.id}`, payload: { assigneeId: dept.helper1 } });
    expect(a1.json()).toMatchObject({ status: 'assigned', assignee: { id: dept.helper1 } });
    const a2 = await lead({ method: 'PATCH', url: `/api/work-orders/${created.id}`, payload: { assigneeId: dept.helper2 } });
    expect(a2.json().assignee.id).toBe(dept.helper2);
    expect(a2.json().sla.response.dueAt).toBe(created.sla.response.dueAt);
    expect(a2.json().sla.resolution.dueAt).toBe(created.sla.resolution.dueAt);
    const told = await t.db.selectFrom('notifications').select('user_id').where('link', '=', `/work-orders/${created.id}`).where('user_id', '=', dept.helper2).execute();
    expect(told.length).toBeGreaterThanOrEqual(1);
    // Someone outside the handling team cannot take it.
    const bad = await lead({ method: 'PATCH', url: `/api/work-orders/${created.id}`, payload: { assigneeId: t.org.users.sellerA2.id } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'assigneeId', code: 'not_in_queue' });
  });

  it('the queue is sorted by due time and carries the warning colour', async () => {
    t.clock.set('2026-10-13T05:00:00.000Z'); // 13:00 (lunch): 3 h of 4 consumed = past the 0.75 warning share
    const list = (await (await as('presales_2'))({ method: 'GET', url: '/api/work-orders?view=queue&status=active' })).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([orders.second]);
    expect(list.items[0].sla.response).toMatchObject({ status: 'running', warning: true });
  });

  it('answers bad input with 4xx naming the field, and refuses moves that do not belong to the caller', async () => {
    const seller = await as('seller_a');
    const noTitle = await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'deal', id: dealId } } });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.fields.map((f: { field: string }) => f.field)).toContain('title');
    const badType = await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'nope', subject: { type: 'deal', id: dealId }, title: 'x' } });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.fields[0]).toMatchObject({ field: 'type', code: 'not_found_work_order_type' });
    const otherDeal = await (await as('seller_b'))({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'deal', id: dealId }, title: 'x' } });
    expect(otherDeal.statusCode).toBe(404);
    expect(otherDeal.json().error.fields[0]).toMatchObject({ field: 'subject.id' });
    const badRating = await seller({ method: 'PATCH', url: `/api/work-orders/${orders.second}`, payload: { rating: 6 } });
    expect(badRating.statusCode).toBe(400);
    const early = await seller({ method: 'PATCH', url: `/api/work-orders/${orders.second}`, payload: { rating: 5 } });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.reason).toBe('wo_not_resolved');
    // The requester cannot resolve their own request; the helper cannot close it for them.
    const selfResolve = await seller({ method: 'PATCH', url: `/api/work-orders/${orders.second}`, payload: { status: 'resolved' } });
    expect(selfResolve.statusCode).toBe(403);
    const badMove = await (await as('presales_2'))({ method: 'PATCH', url: `/api/work-orders/${orders.second}`, payload: { status: 'closed' } });
    expect(badMove.statusCode).toBe(422);
    expect(badMove.json().error).toMatchObject({ code: 'INVALID_STATE', reason: 'wo_transition' });
    const empty = await seller({ method: 'PATCH', url: `/api/work-orders/${orders.second}`, payload: {} });
    expect(empty.statusCode).toBe(400);
    const unknownStatus = await seller({ method: 'GET', url: '/api/work-orders?status=bogus' });
    expect(unknownStatus.statusCode).toBe(400);
    // Nothing was written by the refused requests.
    const history = await t.db.selectFrom('work_order_history').select('id').where('order_id', '=', orders.second).execute();
    expect(history).toHaveLength(3);
  });

  it('types are versioned: a new version applies to new orders, a running order keeps the targets it started under', async () => {
    const admin = await as('admin');
    const put = await admin({ method: 'PUT', url: '/api/work-order-types/presales', payload: { key: 'presales', name: '售前支持', team: dept.teamId, response: '1bh', resolution: '2bh' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(2);
    const running = (await (await as('seller_a'))({ method: 'GET', url: `/api/work-orders/${orders.second}` })).json();
    expect(running.type.version).toBe(1);
    expect(running.sla.response.dueAt).toBe('2026-10-13T06:30:00.000Z');
    t.clock.set('2026-10-14T01:00:00.000Z');
    const fresh = (await (await as('seller_a'))({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'deal', id: dealId }, title: '新版本' } })).json();
    expect(fresh.type.version).toBe(2);
    expect(fresh.sla.response.dueAt).toBe('2026-10-14T02:00:00.000Z');
  });
  it('reports the month per type with outcomes and the requester waiting time, scoped', async () => {
    // The type's current name (version 2 above dropped the English name).
    const report = (await (await as('lead_east1'))({ method: 'GET', url: '/api/work-orders/report?month=2026-10' })).json();
    expect(report.types).toEqual([
      { key: 'presales', name: '售前支持', nameEn: null, resolved: 1, responseHit: 1, responseMissed: 0, resolutionHit: 0, resolutionMissed: 1, firstResolutionHit: 1, requesterWaitingMinutes: 150 },
    ]);
    expect((await (await as('seller_b'))({ method: 'GET', url: '/api/work-orders/report?month=2026-10' })).json().types).toEqual([]);
    expect((await (await as('seller_b'))({ method: 'GET', url: '/api/work-orders/report?month=2026-1' })).statusCode).toBe(400);
  });
});
