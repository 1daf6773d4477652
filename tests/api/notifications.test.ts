import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/core/config.js';
import type { Deps } from '../../server/core/http.js';
import { dispatchDue } from '../../server/modules/notifications/dispatcher.js';
import { enqueueNotification, enqueueWebhook } from '../../server/modules/notifications/outbox.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { startRobotReceiver, startWebhookReceiver, type RobotReceiver } from '../support/receivers.js';

describe('notifications: enqueue, in-app inbox, webhooks', () => {
  let t: TestContext;
  let deps: Deps;
  let eastRobot: RobotReceiver;
  let teamRobot: RobotReceiver;
  const channelIds: Record<string, string> = {};

  const notify = (key: string, userId: string, extra: Record<string, unknown> = {}) =>
    t.db.transaction().execute((trx) =>
      enqueueNotification(trx, t.clock, {
        idempotencyKey: key,
        userId,
        title: '商机停滞提醒',
        titleEn: 'Deal stalled',
        body: '深圳市人民医院 已在「方案呈现」停留 7 个工作日',
        bodyEn: 'Shenzhen People’s Hospital idle in "Proposal" for 7 working days',
        link: '/deals/d-1',
        subject: { type: 'deal', id: 'd-1' },
        ...extra,
      }),
    );

  beforeAll(async () => {
    t = await setupTestApp();
    deps = { db: t.db, dialect: t.dialect, clock: t.clock, config: loadConfig({ ACTIONFLOW_PUBLIC_URL: 'https://crm.example.com/', ACTIONFLOW_OUTBOUND_ALLOW: '127.0.0.1,::1,localhost' }) };
    eastRobot = await startRobotReceiver('wecom', { now: () => t.clock.now() });
    teamRobot = await startRobotReceiver('dingtalk', { now: () => t.clock.now(), secret: 'SECteam1' });
    const admin = await t.as('admin');
    const create = async (body: Record<string, unknown>) => {
      const res = await admin({ method: 'POST', url: '/api/channels', payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    // 华东 has a WeCom robot (English); 华东一组 has its own DingTalk robot; e-mail and SMS serve the whole company.
    channelIds.east = await create({ kind: 'wecom', name: '华东群', teamId: t.org.teams.east, settings: { format: 'markdown', locale: 'en' }, secrets: { webhookUrl: eastRobot.url } });
    channelIds.team1 = await create({ kind: 'dingtalk', name: '华东一组群', teamId: t.org.teams.eastTeam1, settings: { format: 'text' }, secrets: { webhookUrl: teamRobot.url, secret: 'SECteam1' } });
    channelIds.mail = await create({ kind: 'email', name: 'SMTP', settings: { host: '127.0.0.1', port: 2525, secure: false, from: 'actionflow@example.com' } });
    channelIds.sms = await create({ kind: 'sms', name: '短信', settings: { provider: 'log', templateCode: 'SMS_100' } });
    await t.db.updateTable('users').set({ phone: '13800138000', email: 'seller.a@example.com' }).where('id', '=', t.org.users.sellerA.id).execute();
  });
  afterAll(async () => {
    await eastRobot?.close();
    await teamRobot?.close();
    await t?.close();
  });

  it('writes the inbox row and one outbox row per channel serving the recipient’s team, in the caller’s transaction', async () => {
    expect(await notify('sla:timer1:L1:sellerA', t.org.users.sellerA.id)).toEqual({ created: true });
    const inbox = await t.db.selectFrom('notifications').selectAll().where('user_id', '=', t.org.users.sellerA.id).execute();
    expect(inbox).toHaveLength(1);
    const rows = await t.db.selectFrom('outbox').selectAll().where('idempotency_key', 'like', 'sla:timer1:L1:sellerA#%').orderBy('kind').execute();
    expect(rows.map((r) => [r.kind, r.channel_id, r.recipient])).toEqual([
      ['dingtalk', channelIds.team1, t.org.users.sellerA.id],
      ['email', channelIds.mail, 'seller.a@example.com'],
      ['sms', channelIds.sms, '13800138000'],
      ['wecom', channelIds.east, t.org.users.sellerA.id],
    ]);
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    const wecom = JSON.parse(rows[3].payload);
    expect(wecom).toMatchObject({ locale: 'en', title: 'Deal stalled', link: '/deals/d-1', mentions: [{ mobile: '13800138000' }] });
    expect(JSON.parse(rows[0].payload)).toMatchObject({ locale: 'zh-CN', title: '商机停滞提醒' });
  });

  it('is idempotent on the request key, and a rolled-back cause leaves nothing behind', async () => {
    expect(await notify('sla:timer1:L1:sellerA', t.org.users.sellerA.id)).toEqual({ created: false });
    expect(await t.db.selectFrom('outbox').select('id').where('idempotency_key', 'like', 'sla:timer1:L1:sellerA#%').execute()).toHaveLength(4);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueNotification(trx, t.clock, { idempotencyKey: 'rolled-back', userId: t.org.users.sellerA.id, title: 'x', body: 'y' });
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(await t.db.selectFrom('outbox').select('id').where('idempotency_key', 'like', 'rolled-back%').execute()).toHaveLength(0);
    expect(await t.db.selectFrom('notifications').select('id').where('idempotency_key', '=', 'rolled-back').execute()).toHaveLength(0);
  });

  it('limits delivery to the requested channels; another team only gets company-wide channels', async () => {
    await notify('only-inapp', t.org.users.sellerA.id, { channels: ['inapp'] });
    expect(await t.db.selectFrom('outbox').select('id').where('idempotency_key', 'like', 'only-inapp#%').execute()).toHaveLength(0);
    await notify('robot-only', t.org.users.sellerA.id, { channels: ['wecom'] });
    expect(await t.db.selectFrom('notifications').select('id').where('idempotency_key', '=', 'robot-only').execute()).toHaveLength(0);
    expect((await t.db.selectFrom('outbox').select('kind').where('idempotency_key', 'like', 'robot-only#%').execute()).map((r) => r.kind)).toEqual(['wecom']);
    // seller_b (华南) has neither robot, and no e-mail or phone on file.
    await notify('south', t.org.users.sellerB.id);
    expect(await t.db.selectFrom('outbox').select('id').where('idempotency_key', 'like', 'south#%').execute()).toHaveLength(0);
    // rm_east (华东) gets the 华东 robot but not the 华东一组 one.
    await notify('rm', t.org.users.rmEast.id);
    expect((await t.db.selectFrom('outbox').select('channel_id').where('idempotency_key', 'like', 'rm#%').execute()).map((r) => r.channel_id)).toEqual([channelIds.east]);
  });

  it('delivers robot messages in the channel language with the absolute deal link', async () => {
    await t.db.updateTable('outbox').set({ status: 'dead' }).where('kind', 'in', ['email', 'sms']).execute();
    while ((await dispatchDue(deps)) > 0);
    const wecom = eastRobot.accepted.find((m) => m.text.includes('Deal stalled'))!;
    expect(wecom.body.msgtype).toBe('markdown');
    expect(wecom.text).toContain('[Open deal](https://crm.example.com/deals/d-1)');
    const ding = teamRobot.accepted.find((m) => m.text.includes('商机停滞提醒'))!;
    expect(ding.body).toMatchObject({ msgtype: 'text', at: { atMobiles: ['13800138000'], isAtAll: false } });
    expect(ding.text).toContain('查看商机: https://crm.example.com/deals/d-1');
    expect(ding.text).toContain('@13800138000');
  });

  it('posts one group-robot message per firing naming every recipient, not one identical post per recipient', async () => {
    const { sellerA, sellerA2, leadEast1 } = t.org.users;
    await t.db.updateTable('users').set({ phone: '13900139000' }).where('id', '=', sellerA2.id).execute();
    await t.db.updateTable('users').set({ phone: null }).where('id', '=', leadEast1.id).execute();
    const before = { east: eastRobot.accepted.length, team: teamRobot.accepted.length };
    // One firing (same key prefix) to three people of 华东一组, in one transaction, as the SLA engine does.
    await t.db.transaction().execute(async (trx) => {
      for (const user of [sellerA, sellerA2, leadEast1]) {
        await enqueueNotification(trx, t.clock, { idempotencyKey: `sla:group-fire:1:${user.id}`, userId: user.id, title: '商机停滞', titleEn: 'Deal idle', body: '7 天未跟进', bodyEn: 'Idle 7 days', link: '/deals/d-9', channels: ['wecom', 'dingtalk'] });
      }
    });
    // A retry of the same firing adds nothing.
    await t.db.transaction().execute((trx) =>
      enqueueNotification(trx, t.clock, { idempotencyKey: `sla:group-fire:1:${sellerA.id}`, userId: sellerA.id, title: '商机停滞', titleEn: 'Deal idle', body: '7 天未跟进', bodyEn: 'Idle 7 days', link: '/deals/d-9', channels: ['wecom', 'dingtalk'] }),
    );
    const rows = await t.db.selectFrom('outbox').select(['kind', 'payload']).where('idempotency_key', 'like', 'sla:group-fire:1#%').orderBy('kind').execute();
    expect(rows.map((r) => r.kind)).toEqual(['dingtalk', 'wecom']);
    while ((await dispatchDue(deps)) > 0);
    const ding = teamRobot.accepted.slice(before.team);
    const wecom = eastRobot.accepted.slice(before.east);
    expect(ding).toHaveLength(1);
    expect(wecom).toHaveLength(1);
    const names = Object.fromEntries((await t.db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
    // DingTalk pings by mobile (atMobiles + "@mobile" in the text) and names whoever has no mobile on file.
    expect(ding[0].body.at).toEqual({ atMobiles: ['13800138000', '13900139000'], isAtAll: false });
    expect(ding[0].text).toContain('@13800138000 @13900139000');
    expect(ding[0].text).toContain(`@${names[leadEast1.id]}`);
    // WeCom markdown cannot ping by mobile: every recipient is named once in the one message.
    const named = wecom[0].text.split('\n').at(-1)!.split(' ').sort();
    expect(named).toEqual([sellerA, sellerA2, leadEast1].map((u) => `@${names[u.id]}`).sort());
  });

  it('shows the caller’s inbox with unread counts, newest first, and marks read (own only)', async () => {
    const seller = await t.as('seller_a');
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(60_000);
      await notify(`inbox-${i}`, t.org.users.sellerA.id, { title: `提醒 ${i}`, channels: ['inapp'] });
    }
    await notify('other-user', t.org.users.sellerA2.id, { channels: ['inapp'] });
    let res = await seller({ method: 'GET', url: '/api/notifications?pageSize=2' });
    expect(res.statusCode).toBe(200);
    let inbox = res.json();
    expect(inbox.total).toBe(5);
    expect(inbox.unread).toBe(5);
    expect(inbox.items.map((n: { title: string }) => n.title)).toEqual(['提醒 3', '提醒 2']);
    expect(inbox.items[0]).toMatchObject({ titleEn: 'Deal stalled', link: '/deals/d-1', subject: { type: 'deal', id: 'd-1' }, readAt: null });

    const read = await seller({ method: 'POST', url: `/api/notifications/${inbox.items[0].id}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(t.clock.now().toISOString());
    res = await seller({ method: 'GET', url: '/api/notifications?unread=true' });
    inbox = res.json();
    expect([inbox.total, inbox.unread]).toEqual([4, 4]);

    const others = await t.db.selectFrom('notifications').select('id').where('user_id', '=', t.org.users.sellerA2.id).executeTakeFirstOrThrow();
    expect((await seller({ method: 'POST', url: `/api/notifications/${others.id}/read` })).statusCode).toBe(404);
    expect((await t.db.selectFrom('notifications').select('read_at').where('id', '=', others.id).executeTakeFirstOrThrow()).read_at).toBeNull();

    res = await seller({ method: 'POST', url: '/api/notifications/read-all' });
    expect(res.json()).toEqual({ updated: 4, unread: 0 });
    expect((await seller({ method: 'GET', url: '/api/notifications' })).json().unread).toBe(0);
    expect((await (await t.as('seller_a2'))({ method: 'GET', url: '/api/notifications' })).json().unread).toBe(1);
  });

  it('rejects bad inbox queries naming the field', async () => {
    const res = await (await t.as('seller_a'))({ method: 'GET', url: '/api/notifications?pageSize=1000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('pageSize');
  });

  it('delivers an outgoing webhook once, signed with HMAC-SHA256 over the raw body, retrying a busy endpoint', async () => {
    const hook = await startWebhookReceiver('whsec-1');
    try {
      hook.failNext(1);
      const enqueue = () =>
        t.db.transaction().execute((trx) =>
          enqueueWebhook(trx, t.clock, { idempotencyKey: 'rule-7:event-9', url: hook.url, secret: 'whsec-1', event: 'deal.stage_changed', payload: { dealId: 'd-1', to: 'won' } }),
        );
      expect(await enqueue()).toEqual({ created: true });
      expect(await enqueue()).toEqual({ created: false });
      await dispatchDue(deps);
      expect(hook.accepted).toHaveLength(0);
      const row = await t.db.selectFrom('outbox').selectAll().where('idempotency_key', '=', 'webhook#rule-7:event-9').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('HTTP 503') });
      expect(JSON.parse(row.payload).secret).toBeUndefined();
      t.clock.advance(5_000);
      await dispatchDue(deps);
      expect(hook.rejected).toEqual([]);
      expect(hook.accepted.map(({ receivedAt: _, ...rest }) => rest)).toEqual([
        { event: 'deal.stage_changed', delivery: 'webhook#rule-7:event-9', body: { event: 'deal.stage_changed', id: 'rule-7:event-9', occurredAt: row.created_at, payload: { dealId: 'd-1', to: 'won' } } },
      ]);
      await dispatchDue(deps);
      expect(hook.accepted).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });
});
