/**
 * The platforms' JS-SDKs in the web app, with stubbed `wx` / `dd` / `tt`: each page is opened with the client's user
 * agent, and the SDK script URLs the app loads (clientSdk.ts SDK_SCRIPTS) are answered by stub scripts that record
 * every call. Checked against the real server and the fake platforms: the DingTalk in-app 免登 asks
 * dd.runtime.permission.requestAuthCode for the connection's corp id and signs the member in; the Feishu one asks
 * tt.requestAuthCode for the app id and shows the server's refusal of an unmatched member; the WeCom sidebar gets its
 * wx.config / wx.agentConfig signatures from the jsapi-config route — the same as the documented algorithm gives for
 * the page URL and the fake's tickets — and opens on the external contact getCurExternalContact names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { systemClock } from '../../server/core/clock.js';
import { jsapiSignature } from '../../server/modules/platforms/protocol/crypto.js';
import { SDK_SCRIPTS } from '../../web/src/features/platforms/sdkScripts.js';
import { CREDS, FakePlatforms } from '../support/fake-platforms.js';
import { created, logIn, PHONE, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let fake: FakePlatforms;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  fake = await new FakePlatforms(systemClock).start();
});

afterAll(async () => {
  await fake?.close();
  await browser?.close();
  await server?.close();
});

const UA = {
  dingtalk: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.5.0) Channel/201200',
  feishu: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Lark/7.10.0 LarkLocale/zh_CN',
  wecom: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.20 MicroMessenger/7.0.1 Language/zh',
};

type Call = { api: string } & Record<string, unknown>;

/**
 * Answers the platform's SDK script URLs with stubs; what the page asks them is recorded through `record(call)`, an
 * exposed binding, so the record survives the page's navigations.
 */
async function stubSdk(context: BrowserContext, platform: keyof typeof SDK_SCRIPTS, stubs: string[]) {
  const served: string[] = [];
  const calls: Call[] = [];
  await context.exposeBinding('record', (_source, call: Call) => void calls.push(call));
  for (const [i, src] of SDK_SCRIPTS[platform].entries()) {
    await context.route(src, (route) => {
      served.push(src);
      return route.fulfill({ status: 200, contentType: 'application/javascript', body: stubs[i] });
    });
  }
  return { served, calls };
}

describe('platform JS-SDKs with stubbed wx / dd / tt', () => {
  it('DingTalk in-app 免登: the login page asks dd for a code with the corp id and signs the member in', async () => {
    const admin = await server.as('admin');
    await created(admin, '/api/platforms', {
      platform: 'dingtalk',
      name: '钉钉',
      settings: { appKey: CREDS.dingtalk.appKey, agentId: CREDS.dingtalk.agentId, corpId: 'dingcorp0001', baseUrl: fake.url, apiBaseUrl: fake.url, loginBaseUrl: fake.url, signIn: true },
      secrets: { secret: CREDS.dingtalk.secret },
    });
    const users = await admin<{ items: Array<{ id: string; username: string }> }>('GET', '/api/users');
    const sellerB = users.body.items.find((u) => u.username === 'seller_b')!;
    expect((await admin('PATCH', `/api/users/${sellerB.id}`, { phone: '13600136001' })).status).toBe(200);
    fake.members = [{ id: 'dd_b', name: '钉钉成员', mobile: '13600136001', depts: ['2'] }];
    const code = fake.issueCode('dd_b');

    const context = await browser.newContext({ ...PHONE, userAgent: UA.dingtalk });
    try {
      const { served, calls } = await stubSdk(context, 'dingtalk', [
        `window.dd = { runtime: { permission: { requestAuthCode(o) { window.record({ api: 'requestAuthCode', corpId: o.corpId }); setTimeout(() => o.onSuccess({ code: ${JSON.stringify(code)} }), 0); } } } };`,
      ]);
      const page = await context.newPage();
      const signIn = page.waitForResponse((r) => r.url().includes('/sign-in') && r.request().method() === 'POST');
      await page.goto(`${server.baseUrl}/login`);
      const answer = await signIn;
      expect(answer.status()).toBe(200);
      expect(answer.request().postDataJSON()).toEqual({ code, mode: 'in_client' });
      await page.waitForURL(`${server.baseUrl}/`);
      expect(served).toEqual(SDK_SCRIPTS.dingtalk);
      expect(calls).toEqual([{ api: 'requestAuthCode', corpId: 'dingcorp0001' }]);
      // Signed in as the member's user.
      const me = await page.evaluate(async () => (await (await fetch('/api/me')).json()) as { username: string });
      expect(me.username).toBe('seller_b');
      expect(fake.log).toContain('POST /topapi/v2/user/getuserinfo');
    } finally {
      await context.close();
    }
  });

  it('Feishu in-app 免登: tt.requestAuthCode is asked with the app id; an unmatched member sees the refusal', async () => {
    const admin = await server.as('admin');
    await created(admin, '/api/platforms', {
      platform: 'feishu',
      name: '飞书',
      settings: { appId: CREDS.feishu.appId, baseUrl: fake.url, loginBaseUrl: fake.url, signIn: true },
      secrets: { secret: CREDS.feishu.secret },
    });
    fake.members = [{ id: 'ou_stranger', name: '陌生成员', mobile: '13100000000', depts: ['2'] }];
    const code = fake.issueCode('ou_stranger');
    const context = await browser.newContext({ ...PHONE, userAgent: UA.feishu });
    try {
      const { calls } = await stubSdk(context, 'feishu', [
        `window.h5sdk = { ready(cb) { window.record({ api: 'ready' }); cb(); } };
         window.tt = { requestAuthCode(o) { window.record({ api: 'requestAuthCode', appId: o.appId }); o.success({ code: ${JSON.stringify(code)} }); } };`,
      ]);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/login`);
      await page.waitForURL(/platformError=platform_user_unmatched/);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('陌生成员');
      expect(calls.slice(0, 2)).toEqual([{ api: 'ready' }, { api: 'requestAuthCode', appId: CREDS.feishu.appId }]);
      // After the redirect the SDK is loaded again but a refusal is not retried: one code asked for per visit.
      expect(fake.log.filter((l) => l === 'POST /open-apis/authen/v1/oidc/access_token')).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('WeCom sidebar: wx.config / wx.agentConfig get the server’s signatures for the page; getCurExternalContact opens the customer', async () => {
    const admin = await server.as('admin');
    const connection = await created(admin, '/api/platforms', {
      platform: 'wecom',
      name: '企业微信侧边栏',
      settings: { corpId: CREDS.wecom.corpId, agentId: CREDS.wecom.agentId, baseUrl: fake.url },
      secrets: { secret: CREDS.wecom.secret },
    });
    const seller = await server.as('seller_a');
    const customer = await created<{ id: string }>(seller, '/api/customers', { name: 'JS-SDK 客户', phone: '13900005555' });
    expect((await seller('POST', '/api/platforms/sidebar/link', { connectionId: connection.id, externalContactId: 'wmEXT777', customerId: customer.id })).status).toBe(200);

    const context = await browser.newContext({ ...PHONE, userAgent: UA.wecom });
    try {
      // jweixin defines wx; jwxwork adds agentConfig to it (so the load order matters, as with the real SDKs).
      const { calls } = await stubSdk(context, 'wecom', [
        `window.wx = {
           config(c) { window.record({ api: 'config', ...c }); },
           error(cb) {},
           invoke(name, args, cb) { window.record({ api: 'invoke', name }); cb({ err_msg: name + ':ok', userId: 'wmEXT777' }); }
         };`,
        `window.wx.agentConfig = function (c) { const { success, fail, ...rest } = c; window.record({ api: 'agentConfig', ...rest }); setTimeout(success, 0); };`,
      ]);
      const page = await context.newPage();
      await logIn(page, server.baseUrl, 'seller_a');
      const pageUrl = `${server.baseUrl}/sidebar?connectionId=${connection.id}`;
      await page.goto(`${pageUrl}#from-wecom`);
      const card = page.getByTestId('sidebar-customer');
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('JS-SDK 客户');
      await expect.poll(() => calls.length).toBe(3);
      expect(calls.map((c) => c.api)).toEqual(['config', 'agentConfig', 'invoke']);
      const [config, agentConfig, invoke] = calls as unknown as Array<{ timestamp: number; nonceStr: string; signature: string } & Record<string, unknown>>;
      // The signatures are for the page URL without its #fragment, with the corp and the app ticket respectively.
      expect(config).toMatchObject({ beta: true, appId: CREDS.wecom.corpId, jsApiList: ['getCurExternalContact'] });
      expect(config.signature).toBe(jsapiSignature(fake.jsapiTicket, config.nonceStr, config.timestamp, pageUrl));
      expect(agentConfig).toMatchObject({ corpid: CREDS.wecom.corpId, agentid: CREDS.wecom.agentId, jsApiList: ['getCurExternalContact'] });
      expect(agentConfig.signature).toBe(jsapiSignature(fake.agentTicket, agentConfig.nonceStr, agentConfig.timestamp, pageUrl));
      expect(invoke.name).toBe('getCurExternalContact');
      expect(fake.log).toEqual(expect.arrayContaining(['GET /cgi-bin/get_jsapi_ticket', 'GET /cgi-bin/ticket/get']));
    } finally {
      await context.close();
    }
  });
});
