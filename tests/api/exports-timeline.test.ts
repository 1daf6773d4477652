/**
 * The exports behind the timelines and my tasks: a deal's activity export holds that deal's activities only (the
 * deal timeline's rows), a customer's all of the customer's, and "my open tasks" the three task tabs together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/factories.js';

describe('timeline and task exports', () => {
  let t: TestContext;
  let seller: Requester, director: Requester;
  let customerId: string, dealA: string, dealB: string;

  const csvIds = async (who: Requester, url: string) => {
    const res = await who({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]).sort();
  };
  const listedIds = async (who: Requester, url: string) => {
    const res = await who({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Array<{ id: string }>).map((r) => r.id);
  };

  beforeAll(async () => {
    t = await setupTestApp();
    seller = await t.as('seller_a');
    director = await t.as('director');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '上海瑞金医院' } })).json().id;
    dealA = await insertDeal(t, customerId, t.org.users.sellerA.id, '瑞金 DR 设备');
    dealB = await insertDeal(t, customerId, t.org.users.sellerA.id, '瑞金耗材');
    for (const [dealId, summary] of [[dealA, 'DR 方案沟通'], [dealA, 'DR 现场演示'], [dealB, '耗材报价'], [null, '年度回访']] as const) {
      const res = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, dealId, summary } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('dealId narrows the activity export to the deal timeline; customerId keeps the whole customer timeline', async () => {
    const dealTimeline = await listedIds(seller, `/api/activities?dealId=${dealA}&pageSize=50`);
    expect(dealTimeline).toHaveLength(2);
    expect(await csvIds(seller, `/api/exports/activities?format=csv&dealId=${dealA}`)).toEqual([...dealTimeline].sort());
    expect(await csvIds(seller, `/api/exports/activities?format=csv&dealId=${dealB}`)).toHaveLength(1);
    const customerTimeline = await listedIds(seller, `/api/activities?customerId=${customerId}&pageSize=50`);
    expect(customerTimeline).toHaveLength(4);
    expect(await csvIds(seller, `/api/exports/activities?format=csv&customerId=${customerId}`)).toEqual([...customerTimeline].sort());
    // The director sees the same deal's rows; a deal id does not widen anyone's scope.
    expect(await csvIds(director, `/api/exports/activities?format=csv&dealId=${dealA}`)).toEqual([...dealTimeline].sort());
    expect(await csvIds(await t.as('seller_b'), `/api/exports/activities?format=csv&dealId=${dealA}`)).toEqual([]);
  });

  it('a deal filter the export does not know is refused, not ignored', async () => {
    const res = await seller({ method: 'GET', url: `/api/exports/activities?format=csv&dealId=${'x'.repeat(65)}` });
    expect(res.statusCode).toBe(400);
  });

  it("ownerId=me's id and status=open export exactly the three task tabs together", async () => {
    const now = t.clock.now().getTime();
    const day = 24 * 3600 * 1000;
    const me = t.org.users.director.id;
    for (const [title, dueAt] of [['逾期任务', now - 2 * day], ['今日任务', now + 60_000], ['明日任务', now + day], ['无期限任务', null]] as const) {
      const res = await director({ method: 'POST', url: '/api/tasks', payload: { title, assigneeId: me, dueAt: dueAt === null ? null : new Date(dueAt).toISOString() } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const done = (await director({ method: 'POST', url: '/api/tasks', payload: { title: '已完成任务', assigneeId: me } })).json().id;
    expect((await director({ method: 'PATCH', url: `/api/tasks/${done}`, payload: { status: 'done' } })).statusCode).toBe(200);
    expect((await director({ method: 'POST', url: '/api/tasks', payload: { title: '销售的任务', assigneeId: t.org.users.sellerA.id } })).statusCode).toBe(201);
    const tabs: string[] = [];
    for (const view of ['today', 'overdue', 'upcoming']) tabs.push(...(await listedIds(director, `/api/tasks?view=${view}&assigneeId=me&pageSize=100`)));
    expect(tabs).toHaveLength(4);
    expect(await csvIds(director, `/api/exports/tasks?format=csv&ownerId=${me}&status=open`)).toEqual(tabs.sort());
  });
});
