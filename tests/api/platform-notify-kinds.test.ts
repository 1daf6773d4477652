/**
 * `notify.kinds` of a platform connection is a closed list: a typo is refused with a 400 naming the entry (it would
 * otherwise never match and the admin would wonder why nobody gets messages), and the health, risk and receivable
 * notices are kinds of their own that an admin can pick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotification } from '../../server/modules/notifications/outbox.js';
import { notificationKind } from '../../server/modules/platforms/notify.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import type { FakePlatforms } from '../support/fake-platforms.js';
import { connect, startFake } from '../support/platforms.js';

describe('platform notify.kinds', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  beforeAll(async () => {
    t = await setupTestApp();
    fake = await startFake(t);
  });
  afterAll(async () => {
    await fake?.close();
    await t?.close();
  });

  it('refuses an unknown kind with a 400 naming settings.notify.kinds.N, in Chinese first and in English; nothing is stored', async () => {
    const admin = await t.as('admin');
    const before = (await admin({ method: 'GET', url: '/api/platforms' })).json();
    const zh = await admin({ method: 'POST', url: '/api/platforms', payload: { platform: 'wecom', name: '企业微信', settings: { corpId: 'ww1', agentId: '1', notify: { mode: 'also', kinds: ['sla', 'slaa'] } } } });
    expect(zh.statusCode, zh.body).toBe(400);
    expect((zh.json().error.fields as { field: string }[]).map((f) => f.field)).toContain('settings.notify.kinds.1');
    expect(zh.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const en = await admin({ method: 'POST', url: '/api/platforms', headers: { 'accept-language': 'en' }, payload: { platform: 'wecom', name: 'WeCom', settings: { corpId: 'ww1', agentId: '1', notify: { mode: 'also', kinds: ['slaa'] } } } });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).not.toMatch(/[\u4e00-\u9fa5]/);
    expect((await admin({ method: 'GET', url: '/api/platforms' })).json()).toEqual(before);
  });

  it('names the health, risk and receivable notices as kinds, and sends only the chosen ones as app messages', async () => {
    expect(notificationKind('retention-plan:p1:opened:u1')).toBe('health');
    expect(notificationKind('risk:f1:1:u1')).toBe('risk');
    expect(notificationKind('receivable:e1:u1')).toBe('receivable');
    const id = await connect(t, fake, 'wecom', { notify: { mode: 'also', kinds: ['health', 'receivable'] } });
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: t.org.users.sellerA.id, externalId: 'zhangsan' } });
    const seller = t.org.users.sellerA.id;
    await enqueueNotification(t.db, t.clock, { idempotencyKey: `retention-plan:p1:opened:${seller}`, userId: seller, title: '客户转红', body: '请制定挽留计划' });
    await enqueueNotification(t.db, t.clock, { idempotencyKey: `risk:f1:1:${seller}`, userId: seller, title: '风险', body: '缺少技术对比' });
    await enqueueNotification(t.db, t.clock, { idempotencyKey: `receivable:e1:${seller}`, userId: seller, title: '回款逾期', body: '待收 ¥5,000' });
    const app = await t.db.selectFrom('outbox').select(['idempotency_key']).where('kind', '=', 'wecom_app').execute();
    expect(app.map((r) => r.idempotency_key.split(':')[0]).sort()).toEqual(['receivable', 'retention-plan']);
  });
});
