/**
 * The sidebar's WeCom JS-SDK signatures, on both databases: computed on the server for the page URL from the corp and
 * app tickets the fake WeCom hands out (cached: a second page load fetches no ticket), for signed-in users only, and
 * only for an enabled WeCom connection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { jsapiSignature } from '../../server/modules/platforms/protocol/crypto.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import type { FakePlatforms } from '../support/fake-platforms.js';
import { connect, startFake } from '../support/platforms.js';

describe('WeCom JS-SDK config', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  afterEach(async () => {
    await fake?.close();
    await t?.close();
  });

  it('signs wx.config and wx.agentConfig for the page with the corp and app tickets', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'wecom');
    const feishu = await connect(t, fake, 'feishu');
    const seller = await t.as('seller_a');
    const page = `${t.config.publicUrl}/sidebar?connectionId=${id}`;
    const res = await seller({ method: 'GET', url: `/api/platforms/${id}/jsapi-config?url=${encodeURIComponent(`${page}#top`)}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ corpId: 'ww0123456789abcdef', agentId: '1000002', config: { timestamp: Math.floor(t.clock.now().getTime() / 1000) } });
    expect(body.config.signature).toBe(jsapiSignature(fake.jsapiTicket, body.config.nonceStr, body.config.timestamp, page));
    expect(body.agentConfig.signature).toBe(jsapiSignature(fake.agentTicket, body.agentConfig.nonceStr, body.agentConfig.timestamp, page));
    const ticketCalls = () => fake.log.filter((l) => /get_jsapi_ticket|ticket\/get/.test(l)).length;
    expect(ticketCalls()).toBe(2);
    expect((await seller({ method: 'GET', url: `/api/platforms/${id}/jsapi-config?url=${encodeURIComponent(page)}` })).statusCode).toBe(200);
    expect(ticketCalls()).toBe(2);

    expect((await t.app.inject({ method: 'GET', url: `/api/platforms/${id}/jsapi-config?url=${encodeURIComponent(page)}` })).statusCode).toBe(401);
    const notWecom = await seller({ method: 'GET', url: `/api/platforms/${feishu}/jsapi-config?url=${encodeURIComponent(page)}` });
    expect(notWecom.statusCode).toBe(422);
    expect(notWecom.json().error.reason).toBe('platform_jsapi_wecom_only');
    const bad = await seller({ method: 'GET', url: `/api/platforms/${id}/jsapi-config?url=javascript:alert(1)` });
    expect(bad.statusCode).toBe(400);
    expect(fake.refusals).toEqual([]);
  });
});
