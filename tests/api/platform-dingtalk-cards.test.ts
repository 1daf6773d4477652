/**
 * DingTalk 互动卡片 against the fake platform, on both databases, in the documented format (互动卡片「事件回调」HTTP
 * 模式, see protocol/dingtalk.ts): the app registers its card-callback address and apiSecret under the connection's
 * route key before the first card and creates the card with that key; a press arrives as plain JSON signed by
 * x-ddpaas-signature; a forged, stale or foreign press is refused; the reject with its comment acts as that user once
 * and the answer's cardData updates the card. Work orders: "respond" takes the order and answers the requester with
 * the card's comment; the rest of the queue's cards are updated through PUT /v1.0/card/instances.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { CREDS, type FakePlatforms } from '../support/fake-platforms.js';
import { insertDeal } from '../support/leads.js';
import { addPresales, addType } from '../support/workorders.js';
import { connect, drain, startFake } from '../support/platforms.js';

describe('DingTalk interactive cards', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  afterEach(async () => {
    await fake?.close();
    await t?.close();
  });

  const post = (p: { url: string; headers: Record<string, string>; body: string }) => t.app.inject({ method: 'POST', url: p.url, headers: p.headers, payload: p.body });

  it('approval card: route registered, forged / stale / foreign press refused, reject with comment acts once, the answer updates the card', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'dingtalk', { cardTemplateId: 'tpl-approval.schema', notify: { mode: 'also', kinds: ['approval'] } });
    fake.members = [{ id: 'dd_rm', name: '王五', mobile: null, depts: ['2'] }];
    const admin = await t.as('admin');
    // The test button registers the card-callback address (so a wrong one shows before any card is sent).
    const tested = await admin({ method: 'POST', url: `/api/platforms/${id}/test` });
    expect(tested.json(), tested.body).toMatchObject({ ok: true, error: null });
    expect(fake.cardRoutes.get(`actionflow_${id}`)).toEqual({ callbackUrl: `${t.config.publicUrl}/api/platforms/${id}/card-callback`, apiSecret: CREDS.dingtalk.cardApiSecret });
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: t.org.users.rmEast.id, externalId: 'dd_rm' } });
    const seller = await t.as('seller_a');
    const customer = await seller({ method: 'POST', url: '/api/customers', payload: { name: '钉钉卡片客户' } });
    const dealId = await insertDeal(t, customer.json().id, t.org.users.sellerA.id);
    const created = await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 1_000_000 } } });
    expect(created.statusCode, created.body).toBe(201);
    const approvalId = created.json().id as string;
    await drain(t);

    const sent = fake.sent.find((m) => m.platform === 'dingtalk' && m.body.cardTemplateId);
    expect(sent?.to).toBe('dd_rm');
    const cardId = sent!.body.outTrackId as string;
    expect(sent!.body).toMatchObject({ cardTemplateId: 'tpl-approval.schema', callbackType: 'HTTP', callbackRouteKey: `actionflow_${id}`, userIdType: 1, cardData: { cardParamMap: { kind: 'approval', status: 'pending', url: `${t.config.publicUrl}/approvals/${approvalId}` } } });

    const forged = await post(fake.dingtalkPress({ card: cardId, userId: 'dd_rm', actionId: 'approve', apiSecret: 'not-the-secret' }));
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.reason).toBe('platform_callback_refused');
    const stale = await post(fake.dingtalkPress({ card: cardId, userId: 'dd_rm', actionId: 'approve', at: t.clock.now().getTime() - 2 * 3600_000 }));
    expect(stale.statusCode).toBe(403);
    const unsigned = fake.dingtalkPress({ card: cardId, userId: 'dd_rm', actionId: 'approve' });
    expect((await t.app.inject({ method: 'POST', url: unsigned.url, headers: { 'content-type': 'application/json' }, payload: unsigned.body })).statusCode).toBe(403);
    expect((await post(fake.dingtalkPress({ card: cardId, userId: 'intruder', actionId: 'approve' }))).statusCode).toBe(403);
    const rm = await t.as('rm_east');
    expect((await rm({ method: 'GET', url: `/api/approvals/${approvalId}` })).json().status).toBe('pending');

    const res = await post(fake.dingtalkPress({ card: cardId, userId: 'dd_rm', actionId: 'reject', params: { comment: '折扣超出权限' } }));
    expect(res.statusCode, res.body).toBe(200);
    // The documented answer: the card's new public data, updated by key (no update call while answering).
    expect(res.json()).toEqual({ cardData: { cardParamMap: { status: 'done', statusText: '已驳回' } }, cardUpdateOptions: { updateCardDataByKey: true } });
    const after = (await rm({ method: 'GET', url: `/api/approvals/${approvalId}` })).json();
    expect(after.status).toBe('rejected');
    expect(after.steps[0].approvers[0]).toMatchObject({ user: { id: t.org.users.rmEast.id }, status: 'rejected', comment: '折扣超出权限' });
    expect(fake.cardUpdates).toEqual([]);

    // Pressed again with the other button: the stored outcome, nothing decided.
    const again = await post(fake.dingtalkPress({ card: cardId, userId: 'dd_rm', actionId: 'approve' }));
    expect(again.json().cardData.cardParamMap).toEqual({ status: 'done', statusText: '已驳回' });
    const trail = await t.db.selectFrom('approval_trail').select('action').where('request_id', '=', approvalId).where('action', 'in', ['approved', 'rejected']).execute();
    expect(trail).toEqual([{ action: 'rejected' }]);
    expect(fake.refusals).toEqual([]);
  }, 60_000);

  it('work-order card: respond needs its text; with it the helper takes the order and answers the requester once; the colleague’s card is updated', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const dept = await addPresales(t);
    await addType(t, { key: 'presales', name: '售前支持', nameEn: 'Presales', team: '售前支持部', response: '4bh', resolution: '8bh' });
    const id = await connect(t, fake, 'dingtalk', { cardTemplateId: 'tpl-wo.schema', notify: { mode: 'also', kinds: ['work_order'] } });
    fake.members = [
      { id: 'dd_h1', name: '售前一', mobile: null, depts: ['2'] },
      { id: 'dd_h2', name: '售前二', mobile: null, depts: ['2'] },
    ];
    const admin = await t.as('admin');
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: dept.helper1, externalId: 'dd_h1' } });
    await admin({ method: 'POST', url: `/api/platforms/${id}/bindings`, payload: { userId: dept.helper2, externalId: 'dd_h2' } });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '钉钉工单客户' } })).json().id;
    const orderId = (await seller({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'customer', id: customerId }, title: '需要报价支持' } })).json().id as string;
    await drain(t);
    const cardOf = (to: string) => fake.sent.find((m) => m.to === to && m.body.cardTemplateId)!.body;
    expect(cardOf('dd_h1')).toMatchObject({ cardTemplateId: 'tpl-wo.schema', cardData: { cardParamMap: { kind: 'work_order', status: 'pending' } } });

    // Respond without its text: refused, the card stays open (status untouched), nothing recorded.
    const empty = await post(fake.dingtalkPress({ card: cardOf('dd_h1').outTrackId as string, userId: 'dd_h1', actionId: 'respond' }));
    expect(empty.json()).toEqual({ cardData: { cardParamMap: { statusText: '请填写回复内容（comment）后再点“回复”' } }, cardUpdateOptions: { updateCardDataByKey: true } });
    expect(await t.db.selectFrom('platform_card_actions').select('card_id').execute()).toEqual([]);

    const res = await post(fake.dingtalkPress({ card: cardOf('dd_h1').outTrackId as string, userId: 'dd_h1', actionId: 'respond', params: { comment: '下午两点前给您初稿' } }));
    expect(res.json().cardData.cardParamMap).toEqual({ status: 'done', statusText: '已回复' });
    const seen = (await seller({ method: 'GET', url: `/api/work-orders/${orderId}` })).json();
    expect(seen).toMatchObject({ status: 'in_progress', assignee: { id: dept.helper1 } });
    expect(seen.comments.map((c: { body: string; author: { id: string } }) => [c.body, c.author.id])).toEqual([['下午两点前给您初稿', dept.helper1]]);
    // The colleague's card shows who took it, through the update API (by outTrackId).
    expect(fake.cardUpdates).toEqual([{ platform: 'dingtalk', outTrackId: cardOf('dd_h2').outTrackId, params: { status: 'done', statusText: 'presales_1 已回复' }, options: { updateCardDataByKey: true } }]);

    // Pressed again (DingTalk retrying): one comment, one history entry more than before, no second update.
    await post(fake.dingtalkPress({ card: cardOf('dd_h1').outTrackId as string, userId: 'dd_h1', actionId: 'respond', params: { comment: '下午两点前给您初稿' } }));
    const again = (await seller({ method: 'GET', url: `/api/work-orders/${orderId}` })).json();
    expect(again.comments).toHaveLength(1);
    expect(again.history).toHaveLength(seen.history.length);
    expect(fake.cardUpdates).toHaveLength(1);
    expect(fake.refusals).toEqual([]);
  }, 60_000);
});
