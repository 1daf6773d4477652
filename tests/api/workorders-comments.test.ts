/**
 * Who hears about a work-order comment, on both databases: while nobody has taken the order, the requester's comment
 * goes to its queue (every active member of the handling team); once taken, to the assignee alone; a helper's
 * comment goes to the requester. Nobody is told of their own comment; each notification links to the order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';
import { addPresales, addType, type PresalesDept } from '../support/workorders.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('work-order comments notify the queue while nobody has taken the order', { timeout: 60_000 }, () => {
  let t: TestContext;
  let dept: PresalesDept;
  afterEach(() => t?.close());

  const comment = async (username: string, id: string, body: string) => {
    const res = await (await t.as(username))({ method: 'POST', url: `/api/work-orders/${id}/comments`, payload: { body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  /** Comment notifications per user id: the links they carry. */
  const commentNotes = async () => {
    const rows = await t.db.selectFrom('notifications').select(['user_id', 'link', 'title']).where('title', 'like', '工单有新留言%').orderBy('user_id').execute();
    const by = new Map<string, string[]>();
    for (const r of rows) by.set(r.user_id, [...(by.get(r.user_id) ?? []), r.link ?? '']);
    return by;
  };

  it('the requester’s comment on an untaken order reaches the handling team; after it is taken, only the assignee', async () => {
    t = await setupTestApp({ start: sh('2026-11-02T09:00:00') });
    dept = await addPresales(t);
    // Someone in another team, to show the comment does not spread beyond the queue.
    await addPresales(t, '法务部');
    await addType(t, { key: 'legal', name: '法务', team: dept.teamId, response: '2bh', resolution: '4bh' });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '舟山医院' } })).json().id;
    const dealId = await insertDeal(t, customerId, t.org.users.sellerA.id);
    const created = await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'legal', subject: { type: 'deal', id: dealId }, title: '合同条款复核' } });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    expect(created.json()).toMatchObject({ status: 'open', assignee: null });
    const link = `/work-orders/${id}`;

    t.clock.set(sh('2026-11-02T09:10:00'));
    await comment('seller_a', id, '补充：对方要求违约金上限 10%');
    let notes = await commentNotes();
    expect([...notes.keys()].sort()).toEqual([dept.lead, dept.helper1, dept.helper2].sort());
    for (const links of notes.values()) expect(links).toEqual([link]);

    // presales_1 takes it; the requester's next comment goes to the assignee alone.
    t.clock.set(sh('2026-11-02T09:20:00'));
    expect((await (await t.as('presales_1'))({ method: 'PATCH', url: `/api/work-orders/${id}`, payload: { status: 'in_progress' } })).statusCode).toBe(200);
    await comment('seller_a', id, '客户催了');
    notes = await commentNotes();
    expect(notes.get(dept.helper1)).toEqual([link, link]);
    expect(notes.get(dept.helper2)).toEqual([link]);
    expect(notes.get(dept.lead)).toEqual([link]);

    // The helper's reply reaches the requester, not the helper.
    t.clock.set(sh('2026-11-02T09:30:00'));
    await comment('presales_1', id, '已在看，今天回复');
    notes = await commentNotes();
    expect(notes.get(t.org.users.sellerA.id)).toEqual([link]);
    expect(notes.get(dept.helper1)).toHaveLength(2);
    expect([...notes.values()].flat()).toHaveLength(5);
  });
});
