/**
 * Free-text comments and the work-order "respond" on cards, on both databases, against the fake platforms. WeCom cards
 * have no text input: a rejection with the reason "reply" and a respond wait for the member's next chat message (a
 * text-message callback, signed and encrypted), which then acts once as that member and updates the card with the
 * press's response code; someone else's message, a late one and a repeated one act on nothing. Feishu cards carry a
 * comment input in a form: respond without text is refused and the card stays; with text the helper takes the order
 * and answers the requester, and the colleague's card is patched to show who did.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import type { FakePlatforms } from '../support/fake-platforms.js';
import { feishuCardAction, wecomCardEvent, wecomTextMessage } from '../support/fake-platform-callbacks.js';
import { insertDeal } from '../support/leads.js';
import { addPresales, addType } from '../support/workorders.js';
import { connect, drain, startFake } from '../support/platforms.js';

describe('card comments and respond', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  afterEach(async () => {
    await fake?.close();
    await t?.close();
  });

  const ts = () => String(Math.floor(t.clock.now().getTime() / 1000));
  const wecomPost = async (id: string, e: { query: string; body: string }) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/platforms/${id}/callback?${e.query}`, headers: { 'content-type': 'text/xml' }, payload: e.body });
    expect(res.statusCode, res.body).toBe(200);
  };

  async function queueWithOrder(platform: 'wecom' | 'feishu', ids: [string, string]) {
    const dept = await addPresales(t);
    await addType(t, { key: 'presales', name: '售前支持', nameEn: 'Presales', team: '售前支持部', response: '4bh', resolution: '8bh' });
    const id = await connect(t, fake, platform, { notify: { mode: 'also', kinds: ['work_order'] } });
    fake.members = ids.map((m, i) => ({ id: m, name: `售前${i + 1}`, mobile: null, depts: ['2'] }));
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: dept.helper1, externalId: ids[0] } });
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: dept.helper2, externalId: ids[1] } });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '回复卡片客户' } })).json().id;
    const orderId = (await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'customer', id: customerId }, title: '需要演示环境' } })).json().id as string;
    await drain(t);
    return { id, dept, orderId, seller };
  }

  it('WeCom: reject with "reply" waits for the typed reason; only the approver’s next message within 30 minutes rejects, once; card updated', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'wecom', { notify: { mode: 'also', kinds: ['approval'] } });
    fake.members = [{ id: 'wangwu', name: '王五', mobile: null, depts: ['2'] }];
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: t.org.users.rmEast.id, externalId: 'wangwu' } });
    const seller = await t.as('seller_a');
    const customer = await seller({ method: 'POST', url: '/api/customers', payload: { name: '理由客户' } });
    const dealId = await insertDeal(t, customer.json().id, t.org.users.sellerA.id);
    const approvalId = (await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 1_000_000 } } })).json().id as string;
    await drain(t);
    const card = fake.sent.find((m) => m.body.msgtype === 'template_card')!.body.template_card as { task_id: string; button_selection: { question_key: string; selected_id: string } };
    expect(card.button_selection.selected_id).toBe('reply');
    const rm = await t.as('rm_east');
    const status = async () => (await rm({ method: 'GET', url: `/api/approvals/${approvalId}` })).json();

    await wecomPost(id, wecomCardEvent({ fromUser: 'wangwu', taskId: card.task_id, key: 'reject', responseCode: 'rc-r1', timestamp: ts(), selected: { question: card.button_selection.question_key, option: 'reply' } }));
    expect((await status()).status).toBe('pending');
    expect(fake.sent.filter((m) => m.body.msgtype === 'text')).toEqual([expect.objectContaining({ to: 'wangwu', body: expect.objectContaining({ text: { content: expect.stringContaining('请直接回复驳回理由') } }) })]);

    // Someone else's chat message is not the approver's reason.
    await wecomPost(id, wecomTextMessage({ fromUser: 'zhaoliu', content: '随便说一句', timestamp: ts() }));
    expect((await status()).status).toBe('pending');

    t.clock.advance(5 * 60_000);
    await wecomPost(id, wecomTextMessage({ fromUser: 'wangwu', content: '客户资质审核未通过，暂缓报价', msgId: '900', timestamp: ts() }));
    const after = await status();
    expect(after.status).toBe('rejected');
    expect(after.steps[0].approvers[0]).toMatchObject({ user: { id: t.org.users.rmEast.id }, status: 'rejected', comment: '客户资质审核未通过，暂缓报价' });
    // The card changes with the response code of the press (the message has none).
    expect(fake.cardUpdates).toEqual([expect.objectContaining({ userids: ['wangwu'], response_code: 'rc-r1', button: { replace_name: '已驳回' } })]);

    // WeCom retrying the message, or the approver chatting on: nothing more happens.
    await wecomPost(id, wecomTextMessage({ fromUser: 'wangwu', content: '客户资质审核未通过，暂缓报价', msgId: '900', timestamp: ts() }));
    await wecomPost(id, wecomTextMessage({ fromUser: 'wangwu', content: '谢谢', msgId: '901', timestamp: ts() }));
    const trail = await t.db.selectFrom('approval_trail').select('action').where('request_id', '=', approvalId).where('action', 'in', ['approved', 'rejected']).execute();
    expect(trail).toEqual([{ action: 'rejected' }]);
    expect(fake.cardUpdates).toHaveLength(1);
    expect(fake.refusals).toEqual([]);
  });

  it('WeCom: respond on a work-order card waits for the answer; a late one is not taken; the next answer takes the order and comments once', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const { id, dept, orderId, seller } = await queueWithOrder('wecom', ['helper1', 'helper2']);
    const cardOf = (to: string) => fake.sent.find((m) => m.to === to && m.body.msgtype === 'template_card')!.body.template_card as { task_id: string };
    const order = async () => (await seller({ method: 'GET', url: `/api/work-orders/${orderId}` })).json();

    await wecomPost(id, wecomCardEvent({ fromUser: 'helper1', taskId: cardOf('helper1').task_id, key: 'respond', responseCode: 'rc-w1', timestamp: ts() }));
    expect(fake.sent.at(-1)).toMatchObject({ to: 'helper1', body: { msgtype: 'text', text: { content: expect.stringContaining('请直接回复要发给提问人的内容') } } });
    expect((await order()).status).toBe('open');
    // 31 minutes later the message is ordinary chat: nothing happens.
    t.clock.advance(31 * 60_000);
    await wecomPost(id, wecomTextMessage({ fromUser: 'helper1', content: '太晚的回复', timestamp: ts() }));
    expect(await order()).toMatchObject({ status: 'open', comments: [] });

    // Respond again, then answer in time.
    await wecomPost(id, wecomCardEvent({ fromUser: 'helper1', taskId: cardOf('helper1').task_id, key: 'respond', responseCode: 'rc-w2', timestamp: ts() }));
    await wecomPost(id, wecomTextMessage({ fromUser: 'helper1', content: '明天上午搭好演示环境', msgId: '77', timestamp: ts() }));
    const taken = await order();
    expect(taken).toMatchObject({ status: 'in_progress', assignee: { id: dept.helper1 } });
    expect(taken.comments.map((c: { body: string }) => c.body)).toEqual(['明天上午搭好演示环境']);
    expect(fake.cardUpdates).toEqual([expect.objectContaining({ userids: ['helper1'], response_code: 'rc-w2', button: { replace_name: '已回复' } })]);
    await wecomPost(id, wecomTextMessage({ fromUser: 'helper1', content: '明天上午搭好演示环境', msgId: '77', timestamp: ts() }));
    expect((await order()).comments).toHaveLength(1);
    expect(fake.refusals).toEqual([]);
  });

  it('Feishu: respond needs the comment input; with it the helper takes the order and answers once; the colleague’s card is patched', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const { id, dept, orderId, seller } = await queueWithOrder('feishu', ['ou_h1', 'ou_h2']);
    type Form = { elements: Array<{ tag: string; elements?: Array<{ tag: string; value?: { card: string; action: string } }> }> };
    const buttonsOf = (to: string) => ((fake.sent.find((m) => m.to === to)!.body.card as Form).elements.find((e) => e.tag === 'form')!.elements ?? []).filter((e) => e.tag === 'button');
    expect(buttonsOf('ou_h1').map((b) => b.value!.action)).toEqual(['accept', 'respond']);
    const cardId = buttonsOf('ou_h1')[0].value!.card;
    const url = `/api/platforms/${id}/callback`;

    const bare = feishuCardAction({ userId: 'ou_h1', card: cardId, action: 'respond', timestamp: ts() });
    const refused = await t.app.inject({ method: 'POST', url, headers: bare.headers, payload: bare.body });
    expect(refused.json()).toEqual({ toast: { type: 'error', content: '请填写回复内容（comment）后再点“回复”', i18n: expect.any(Object) } });
    expect((await seller({ method: 'GET', url: `/api/work-orders/${orderId}` })).json().status).toBe('open');

    const press = feishuCardAction({ userId: 'ou_h1', card: cardId, action: 'respond', comment: '已收到，今天内联系客户', timestamp: ts() });
    const res = await t.app.inject({ method: 'POST', url, headers: press.headers, payload: press.body });
    expect(res.json()).toMatchObject({ toast: { type: 'success', content: '已回复' } });
    const taken = (await seller({ method: 'GET', url: `/api/work-orders/${orderId}` })).json();
    expect(taken).toMatchObject({ status: 'in_progress', assignee: { id: dept.helper1 } });
    expect(taken.comments.map((c: { body: string }) => c.body)).toEqual(['已收到，今天内联系客户']);
    // The fake answers the n-th message with message_id om_n: the colleague's card is the one patched.
    const other = `om_${fake.sent.findIndex((m) => m.to === 'ou_h2') + 1}`;
    expect(fake.cardUpdates).toEqual([expect.objectContaining({ platform: 'feishu', messageId: other })]);
    expect(JSON.parse(String(fake.cardUpdates[0].content))).toMatchObject({ header: { title: { content: 'presales_1 已回复' } } });

    const again = feishuCardAction({ userId: 'ou_h1', card: cardId, action: 'respond', comment: '已收到，今天内联系客户', timestamp: ts() });
    await t.app.inject({ method: 'POST', url, headers: again.headers, payload: again.body });
    expect((await seller({ method: 'GET', url: `/api/work-orders/${orderId}` })).json().comments).toHaveLength(1);
    expect(fake.refusals).toEqual([]);
  });
});
