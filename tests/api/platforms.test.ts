/**
 * WeCom / DingTalk / Feishu apps against the local fake platforms (tests/support/fake-platforms.ts), on both
 * databases: connections with sealed secrets and the credential test, sign-in (OAuth return and in-client code)
 * matched by mobile or refused, the token cache refreshed on expiry, personal messages through the outbox with the
 * platform's rate limit and retries, and contact sync (dry run, apply, a leaver, hand edits kept).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueNotification } from '../../server/modules/notifications/outbox.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { CREDS, type FakePlatforms } from '../support/fake-platforms.js';
import { connect, drain, startFake } from '../support/platforms.js';

describe('platform apps', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  afterEach(async () => {
    await fake?.close();
    await t?.close();
  });

  async function setup() {
    t = await setupTestApp();
    fake = await startFake(t);
  }

  const setPhone = (userId: string, phone: string) => t.db.updateTable('users').set({ phone }).where('id', '=', userId).execute();

  it('stores secrets sealed and write-only; the test button fetches a token and reports a wrong secret', async () => {
    await setup();
    const id = await connect(t, fake, 'wecom');
    const admin = await t.as('admin');
    const read = await admin({ method: 'GET', url: `/api/platforms/${id}` });
    expect(read.json()).toMatchObject({ platform: 'wecom', secretFields: ['callbackToken', 'encodingAesKey', 'secret'], callbackUrl: expect.stringContaining(`/api/platforms/${id}/callback`) });
    expect(read.body).not.toContain(CREDS.wecom.secret);
    const row = await t.db.selectFrom('platform_connections').select('secrets').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.secrets).toMatch(/^enc:v1:/);
    expect(row.secrets).not.toContain(CREDS.wecom.secret);

    const ok = await admin({ method: 'POST', url: `/api/platforms/${id}/test` });
    expect(ok.json()).toMatchObject({ ok: true, error: null });
    expect(fake.tokensIssued.wecom).toBe(1);
    await admin({ method: 'PATCH', url: `/api/platforms/${id}`, payload: { secrets: { secret: 'wrong' } } });
    const bad = await admin({ method: 'POST', url: `/api/platforms/${id}/test` });
    expect(bad.json()).toMatchObject({ ok: false, error: expect.stringContaining('40001') });
    // Sellers cannot see or change connections.
    expect((await (await t.as('seller_a'))({ method: 'GET', url: '/api/platforms' })).statusCode).toBe(403);
  });

  it('OAuth sign-in: matched by mobile through the redirect flow (binding stored), refused with a clear message when unmatched', async () => {
    await setup();
    const id = await connect(t, fake, 'wecom');
    await setPhone(t.org.users.sellerA.id, '13800138001');
    fake.members = [
      { id: 'zhangsan', name: '张三', mobile: '13800138001', depts: ['3'] },
      { id: 'stranger', name: '陌生人', mobile: '13900000000', depts: ['3'] },
    ];
    const options = await t.app.inject({ method: 'GET', url: '/api/platforms/sign-in/options' });
    expect(options.json().items).toEqual([{ id, platform: 'wecom', name: 'wecom 应用', startUrl: `/api/platforms/${id}/sign-in/start`, clientId: CREDS.wecom.corpId }]);

    const start = await t.app.inject({ method: 'GET', url: `/api/platforms/${id}/sign-in/start` });
    expect(start.statusCode).toBe(302);
    const target = new URL(start.headers.location as string);
    expect(target.pathname).toBe('/wwlogin/sso/login');
    expect(Object.fromEntries(target.searchParams)).toMatchObject({ login_type: 'CorpApp', appid: CREDS.wecom.corpId, agentid: CREDS.wecom.agentId, redirect_uri: `${t.config.publicUrl}/api/platforms/${id}/sign-in/callback` });
    const state = target.searchParams.get('state')!;
    const stateCookie = start.cookies.find((c) => c.name === 'af_platform_state')!;

    // A return without the state cookie (a forged link) does not sign in.
    const forged = await t.app.inject({ method: 'GET', url: `/api/platforms/${id}/sign-in/callback?code=${fake.issueCode('zhangsan')}&state=${state}` });
    expect(forged.headers.location).toContain('platformError=platform_state_mismatch');
    expect(forged.cookies.find((c) => c.name === 'af_session')).toBeUndefined();

    const back = await t.app.inject({ method: 'GET', url: `/api/platforms/${id}/sign-in/callback?code=${fake.issueCode('zhangsan')}&state=${state}`, cookies: { af_platform_state: stateCookie.value } });
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe('/');
    const session = back.cookies.find((c) => c.name === 'af_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { af_session: session.value } });
    expect(me.json()).toMatchObject({ id: t.org.users.sellerA.id });
    expect(await t.db.selectFrom('platform_links').select(['external_id', 'local_id', 'source']).where('kind', '=', 'user').execute()).toEqual([{ external_id: 'zhangsan', local_id: t.org.users.sellerA.id, source: 'login' }]);
    // The mobile came from getuserdetail (user/get no longer returns it): both were called with the token.
    expect(fake.log).toEqual(expect.arrayContaining(['GET /cgi-bin/auth/getuserinfo', 'POST /cgi-bin/auth/getuserdetail', 'GET /cgi-bin/user/get']));

    const refusedZh = await t.app.inject({ method: 'POST', url: `/api/platforms/${id}/sign-in`, payload: { code: fake.issueCode('stranger'), mode: 'in_client' } });
    expect(refusedZh.statusCode).toBe(403);
    expect(refusedZh.json().error).toMatchObject({ code: 'FORBIDDEN', reason: 'platform_user_unmatched' });
    expect(refusedZh.json().error.message).toContain('陌生人');
    expect(refusedZh.json().error.message).toContain('手机号');
    const refusedEn = await t.app.inject({ method: 'POST', url: `/api/platforms/${id}/sign-in`, headers: { 'accept-language': 'en' }, payload: { code: fake.issueCode('stranger') } });
    expect(refusedEn.json().error.message).toContain('No actionflow user matches');
    expect(refusedEn.cookies.find((c) => c.name === 'af_session')).toBeUndefined();
    // No user was created silently; a used code does not work twice.
    expect(await t.db.selectFrom('users').select('id').where('username', 'like', 'wecom-%').execute()).toEqual([]);
    const reused = await t.app.inject({ method: 'POST', url: `/api/platforms/${id}/sign-in`, payload: { code: 'not-a-code' } });
    expect(reused.json().error.reason).toBe('platform_code_invalid');
    // Password login is unchanged.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'seller_a', password: 'password123' } })).statusCode).toBe(200);
  });

  it('autoCreate: off, an unmatched member is refused and no account appears; enabled by the admin, the sign-in creates the user once, bound', async () => {
    await setup();
    const id = await connect(t, fake, 'dingtalk');
    fake.members = [{ id: 'newhire', name: '新员工', mobile: '13311112222', depts: ['3'] }];
    const refused = await t.app.inject({ method: 'POST', url: `/api/platforms/${id}/sign-in`, payload: { code: fake.issueCode('newhire'), mode: 'in_client' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toBe('platform_user_unmatched');
    expect(await t.db.selectFrom('users').select('id').where('phone', '=', '13311112222').execute()).toEqual([]);

    const admin = await t.as('admin');
    const conn = (await admin({ method: 'GET', url: `/api/platforms/${id}` })).json();
    const patched = await admin({ method: 'PATCH', url: `/api/platforms/${id}`, payload: { settings: { ...conn.settings, autoCreate: true, autoCreateRole: 'seller', autoCreateTeamId: t.org.teams.eastTeam2 } } });
    expect(patched.statusCode, patched.body).toBe(200);
    const first = await t.app.inject({ method: 'POST', url: `/api/platforms/${id}/sign-in`, payload: { code: fake.issueCode('newhire'), mode: 'in_client' } });
    expect(first.statusCode, first.body).toBe(200);
    const created = await t.db.selectFrom('users').selectAll().where('phone', '=', '13311112222').execute();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ username: 'dingtalk-newhire', display_name: '新员工', role: 'seller', team_id: t.org.teams.eastTeam2, active: 1 });
    expect(first.json().user.id).toBe(created[0].id);
    expect(first.headers['set-cookie']).toBeDefined();
    // The second sign-in finds the binding: the same user, no second account.
    const second = await t.app.inject({ method: 'POST', url: `/api/platforms/${id}/sign-in`, payload: { code: fake.issueCode('newhire'), mode: 'in_client' } });
    expect(second.json().user.id).toBe(created[0].id);
    expect(await t.db.selectFrom('users').select('id').where('phone', '=', '13311112222').execute()).toHaveLength(1);
    expect(await t.db.selectFrom('platform_links').select(['external_id', 'local_id', 'source']).where('connection_id', '=', id).execute()).toEqual([{ external_id: 'newhire', local_id: created[0].id, source: 'login' }]);
  });

  it('DingTalk in-client 免登 and Feishu OIDC sign-in match by mobile too', async () => {
    await setup();
    const ding = await connect(t, fake, 'dingtalk');
    const feishu = await connect(t, fake, 'feishu');
    await setPhone(t.org.users.sellerB.id, '13700137000');
    fake.members = [{ id: 'lisi', name: '李四', mobile: '13700137000', depts: ['3'] }];
    const d = await t.app.inject({ method: 'POST', url: `/api/platforms/${ding}/sign-in`, payload: { code: fake.issueCode('lisi'), mode: 'in_client' } });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().user.id).toBe(t.org.users.sellerB.id);
    const dWeb = await t.app.inject({ method: 'POST', url: `/api/platforms/${ding}/sign-in`, payload: { code: fake.issueCode('lisi'), mode: 'web' } });
    expect(dWeb.json().user.id).toBe(t.org.users.sellerB.id);
    const f = await t.app.inject({ method: 'POST', url: `/api/platforms/${feishu}/sign-in`, payload: { code: fake.issueCode('lisi'), mode: 'web' } });
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json().user.id).toBe(t.org.users.sellerB.id);
    expect(fake.refusals).toEqual([]);
  });

  it('refreshes the cached token when it expires (by its expiry and on the expired-token code), rate limit waits and retries', async () => {
    await setup();
    const id = await connect(t, fake, 'wecom', { notify: { mode: 'also' } });
    fake.members = [{ id: 'zhangsan', name: '张三', mobile: '13800138001', depts: ['3'] }];
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: t.org.users.sellerA.id, externalId: 'zhangsan' } });
    const notify = (n: number) =>
      enqueueNotification(t.db, t.clock, { idempotencyKey: `sla:timer${n}:1:${t.org.users.sellerA.id}`, userId: t.org.users.sellerA.id, title: `跟进超时 ${n}`, body: '客户 A 已 3 天未跟进', link: '/deals/d1' });

    await notify(1);
    await drain(t);
    expect(fake.sent.map((m) => m.body.msgtype)).toEqual(['textcard']);
    expect(fake.sent[0]).toMatchObject({ to: 'zhangsan', body: { textcard: { title: '跟进超时 1', url: `${t.config.publicUrl}/deals/d1` } } });
    expect(fake.tokensIssued.wecom).toBe(1);

    // The platform says the token expired before our cache thinks so: one refresh, the message goes out.
    fake.expireTokens();
    await notify(2);
    await drain(t);
    expect(fake.sent).toHaveLength(2);
    expect(fake.tokensIssued.wecom).toBe(2);
    // Two hours later the cache itself knows the token is stale and fetches a new one first.
    t.clock.advance(2 * 3600_000);
    await notify(3);
    await drain(t);
    expect(fake.sent).toHaveLength(3);
    expect(fake.tokensIssued.wecom).toBe(3);

    // Rate limited twice: the row waits (no attempt used up), then goes out once.
    fake.rateLimitNext(2);
    await notify(4);
    await drain(t);
    const row = await t.db.selectFrom('outbox').selectAll().where('idempotency_key', 'like', 'sla:timer4:%').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', kind: 'wecom_app', last_error: expect.stringContaining('45009') });
    for (let i = 0; i < 3; i++) {
      t.clock.advance(60_000);
      await drain(t);
    }
    expect(fake.sent.map((m) => m.body.textcard && (m.body.textcard as { title: string }).title)).toEqual(['跟进超时 1', '跟进超时 2', '跟进超时 3', '跟进超时 4']);
    expect((await t.db.selectFrom('outbox').select('status').where('id', '=', row.id).executeTakeFirstOrThrow()).status).toBe('sent');
    // The same notification again creates nothing (the outbox key).
    await notify(4);
    await drain(t);
    expect(fake.sent).toHaveLength(4);
  });

  it('an unknown member is a dead letter, not retried; "instead" leaves the robots out; the user can turn it off', async () => {
    await setup();
    const id = await connect(t, fake, 'wecom', { notify: { mode: 'instead', kinds: ['sla'] } });
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: t.org.users.sellerA.id, externalId: 'ghost' } });
    const robot = await admin({ method: 'POST', url: '/api/channels', payload: { kind: 'wecom', name: '华东群', secrets: { webhookUrl: `${fake.url}/cgi-bin/webhook/send?key=k1` } } });
    expect(robot.statusCode, robot.body).toBe(201);
    await enqueueNotification(t.db, t.clock, { idempotencyKey: `sla:x:1:${t.org.users.sellerB.id}`, userId: t.org.users.sellerB.id, title: '提醒', body: '内容' });
    // Seller B has no platform account: the robot still names them.
    expect(await t.db.selectFrom('outbox').select('kind').execute()).toEqual([{ kind: 'wecom' }]);
    await enqueueNotification(t.db, t.clock, { idempotencyKey: `sla:x:1:${t.org.users.sellerA.id}`, userId: t.org.users.sellerA.id, title: '提醒', body: '内容' });
    await drain(t);
    // Seller A gets the app message instead of a mention by the robot.
    expect((await t.db.selectFrom('outbox').select('kind').orderBy('created_at').execute()).map((r) => r.kind).sort()).toEqual(['wecom', 'wecom_app']);
    const dead = await t.db.selectFrom('outbox').selectAll().where('kind', '=', 'wecom_app').executeTakeFirstOrThrow();
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, last_error: expect.stringContaining('ghost') });
    // A kind outside notify.kinds is not sent as an app message.
    await enqueueNotification(t.db, t.clock, { idempotencyKey: `import:i1:done`, userId: t.org.users.sellerA.id, title: '导入完成', body: '' });
    expect(await t.db.selectFrom('outbox').select('id').where('kind', '=', 'wecom_app').execute()).toHaveLength(1);
    const seller = await t.as('seller_a');
    const pref = await seller({ method: 'PUT', url: '/api/me/platform-messages', payload: { mode: 'off' } });
    expect(pref.json()).toMatchObject({ mode: 'off', bindings: [{ connectionId: id, platform: 'wecom', externalId: 'ghost' }] });
    await enqueueNotification(t.db, t.clock, { idempotencyKey: `sla:y:1:${t.org.users.sellerA.id}`, userId: t.org.users.sellerA.id, title: '提醒', body: '内容' });
    expect(await t.db.selectFrom('outbox').select('id').where('kind', '=', 'wecom_app').execute()).toHaveLength(1);
  });
});
