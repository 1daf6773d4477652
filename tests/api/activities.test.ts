import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/factories.js';

describe('activities', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    const a = await t.as('seller_a');
    ids.custA = (await a({ method: 'POST', url: '/api/customers', payload: { name: '上海瑞金医院' } })).json().id;
    ids.custA2 = (await a({ method: 'POST', url: '/api/customers', payload: { name: '苏州康复中心' } })).json().id;
    ids.contact = (await a({ method: 'POST', url: `/api/customers/${ids.custA}/contacts`, payload: { name: '王主任', decisionPower: 'decision_maker' } })).json().id;
    ids.otherContact = (await a({ method: 'POST', url: `/api/customers/${ids.custA2}/contacts`, payload: { name: '李科长' } })).json().id;
    const b = await t.as('seller_b');
    ids.custB = (await b({ method: 'POST', url: '/api/customers', payload: { name: '广州医疗器械公司' } })).json().id;
    ids.dealA = await insertDeal(t, ids.custA, t.org.users.sellerA.id, '瑞金 DR 设备');
    ids.dealA2 = await insertDeal(t, ids.custA2, t.org.users.sellerA.id, '康复中心耗材');
    ids.dealB = await insertDeal(t, ids.custB, t.org.users.sellerB.id, '广州经销');
  });
  afterAll(async () => t?.close());

  it('quick-logs with three fields and creates the next-action task for the owner in the same write', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({
      method: 'POST',
      url: '/api/activities',
      payload: { customerId: ids.custA, summary: '电话沟通 DR 采购预算', nextAction: '周三上门演示', nextActionAt: '2026-11-04T10:00:00+08:00' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      type: 'other',
      occurredAt: '2026-11-02T02:00:00.000Z',
      customer: { id: ids.custA, name: '上海瑞金医院' },
      owner: { id: t.org.users.sellerA.id },
      effective: true,
      effect: 'advanced_decision',
      nextActionAt: '2026-11-04T02:00:00.000Z',
      task: { title: '周三上门演示', dueAt: '2026-11-04T02:00:00.000Z', status: 'open', assignee: { id: t.org.users.sellerA.id }, customer: { id: ids.custA, name: '上海瑞金医院' } },
    });
    const tasks = (await seller({ method: 'GET', url: '/api/tasks?assigneeId=me' })).json();
    expect(tasks.items.map((x: { id: string }) => x.id)).toContain(body.task.id);
    const events = await t.db.selectFrom('events').select(['type', 'payload']).where('entity_id', 'in', [body.id, body.task.id]).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['task.created', 'activity.logged']);
    expect(JSON.parse(events[1].payload)).toMatchObject({ customerId: ids.custA, effective: true, taskId: body.task.id });
    const audit = (await seller({ method: 'GET', url: `/api/audit?entity=activity&id=${body.id}` })).json().items;
    expect(audit[0]).toMatchObject({ action: 'create', after: { summary: '电话沟通 DR 采购预算', taskId: body.task.id } });
  });

  it('logs a full activity with deal and contacts, classifies it and creates no task without a date', async () => {
    const seller = await t.as('seller_a');
    const before = await t.db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await seller({
      method: 'POST',
      url: '/api/activities',
      payload: {
        type: 'visit',
        occurredAt: '2026-11-01T06:30:00.000Z',
        customerId: ids.custA,
        dealId: ids.dealA,
        contactIds: [ids.contact, ids.contact],
        summary: '拜访设备科',
        outcome: '设备科嫌现有设备维护慢',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ type: 'visit', deal: { id: ids.dealA, title: '瑞金 DR 设备' }, contactIds: [ids.contact], effective: true, effect: 'probed_need', task: null });
    const after = await t.db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const greeting = await seller({ method: 'POST', url: '/api/activities', payload: { type: 'wechat', customerId: ids.custA2, summary: '节日问候' } });
    expect(greeting.json()).toMatchObject({ effective: false, effect: 'none' });
    const explicit = await seller({ method: 'POST', url: '/api/activities', payload: { type: 'call', customerId: ids.custA2, summary: '询问痛点', effect: 'probed_need' } });
    expect(explicit.json()).toMatchObject({ effective: true, effect: 'probed_need' });
  });

  it('writes nothing when contacts, deal or customer are wrong (no activity, no task)', async () => {
    const seller = await t.as('seller_a');
    const count = async () => ({
      activities: Number((await t.db.selectFrom('activities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      tasks: Number((await t.db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      events: Number((await t.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    });
    const before = await count();
    const base = { customerId: ids.custA, summary: '跟进', nextAction: '回访', nextActionAt: '2026-11-05T02:00:00.000Z' };
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...base, contactIds: [ids.otherContact] }, 400, 'contactIds'],
      [{ ...base, contactIds: ['nope'] }, 400, 'contactIds'],
      [{ ...base, dealId: ids.dealA2 }, 400, 'dealId'],
      [{ ...base, dealId: ids.dealB }, 404, 'dealId'],
      [{ ...base, customerId: ids.custB }, 404, 'customerId'],
      [{ ...base, custom: { nope: 1 } }, 400, 'custom.nope'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await seller({ method: 'POST', url: '/api/activities', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await count()).toEqual(before);
  });

  it('lists newest first within scope, with filters and pagination', async () => {
    const sellerA = await t.as('seller_a');
    const sellerB = await t.as('seller_b');
    t.clock.advance(60_000);
    const bAct = await sellerB({ method: 'POST', url: '/api/activities', payload: { type: 'call', customerId: ids.custB, summary: '华南电话' } });
    expect(bAct.statusCode).toBe(201);
    const all = (await sellerA({ method: 'GET', url: '/api/activities' })).json();
    expect(all.total).toBe(4);
    expect(all.items.map((a: { customerId: string }) => a.customerId)).not.toContain(ids.custB);
    const times = all.items.map((a: { occurredAt: string }) => a.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await sellerA({ method: 'GET', url: `/api/activities/${bAct.json().id}` })).statusCode).toBe(404);
    expect((await sellerB({ method: 'GET', url: `/api/activities?customerId=${ids.custA}` })).json().total).toBe(0);
    const lead = (await (await t.as('lead_east1'))({ method: 'GET', url: '/api/activities' })).json();
    expect(lead.total).toBe(4);
    expect((await (await t.as('director'))({ method: 'GET', url: '/api/activities' })).json().total).toBe(5);

    const get = async (qs: string) => (await sellerA({ method: 'GET', url: `/api/activities?${qs}` })).json();
    expect((await get(`customerId=${ids.custA}`)).total).toBe(2);
    // The quick-logged activities without a dealId were linked to custA's only open deal (issue 15).
    const onDeal = (await get(`dealId=${ids.dealA}`)).items;
    expect(onDeal.map((a: { type: string }) => a.type)).toContain('visit');
    expect(onDeal.every((a: { dealId: string }) => a.dealId === ids.dealA)).toBe(true);
    expect((await get('type=wechat')).total).toBe(1);
    expect((await get('from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z')).total).toBe(1);
    expect((await get(`ownerId=${t.org.users.sellerA.id}`)).total).toBe(4);
    const p2 = await get('pageSize=3&page=2');
    expect(p2).toMatchObject({ total: 4 });
    expect(p2.items).toHaveLength(1);
  });

  it('counts activities on the customer detail', async () => {
    const detail = (await (await t.as('seller_a'))({ method: 'GET', url: `/api/customers/${ids.custA}` })).json();
    expect(detail.counts).toEqual({ deals: 1, activities: 2 });
  });

  it.each([
    [{ summary: 'x' }, 'customerId'],
    [{ customerId: 'c' }, 'summary'],
    [{ customerId: 'c', summary: '  ' }, 'summary'],
    [{ customerId: 'c', summary: 'x', type: 'fax' }, 'type'],
    [{ customerId: 'c', summary: 'x', occurredAt: 'yesterday' }, 'occurredAt'],
    [{ customerId: 'c', summary: 'x', nextActionAt: '2026-11-05T02:00:00Z' }, 'nextAction'],
    [{ customerId: 'c', summary: 'x', nextAction: 'y', nextActionAt: '2026-11-05' }, 'nextActionAt'],
    [{ customerId: 'c', summary: 'x', contactIds: 'a' }, 'contactIds'],
    [{ customerId: 'c', summary: 'x', effect: 'great' }, 'effect'],
  ])('POST /api/activities %j → 400 naming %s', async (payload, field) => {
    const res = await (await t.as('seller_a'))({ method: 'POST', url: '/api/activities', payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses an activity dated in the future and bad list filters', async () => {
    const seller = await t.as('seller_a');
    const future = await seller({ method: 'POST', url: '/api/activities', payload: { customerId: ids.custA, summary: 'x', occurredAt: '2026-11-09T00:00:00Z' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].field).toBe('occurredAt');
    for (const [qs, field] of [['type=fax', 'type'], ['from=monday', 'from'], ['pageSize=0', 'pageSize']]) {
      const res = await seller({ method: 'GET', url: `/api/activities?${qs}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe(field);
    }
  });
});
