import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { setupTestApp, type TestContext } from '../support/app.js';

// 2026-11-02 23:00 in Shanghai (UTC+8): one hour before the local midnight, while UTC is still mid-afternoon.
const START = '2026-11-02T15:00:00.000Z';

describe('tasks', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};

  const titles = async (username: string, qs: string) =>
    (await (await t.as(username))({ method: 'GET', url: `/api/tasks?${qs}` })).json().items.map((x: { title: string }) => x.title);

  beforeAll(async () => {
    t = await setupTestApp({ start: START });
    const a = await t.as('seller_a');
    ids.custA = (await a({ method: 'POST', url: '/api/customers', payload: { name: '上海瑞金医院' } })).json().id;
    const b = await t.as('seller_b');
    ids.custB = (await b({ method: 'POST', url: '/api/customers', payload: { name: '广州医疗器械公司' } })).json().id;
    const now = t.clock.now().toISOString();
    const pipelineId = newId();
    await t.db.insertInto('pipelines').values({ id: pipelineId, key: 'b2b', name: 'B2B', name_en: null, template_key: null, definition: '{}', version: 1, archived: 0, created_at: now, updated_at: now }).execute();
    ids.dealA = newId();
    const sellerA = await t.db.selectFrom('users').select('team_path').where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    await t.db
      .insertInto('deals')
      .values({ id: ids.dealA, title: '瑞金 DR 设备', customer_id: ids.custA, pipeline_id: pipelineId, stage_key: 's1', status: 'open', owner_id: t.org.users.sellerA.id, team_path: sellerA.team_path, amount_fen: 0, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now })
      .execute();

    const make = async (title: string, dueAt: string | null, extra: Record<string, unknown> = {}) => {
      const res = await a({ method: 'POST', url: '/api/tasks', payload: { title, dueAt, ...extra } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.earlyToday = await make('凌晨回访', '2026-11-02T01:00:00+08:00'); // 01:00 local on the 2nd, i.e. 17:00 UTC on the 1st
    ids.lateToday = await make('今晚发报价', '2026-11-02T22:00:00+08:00');
    ids.afterMidnight = await make('明早电话', '2026-11-03T00:30:00+08:00', { customerId: ids.custA, dealId: ids.dealA });
    ids.lastWeek = await make('上周遗留', '2026-10-28T09:00:00+08:00');
    ids.undated = await make('整理资料', null);
  });
  afterAll(async () => t?.close());

  it('answers tasks with customer, deal and assignee, and the deal’s customer when only the deal is given', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'POST', url: '/api/tasks', payload: { title: '寄样品', dealId: ids.dealA, dueAt: '2026-11-10T02:00:00Z' } });
    expect(res.json()).toMatchObject({
      title: '寄样品',
      status: 'open',
      assignee: { id: t.org.users.sellerA.id, name: 'seller_a' },
      customer: { id: ids.custA, name: '上海瑞金医院' },
      deal: { id: ids.dealA, title: '瑞金 DR 设备' },
      bucket: 'upcoming',
    });
    ids.sample = res.json().id;
  });

  it('computes today / overdue / upcoming with Shanghai day boundaries', async () => {
    // Local time 23:00 on 11-02: both tasks due on the 2nd are today, 00:30 on the 3rd is upcoming.
    expect((await titles('seller_a', 'view=today')).sort()).toEqual(['今晚发报价', '凌晨回访'].sort());
    expect(await titles('seller_a', 'view=overdue')).toEqual(['上周遗留']);
    expect(await titles('seller_a', 'view=upcoming')).toEqual(['明早电话', '寄样品', '整理资料']);

    // Cross the local midnight (still 11-02 in UTC): yesterday's tasks become overdue, the 00:30 one is today.
    t.clock.set('2026-11-02T16:05:00.000Z');
    expect(await titles('seller_a', 'view=today')).toEqual(['明早电话']);
    expect(await titles('seller_a', 'view=overdue')).toEqual(['上周遗留', '凌晨回访', '今晚发报价']);
    expect(await titles('seller_a', 'view=upcoming')).toEqual(['寄样品', '整理资料']);
    const one = (await (await t.as('seller_a'))({ method: 'GET', url: `/api/tasks/${ids.lateToday}` })).json();
    expect(one.bucket).toBe('overdue');
  });

  it('completes a task: completedAt from the clock, task.completed event, out of the open views, audited', async () => {
    const seller = await t.as('seller_a');
    t.clock.set('2026-11-03T01:00:00.000Z');
    const res = await seller({ method: 'PATCH', url: `/api/tasks/${ids.lastWeek}`, payload: { status: 'done' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', completedAt: '2026-11-03T01:00:00.000Z', bucket: null });
    expect(await titles('seller_a', 'view=overdue')).not.toContain('上周遗留');
    expect(await titles('seller_a', 'view=all&status=done')).toEqual(['上周遗留']);
    const events = await t.db.selectFrom('events').select('type').where('entity_id', '=', ids.lastWeek).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['task.created', 'task.completed']);
    const audit = (await seller({ method: 'GET', url: `/api/audit?entity=task&id=${ids.lastWeek}` })).json().items;
    expect(audit[0]).toMatchObject({ action: 'update', before: { status: 'open' }, after: { status: 'done' } });
    t.clock.advance(60_000);
    const reopened = await seller({ method: 'PATCH', url: `/api/tasks/${ids.lastWeek}`, payload: { status: 'open' } });
    expect(reopened.json()).toMatchObject({ status: 'open', completedAt: null });
  });

  it('limits assignment: sellers themselves, leads their subtree', async () => {
    const seller = await t.as('seller_a');
    const refused = await seller({ method: 'POST', url: '/api/tasks', payload: { title: 'x', assigneeId: t.org.users.sellerA2.id } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.fields[0].field).toBe('assigneeId');
    const lead = await t.as('lead_east1');
    const ok = await lead({ method: 'POST', url: '/api/tasks', payload: { title: '组长布置', assigneeId: t.org.users.sellerA2.id, dueAt: '2026-11-04T02:00:00Z' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().assignee.id).toBe(t.org.users.sellerA2.id);
    expect((await lead({ method: 'POST', url: '/api/tasks', payload: { title: 'x', assigneeId: t.org.users.sellerB.id } })).statusCode).toBe(403);
    const moved = await lead({ method: 'PATCH', url: `/api/tasks/${ok.json().id}`, payload: { assigneeId: t.org.users.sellerA.id } });
    expect(moved.json().assignee.id).toBe(t.org.users.sellerA.id);
  });

  it('scopes lists and reads/writes by id on the assignee', async () => {
    const sellerB = await t.as('seller_b');
    const own = await sellerB({ method: 'POST', url: '/api/tasks', payload: { title: '华南任务', customerId: ids.custB } });
    expect(own.statusCode).toBe(201);
    expect(await titles('seller_b', 'view=all')).toEqual(['华南任务']);
    expect((await sellerB({ method: 'GET', url: `/api/tasks/${ids.lateToday}` })).statusCode).toBe(404);
    expect((await sellerB({ method: 'PATCH', url: `/api/tasks/${ids.lateToday}`, payload: { status: 'done' } })).statusCode).toBe(404);
    expect((await (await t.as('seller_a'))({ method: 'PATCH', url: `/api/tasks/${own.json().id}`, payload: { title: 'x' } })).statusCode).toBe(404);
    const leadTitles = await titles('lead_east1', 'view=all&pageSize=200');
    expect(leadTitles).toContain('今晚发报价');
    expect(leadTitles).not.toContain('华南任务');
    expect(await titles('director', 'view=all&pageSize=200')).toContain('华南任务');
    expect(await titles('lead_east1', `view=all&assigneeId=${t.org.users.sellerA2.id}`)).toEqual([]);
    // A customer outside the caller's scope cannot be linked.
    const foreign = await sellerB({ method: 'POST', url: '/api/tasks', payload: { title: 'x', customerId: ids.custA } });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.fields[0].field).toBe('customerId');
  });

  it('paginates with total', async () => {
    const page1 = (await (await t.as('seller_a'))({ method: 'GET', url: '/api/tasks?view=all&assigneeId=me&pageSize=2' })).json();
    const page2 = (await (await t.as('seller_a'))({ method: 'GET', url: '/api/tasks?view=all&assigneeId=me&pageSize=2&page=2' })).json();
    expect(page1.total).toBe(7);
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(2);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
  });

  it.each([
    ['POST', '/api/tasks', {}, 'title'],
    ['POST', '/api/tasks', { title: '' }, 'title'],
    ['POST', '/api/tasks', { title: 'x', dueAt: 'tomorrow' }, 'dueAt'],
    ['POST', '/api/tasks', { title: 'x', status: 'later' }, 'status'],
    ['POST', '/api/tasks', { title: 'x', assigneeId: 'ghost' }, 'assigneeId'],
    ['POST', '/api/tasks', { title: 'x', dealId: 'ghost' }, 'dealId'],
    ['PATCH', '/api/tasks/:id', {}, 'body'],
    ['PATCH', '/api/tasks/:id', { status: 'finished' }, 'status'],
    ['PATCH', '/api/tasks/:id', { dueAt: 5 }, 'dueAt'],
    ['GET', '/api/tasks?view=someday', undefined, 'view'],
    ['GET', '/api/tasks?page=-1', undefined, 'page'],
  ] as const)('%s %s %j → 4xx naming %s', async (method, url, payload, field) => {
    const res = await (await t.as('seller_a'))({ method, url: url.replace(':id', ids.undated), ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});
