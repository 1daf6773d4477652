/**
 * Interactive cards and contact sync against the fake platforms, on both databases: an approval request reaches the
 * approver's WeCom as a button card; the signed, encrypted button callback approves it as that user (a forged one is
 * refused, a repeated one acts once) and the card is updated; the Feishu card callback (encrypt key, signature,
 * verification token) rejects with a comment; contact sync's dry run writes nothing and the apply creates, binds,
 * keeps a hand-edited value and deactivates a leaver.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { msgSignature, wecomEncrypt } from '../../server/modules/platforms/protocol/crypto.js';
import { CREDS, feishuCardAction, wecomCardEvent, type FakePlatforms } from '../support/fake-platforms.js';
import { insertDeal } from '../support/leads.js';
import { connect, drain, startFake } from '../support/platforms.js';

describe('platform cards and contact sync', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  afterEach(async () => {
    await fake?.close();
    await t?.close();
  });

  async function approvalForRmEast() {
    const seller = await t.as('seller_a');
    const customer = await seller({ method: 'POST', url: '/api/customers', payload: { name: '卡片客户', phone: '13912345678' } });
    const dealId = await insertDeal(t, customer.json().id, t.org.users.sellerA.id);
    const res = await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 1_000_000 } } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  const ts = () => String(Math.floor(t.clock.now().getTime() / 1000));

  it('WeCom: the approver gets a button card; the signed callback approves once as that user; forged refused; card updated', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'wecom', { notify: { mode: 'also' } });
    fake.members = [{ id: 'wangwu', name: '王五', mobile: '13600136000', depts: ['2'] }];
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: t.org.users.rmEast.id, externalId: 'wangwu' } });
    const approvalId = await approvalForRmEast();
    await drain(t);
    const cardMsg = fake.sent.find((m) => m.body.msgtype === 'template_card');
    expect(cardMsg?.to).toBe('wangwu');
    const card = cardMsg!.body.template_card as { task_id: string; button_list: Array<{ key: string }>; card_action: { url: string } };
    expect(card.button_list.map((b) => b.key)).toEqual(['approve', 'reject']);
    expect(card.card_action.url).toBe(`${t.config.publicUrl}/approvals/${approvalId}`);
    const url = `/api/platforms/${id}/callback`;

    // URL verification: the echostr comes back decrypted only with a valid signature.
    const echostr = wecomEncrypt(CREDS.callback.encodingAesKey, 'echo-4711', CREDS.wecom.corpId);
    const sig = msgSignature(CREDS.callback.token, ts(), 'n1', echostr);
    const verified = await t.app.inject({ method: 'GET', url: `${url}?msg_signature=${sig}&timestamp=${ts()}&nonce=n1&echostr=${encodeURIComponent(echostr)}` });
    expect(verified.body).toBe('echo-4711');
    expect((await t.app.inject({ method: 'GET', url: `${url}?msg_signature=${'0'.repeat(40)}&timestamp=${ts()}&nonce=n1&echostr=${encodeURIComponent(echostr)}` })).statusCode).toBe(403);
    // A forged press (wrong token) and a press by someone else are refused; nothing is decided.
    const forged = wecomCardEvent({ fromUser: 'wangwu', taskId: card.task_id, key: 'approve', token: 'not-the-token', timestamp: ts() });
    const f = await t.app.inject({ method: 'POST', url: `${url}?${forged.query}`, headers: { 'content-type': 'text/xml' }, payload: forged.body });
    expect(f.statusCode).toBe(403);
    expect(f.json().error.reason).toBe('platform_callback_refused');
    const other = wecomCardEvent({ fromUser: 'intruder', taskId: card.task_id, key: 'approve', timestamp: ts() });
    expect((await t.app.inject({ method: 'POST', url: `${url}?${other.query}`, headers: { 'content-type': 'text/xml' }, payload: other.body })).statusCode).toBe(403);
    const rm = await t.as('rm_east');
    expect((await rm({ method: 'GET', url: `/api/approvals/${approvalId}` })).json().status).toBe('pending');

    const press = wecomCardEvent({ fromUser: 'wangwu', taskId: card.task_id, key: 'approve', responseCode: 'rc-777', timestamp: ts() });
    const ok = await t.app.inject({ method: 'POST', url: `${url}?${press.query}`, headers: { 'content-type': 'text/xml' }, payload: press.body });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await rm({ method: 'GET', url: `/api/approvals/${approvalId}` })).json();
    expect(after.status).toBe('approved');
    expect(after.steps[0].approvers[0]).toMatchObject({ user: { id: t.org.users.rmEast.id }, status: 'approved' });
    expect(fake.cardUpdates).toEqual([{ platform: 'wecom', userids: ['wangwu'], agentid: 1000002, response_code: 'rc-777', button: { replace_name: '已同意' } }]);

    // The same press again (the user taps twice, or WeCom retries): 200, nothing more happens.
    const again = wecomCardEvent({ fromUser: 'wangwu', taskId: card.task_id, key: 'reject', responseCode: 'rc-778', timestamp: ts() });
    expect((await t.app.inject({ method: 'POST', url: `${url}?${again.query}`, headers: { 'content-type': 'text/xml' }, payload: again.body })).statusCode).toBe(200);
    const trail = await t.db.selectFrom('approval_trail').select('action').where('request_id', '=', approvalId).where('action', 'in', ['approved', 'rejected']).execute();
    expect(trail).toEqual([{ action: 'approved' }]);
    expect(fake.cardUpdates).toHaveLength(1);
    expect(fake.refusals).toEqual([]);
  });

  it('Feishu: the card callback is decrypted, its signature and token checked, and rejects with the comment as that user', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'feishu', { notify: { mode: 'also', kinds: ['approval'] } });
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: t.org.users.rmEast.id, externalId: 'ou_rm' } });
    fake.members = [{ id: 'ou_rm', name: '王五', mobile: null, depts: ['2'] }];
    const approvalId = await approvalForRmEast();
    await drain(t);
    const sent = fake.sent.find((m) => m.platform === 'feishu')!;
    const actions = ((sent.body.card as { elements: Array<{ tag: string; actions?: Array<{ value?: { card: string; action: string } }> }> }).elements.find((e) => e.tag === 'action')!.actions ?? []).filter((a) => a.value);
    expect(actions.map((a) => a.value!.action)).toEqual(['approve', 'reject']);
    const cardId = actions[0].value!.card;
    const url = `/api/platforms/${id}/callback`;

    const badToken = feishuCardAction({ userId: 'ou_rm', card: cardId, action: 'reject', token: 'wrong', timestamp: ts() });
    expect((await t.app.inject({ method: 'POST', url, headers: badToken.headers, payload: badToken.body })).statusCode).toBe(403);
    const tampered = feishuCardAction({ userId: 'ou_rm', card: cardId, action: 'reject', timestamp: ts() });
    expect((await t.app.inject({ method: 'POST', url, headers: { ...tampered.headers, 'x-lark-signature': '0'.repeat(64) }, payload: tampered.body })).statusCode).toBe(403);

    const press = feishuCardAction({ userId: 'ou_rm', card: cardId, action: 'reject', comment: '价格低于底线', timestamp: ts() });
    const res = await t.app.inject({ method: 'POST', url, headers: press.headers, payload: press.body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ toast: { type: 'success', content: '已驳回' }, card: { type: 'raw', data: { header: { title: { content: '已驳回' } } } } });
    const rm = await t.as('rm_east');
    const after = (await rm({ method: 'GET', url: `/api/approvals/${approvalId}` })).json();
    expect(after.status).toBe('rejected');
    expect(after.steps[0].approvers[0]).toMatchObject({ status: 'rejected', comment: '价格低于底线' });
  });

  it('contact sync: dry run writes nothing; apply creates teams and users, binds by mobile, keeps a hand edit, deactivates a leaver', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'wecom', { sync: { deptTeams: { '2': t.org.teams.east }, defaultRole: 'seller' } });
    await t.db.updateTable('users').set({ phone: '13800138001' }).where('id', '=', t.org.users.sellerA.id).execute();
    fake.members = [
      { id: 'zhangsan', name: '张三', mobile: '13800138001', depts: ['3'] },
      { id: 'newbie', name: '新同事', mobile: '13500135000', depts: ['3'] },
      { id: 'leaver', name: '要离职', mobile: '13400134000', depts: ['2'] },
    ];
    const admin = await t.as('admin');
    const usersBefore = await t.db.selectFrom('users').select('id').execute();

    const dry = await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: true } });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ status: 'planned', dryRun: true, plan: { counts: { teamsCreated: 1, usersCreated: 2, usersBound: 1 } } });
    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(usersBefore.length);
    expect(await t.db.selectFrom('platform_links').select('id').execute()).toEqual([]);

    const applied = await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: false } });
    expect(applied.json()).toMatchObject({ status: 'applied', plan: { counts: { teamsCreated: 1, usersCreated: 2, usersBound: 1 } } });
    const store = await t.db.selectFrom('teams').selectAll().where('name', '=', '华东一店').executeTakeFirstOrThrow();
    expect(store.parent_id).toBe(t.org.teams.east);
    const newbie = await t.db.selectFrom('users').selectAll().where('username', '=', 'wecom-newbie').executeTakeFirstOrThrow();
    expect(newbie).toMatchObject({ display_name: '新同事', role: 'seller', team_id: store.id, phone: '13500135000', active: 1 });
    // Seller A was bound by mobile; their name and team differ from WeCom's but were set in actionflow: kept.
    const a = await t.db.selectFrom('users').selectAll().where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    expect(a).toMatchObject({ display_name: 'seller_a', team_id: t.org.teams.eastTeam1, role: 'seller' });

    // An admin renames the new colleague by hand; WeCom renames them too; the leaver leaves.
    await admin({ method: 'PATCH', url: `/api/users/${newbie.id}`, payload: { displayName: '新同事（华东）', role: 'lead' } });
    fake.members = [
      { id: 'zhangsan', name: '张三', mobile: '13800138001', depts: ['3'] },
      { id: 'newbie', name: '新同事二', mobile: '13500135000', email: 'newbie@example.com', depts: ['3'] },
      { id: 'leaver', name: '要离职', mobile: '13400134000', depts: ['2'], left: true },
    ];
    const second = await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: false } });
    expect(second.json()).toMatchObject({ status: 'applied', plan: { counts: { usersDeactivated: 1, usersCreated: 0 } } });
    const n2 = await t.db.selectFrom('users').selectAll().where('id', '=', newbie.id).executeTakeFirstOrThrow();
    expect(n2).toMatchObject({ display_name: '新同事（华东）', role: 'lead', email: 'newbie@example.com' });
    const leaver = await t.db.selectFrom('users').selectAll().where('username', '=', 'wecom-leaver').executeTakeFirstOrThrow();
    expect(leaver.active).toBe(0);
    // Asked to overwrite, the sync writes WeCom's name (the role stays: roles are set in actionflow).
    await admin({ method: 'POST', url: `/api/platforms/${id}/sync`, payload: { dryRun: false, overwrite: true } });
    expect(await t.db.selectFrom('users').select(['display_name', 'role']).where('id', '=', newbie.id).executeTakeFirstOrThrow()).toEqual({ display_name: '新同事二', role: 'lead' });
    const runs = await admin({ method: 'GET', url: `/api/platforms/${id}/sync-runs` });
    expect(runs.json().items.map((r: { status: string }) => r.status).sort()).toEqual(['applied', 'applied', 'applied', 'planned']);
  });
});
