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
import { CREDS, type FakePlatforms } from '../support/fake-platforms.js';
import { feishuCardAction, wecomCardEvent } from '../support/fake-platform-callbacks.js';
import { insertDeal } from '../support/leads.js';
import { addPresales, addType } from '../support/workorders.js';
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
    expect(card.button_list.map((b) => b.key)).toEqual(['approve', 'reject', undefined]);
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

  it('WeCom: rejecting on the card takes the reason picked in its selection as the comment; a jump button opens the approval', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'wecom', { notify: { mode: 'also', kinds: ['approval'] } });
    fake.members = [{ id: 'wangwu', name: '王五', mobile: null, depts: ['2'] }];
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: t.org.users.rmEast.id, externalId: 'wangwu' } });
    const approvalId = await approvalForRmEast();
    await drain(t);
    const card = fake.sent.find((m) => m.body.msgtype === 'template_card')!.body.template_card as {
      task_id: string;
      button_selection: { question_key: string; option_list: Array<{ id: string; text: string }> };
      button_list: Array<{ key?: string; type?: number; url?: string }>;
    };
    // "reply" (the default) waits for a typed reason: platform-card-comments.test.ts.
    expect(card.button_selection.option_list.map((o) => o.id)).toEqual(['reply', 'price', 'info']);
    expect(card.button_list.at(-1)).toMatchObject({ type: 1, url: `${t.config.publicUrl}/approvals/${approvalId}` });
    const e = wecomCardEvent({ fromUser: 'wangwu', taskId: card.task_id, key: 'reject', responseCode: 'rc-9', timestamp: ts(), selected: { question: card.button_selection.question_key, option: 'info' } });
    const res = await t.app.inject({ method: 'POST', url: `/api/platforms/${id}/callback?${e.query}`, headers: { 'content-type': 'text/xml' }, payload: e.body });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await (await t.as('rm_east'))({ method: 'GET', url: `/api/approvals/${approvalId}` })).json();
    expect(after.status).toBe('rejected');
    expect(after.steps[0].approvers[0]).toMatchObject({ status: 'rejected', comment: '资料不完整，请补充' });
    expect(fake.cardUpdates).toEqual([expect.objectContaining({ response_code: 'rc-9', button: { replace_name: '已驳回' } })]);
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
    // The buttons submit a form with the comment input (卡片 JSON 1.0 表单容器).
    const form = (sent.body.card as { elements: Array<{ tag: string; elements?: Array<{ tag: string; name?: string; action_type?: string; value?: { card: string; action: string } }> }> }).elements.find((e) => e.tag === 'form')!;
    expect(form.elements!.find((e) => e.tag === 'input')?.name).toBe('comment');
    const actions = form.elements!.filter((e) => e.tag === 'button');
    expect(actions.map((a) => [a.value!.action, a.action_type])).toEqual([['approve', 'form_submit'], ['reject', 'form_submit']]);
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

  it('WeCom: a new work order reaches the queue as accept cards; the first press takes it once, the card updated; a colleague is told who took it', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const dept = await addPresales(t);
    await addType(t, { key: 'presales', name: '售前支持', nameEn: 'Presales', team: '售前支持部', response: '4bh', resolution: '8bh' });
    const id = await connect(t, fake, 'wecom', { notify: { mode: 'also', kinds: ['work_order'] } });
    fake.members = [
      { id: 'helper1', name: '售前一', mobile: null, depts: ['2'] },
      { id: 'helper2', name: '售前二', mobile: null, depts: ['2'] },
    ];
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: dept.helper1, externalId: 'helper1' } });
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: dept.helper2, externalId: 'helper2' } });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '工单卡片客户' } })).json().id;
    const order = await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'customer', id: customerId }, title: '需要方案支持' } });
    expect(order.statusCode, order.body).toBe(201);
    const orderId = order.json().id as string;
    await drain(t);
    const cardOf = (to: string) => fake.sent.find((m) => m.to === to && m.body.msgtype === 'template_card')!.body.template_card as { task_id: string; button_list: Array<{ key: string }> };
    expect(cardOf('helper1').button_list.map((b) => b.key)).toEqual(['accept', 'respond', undefined]);
    const url = `/api/platforms/${id}/callback`;
    const press = async (fromUser: string, responseCode: string) => {
      const e = wecomCardEvent({ fromUser, taskId: cardOf(fromUser).task_id, key: 'accept', responseCode, timestamp: ts() });
      const res = await t.app.inject({ method: 'POST', url: `${url}?${e.query}`, headers: { 'content-type': 'text/xml' }, payload: e.body });
      expect(res.statusCode, res.body).toBe(200);
    };

    await press('helper1', 'rc-a1');
    const helper = await t.as('presales_1');
    const taken = (await helper({ method: 'GET', url: `/api/work-orders/${orderId}` })).json();
    expect(taken).toMatchObject({ status: 'in_progress', assignee: { id: dept.helper1 } });
    expect(fake.cardUpdates).toEqual([expect.objectContaining({ userids: ['helper1'], response_code: 'rc-a1', button: { replace_name: '已接单' } })]);
    // Pressed again (or WeCom retrying): nothing more happens, no further history, no second update.
    await press('helper1', 'rc-a2');
    expect((await helper({ method: 'GET', url: `/api/work-orders/${orderId}` })).json().history).toHaveLength(taken.history.length);
    expect(fake.cardUpdates).toHaveLength(1);

    // The colleague's card: the order stays with the first helper, and their card says it was not theirs to take.
    await press('helper2', 'rc-b1');
    expect((await helper({ method: 'GET', url: `/api/work-orders/${orderId}` })).json().assignee.id).toBe(dept.helper1);
    expect(fake.cardUpdates[1]).toMatchObject({ userids: ['helper2'], response_code: 'rc-b1', button: { replace_name: '未能处理' } });
    const outcome = await t.db.selectFrom('platform_card_actions').select('result').where('card_id', '=', cardOf('helper2').task_id).executeTakeFirstOrThrow();
    expect(JSON.parse(outcome.result)).toMatchObject({ ok: false, message: '该工单已由 presales_1 接单' });
    expect(fake.refusals).toEqual([]);
  });

  it('WeCom: two helpers pressing accept at the same instant: exactly one takes the order, the other is told who did', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const dept = await addPresales(t);
    await addType(t, { key: 'presales', name: '售前支持', nameEn: 'Presales', team: '售前支持部', response: '4bh', resolution: '8bh' });
    const id = await connect(t, fake, 'wecom', { notify: { mode: 'also', kinds: ['work_order'] } });
    fake.members = [
      { id: 'helper1', name: '售前一', mobile: null, depts: ['2'] },
      { id: 'helper2', name: '售前二', mobile: null, depts: ['2'] },
    ];
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: dept.helper1, externalId: 'helper1' } });
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: dept.helper2, externalId: 'helper2' } });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '抢单客户' } })).json().id;
    const orderId = (await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'customer', id: customerId }, title: '同时接单' } })).json().id as string;
    await drain(t);
    const cardOf = (to: string) => fake.sent.find((m) => m.to === to && m.body.msgtype === 'template_card')!.body.template_card as { task_id: string };
    const press = (fromUser: string, responseCode: string) => {
      const e = wecomCardEvent({ fromUser, taskId: cardOf(fromUser).task_id, key: 'accept', responseCode, timestamp: ts() });
      return t.app.inject({ method: 'POST', url: `/api/platforms/${id}/callback?${e.query}`, headers: { 'content-type': 'text/xml' }, payload: e.body });
    };
    const answers = await Promise.all([press('helper1', 'rc-1'), press('helper2', 'rc-2')]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const results = await t.db.selectFrom('platform_card_actions').select(['card_id', 'result']).where('card_id', 'in', [cardOf('helper1').task_id, cardOf('helper2').task_id]).execute();
    const ok = results.filter((r) => JSON.parse(r.result).ok === true);
    expect(ok).toHaveLength(1);
    const winner = ok[0].card_id === cardOf('helper1').task_id ? dept.helper1 : dept.helper2;
    const order = (await (await t.as('presales_1'))({ method: 'GET', url: `/api/work-orders/${orderId}` })).json();
    expect(order).toMatchObject({ status: 'in_progress', assignee: { id: winner } });
    const loser = results.find((r) => r !== ok[0])!;
    expect(JSON.parse(loser.result)).toMatchObject({ ok: false, message: expect.stringMatching(/^该工单已由 presales_[12] 接单$/) });
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
