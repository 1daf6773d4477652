import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

// Seed 000's action lock: a visit counts as "communicated" only with materials sent, a spoken walkthrough and the
// next meeting agreed.
const lock = {
  mode: 'require',
  items: [
    { key: 'materials_sent', label: '已发送资料', labelEn: 'Materials sent' },
    { key: 'walkthrough', label: '语音解读', labelEn: 'Spoken walkthrough', hint: '3 分钟语音讲解方案' },
    { key: 'next_meeting', label: '约定下次会面', labelEn: 'Next meeting agreed' },
  ],
};

describe('activity checklists and the effective-interaction rule', () => {
  let t: TestContext;
  let admin: Requester;
  let seller: Requester;
  let customerId: string;

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await t.as('admin');
    seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '苏州精工机械' } })).json().id;
  });
  afterAll(() => t.close());

  const log = (payload: Record<string, unknown>) => seller({ method: 'POST', url: '/api/activities', payload: { customerId, summary: '上门拜访', ...payload } });
  const activityCount = async () => Number((await t.db.selectFrom('activities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('lets only admins set a checklist, and names bad fields', async () => {
    expect((await seller({ method: 'GET', url: '/api/activity-types/visit/checklist' })).json()).toEqual({ type: 'visit', mode: 'off', items: [], updatedAt: null });
    expect((await seller({ method: 'PUT', url: '/api/activity-types/visit/checklist', payload: lock })).statusCode).toBe(403);
    const badType = await admin({ method: 'PUT', url: '/api/activity-types/fax/checklist', payload: lock });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.fields[0].field).toBe('type');
    const dup = await admin({ method: 'PUT', url: '/api/activity-types/visit/checklist', payload: { mode: 'require', items: [lock.items[0], lock.items[0]] } });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields[0].field).toBe('items.1.key');
    const empty = await admin({ method: 'PUT', url: '/api/activity-types/visit/checklist', payload: { mode: 'count', items: [] } });
    expect(empty.json().error.fields[0].field).toBe('items');
    const saved = await admin({ method: 'PUT', url: '/api/activity-types/visit/checklist', payload: lock });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ type: 'visit', mode: 'require', items: lock.items });
  });

  it('refuses an incomplete required checklist with 422 and the unmet items, writing nothing', async () => {
    const before = await activityCount();
    const res = await log({ type: 'visit', nextAction: '周三演示', nextActionAt: '2026-11-04T02:00:00.000Z', checklist: { materials_sent: true, walkthrough: { done: false } } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'CHECKLIST_INCOMPLETE', type: 'visit' });
    expect(res.json().error.unmet.map((u: { code: string; requirement: { item: string } }) => [u.code, u.requirement.item])).toEqual([
      ['CHECKLIST_INCOMPLETE', 'walkthrough'],
      ['CHECKLIST_INCOMPLETE', 'next_meeting'],
    ]);
    expect(res.json().error.unmet[0].hint).toContain('3 分钟语音');
    expect(await activityCount()).toBe(before);
    expect(await t.db.selectFrom('tasks').selectAll().execute()).toEqual([]);
    const stranger = await log({ type: 'visit', checklist: { materials_sent: true, coffee: true } });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields[0].field).toBe('checklist.coffee');
    const shape = await log({ type: 'visit', checklist: { materials_sent: 'yes' } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields[0].field).toMatch(/^checklist/);
  });

  it('accepts the complete checklist and keeps the answers', async () => {
    const res = await log({ type: 'visit', outcome: '设备科关心能耗', checklist: { materials_sent: true, walkthrough: { done: true, note: '3 分钟语音' }, next_meeting: true } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ effective: true, effect: 'probed_need', checklist: { complete: true, unmet: [] } });
    const stored = (await seller({ method: 'GET', url: `/api/activities/${res.json().id}/checklist` })).json();
    expect(stored.checklist).toMatchObject({ type: 'visit', complete: true, answers: { walkthrough: { done: true, note: '3 分钟语音' } } });
    // Types without a checklist refuse answers rather than silently dropping them.
    const call = await log({ type: 'call', checklist: { materials_sent: true } });
    expect(call.statusCode).toBe(400);
    expect(call.json().error.fields[0].field).toBe('checklist');
  });

  it('in count mode stores an incomplete first touch but does not count it as effective', async () => {
    const firstTouch = {
      mode: 'count',
      items: [
        { key: 'decision_power', label: '确认身份与决策权' },
        { key: 'pain_quote', label: '记录客户原话痛点' },
        { key: 'next_contact', label: '约定下次联系' },
      ],
    };
    expect((await admin({ method: 'PUT', url: '/api/activity-types/call/checklist', payload: firstTouch })).statusCode).toBe(200);
    const partial = await log({ type: 'call', outcome: '老板说库存压力大', checklist: { decision_power: true } });
    expect(partial.statusCode).toBe(201);
    expect(partial.json()).toMatchObject({ effective: false, effect: 'probed_need', checklist: { complete: false } });
    const event = await t.db.selectFrom('events').select('payload').where('entity_id', '=', partial.json().id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({ effective: false });
    const full = await log({ type: 'call', outcome: '老板说库存压力大', checklist: { decision_power: true, pain_quote: true, next_contact: true } });
    expect(full.json()).toMatchObject({ effective: true });
  });

  it('makes the effective rule configurable: which effects count', async () => {
    expect((await seller({ method: 'GET', url: '/api/activity-settings/effective-rule' })).json()).toMatchObject({ counts: ['delivered_info', 'probed_need', 'advanced_decision'] });
    const bad = await admin({ method: 'PUT', url: '/api/activity-settings/effective-rule', payload: { counts: ['none'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('counts.0');
    expect((await seller({ method: 'PUT', url: '/api/activity-settings/effective-rule', payload: { counts: [] } })).statusCode).toBe(403);
    expect((await admin({ method: 'PUT', url: '/api/activity-settings/effective-rule', payload: { counts: ['advanced_decision'] } })).statusCode).toBe(200);
    const materials = await log({ type: 'materials', summary: '发了报价单' });
    expect(materials.json()).toMatchObject({ effective: false, effect: 'delivered_info' });
    const booked = await log({ type: 'wechat', nextAction: '约周五演示', nextActionAt: '2026-11-06T02:00:00.000Z' });
    expect(booked.json()).toMatchObject({ effective: true, effect: 'advanced_decision' });
  });
});
