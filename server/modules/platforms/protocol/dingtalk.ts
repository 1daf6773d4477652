/**
 * DingTalk 钉钉 企业内部应用, as documented at open.dingtalk.com, checked 2024-05: 获取企业内部应用的access_token
 * `GET oapi /gettoken?appkey&appsecret` → {errcode, access_token, expires_in}; 工作通知 发送
 * `POST oapi /topapi/message/corpconversation/asyncsend_v2` {agent_id, userid_list, msg: action_card} → {errcode,
 * task_id}; 免登 (in the DingTalk client, code from dd.getAuthCode) `POST oapi /topapi/v2/user/getuserinfo` {code}
 * → result.userid; 登录第三方网站 (web OAuth) `POST api /v1.0/oauth2/userAccessToken` {clientId, clientSecret, code,
 * grantType} → {accessToken}, `GET api /v1.0/contact/users/me` (x-acs-dingtalk-access-token) → {unionId, mobile},
 * `POST oapi /topapi/user/getbyunionid` → result.userid; 通讯录 `POST oapi /topapi/v2/department/listsub` {dept_id},
 * `POST oapi /topapi/v2/user/list` {dept_id, cursor, size} → result {has_more, next_cursor, list}, `POST oapi
 * /topapi/v2/user/get` {userid}. Error codes: 40014 invalid token, 42001 expired token, 88 / 90002 / 90018 rate
 * limits, 60011 / 33012 / 60121 unknown or unreachable user, 40089 / 40035 wrong app credentials.
 *
 * Interactive cards (互动卡片 / 卡片平台, checked against open.dingtalk.com/document/development/event-callback-card,
 * doc updated 2026-08-04, and the card_1.0 API reference): 注册卡片回调地址 `POST api /v1.0/card/callbacks/register`
 * {callbackRouteKey, callbackUrl, apiSecret, forceUpdate} (one route key maps one URL); 创建并投放卡片 `POST api
 * /v1.0/card/instances/createAndDeliver` (x-acs-dingtalk-access-token) {cardTemplateId, outTrackId, callbackType: HTTP,
 * callbackRouteKey, userIdType: 1, cardData.cardParamMap (string values only), openSpaceId `dtv1.card//IM_ROBOT.<userId>`,
 * imRobotOpenSpaceModel, imRobotOpenDeliverModel {spaceType: IM_ROBOT, robotCode}} → {success, result.deliverResults};
 * 更新卡片 `PUT api /v1.0/card/instances` {outTrackId, cardData, cardUpdateOptions.updateCardDataByKey}. A press (回传请求)
 * is POSTed as plain JSON to the registered URL, signed by x-ddpaas-signature over x-ddpaas-signature-timestamp (see
 * crypto.ts): {type: actionCallback, outTrackId, corpId, userId, content: JSON string {cardPrivateData: {actionIds,
 * params}}}; the answer {cardData.cardParamMap, cardUpdateOptions} updates the pressed card (the document asks not to
 * call the update API while answering; it serves the other cards of the same request). The admin's template has the
 * variables title, markdown, url, kind (approval | work_order), status (pending | done) and statusText, an input bound
 * to the param `comment`, and buttons whose action ids are approve / reject (approval) and accept / respond (work order).
 */
import { baseOf, cachedCredential, call, fetchQueryToken, PlatformError, type ApiCtx, type Protocol } from './http.js';
import type { PlatformApi } from './index.js';
import type { AppMessage, ExternalDept, ExternalUser } from '../types.js';

const oapi = (ctx: ApiCtx) => baseOf(ctx.conn.settings.baseUrl, 'https://oapi.dingtalk.com');
const api = (ctx: ApiCtx) => baseOf(ctx.conn.settings.apiBaseUrl, 'https://api.dingtalk.com');

type Answer = { errcode?: number; errmsg?: string; result?: Record<string, unknown> } & Record<string, unknown>;

const TOKEN_CODES = new Set([40014, 42001, 41001]);
const THROTTLE_CODES = new Set([88, 90002, 90018, 90006]);
const CONFIG_CODES = new Set([40089, 40035, 60011, 33012, 60121]);
/** 40078: an invalid or used 免登 code. */
const DENIED_CODES = new Set([40078]);

export const dingtalkProtocol: Protocol = {
  fetchToken(ctx) {
    return fetchQueryToken(ctx, dingtalkProtocol, new URL('gettoken', oapi(ctx)), { appkey: ctx.conn.settings.appKey, appsecret: ctx.conn.secrets.secret });
  },
  placeToken(token, url) {
    url.searchParams.set('access_token', token);
  },
  judge(status, body) {
    const b = (body ?? {}) as Answer;
    if (status >= 500) return { kind: 'transient', code: `http_${status}`, message: `HTTP ${status}` };
    if (status === 429) return { kind: 'throttled', code: 'http_429', message: 'HTTP 429' };
    // The new-style API answers errors with HTTP 4xx and {code, message}.
    if (status >= 400) return { kind: status === 401 ? 'denied' : 'config', code: String((b as { code?: string }).code ?? `http_${status}`), message: `dingtalk HTTP ${status}: ${JSON.stringify(body).slice(0, 200)}` };
    if (typeof b !== 'object' || b.errcode === undefined || b.errcode === 0) return null;
    const code = Number(b.errcode);
    const message = `dingtalk ${code}: ${b.errmsg ?? ''}`;
    if (TOKEN_CODES.has(code)) return { kind: 'token', code: String(code), message };
    if (THROTTLE_CODES.has(code)) return { kind: 'throttled', code: String(code), message };
    if (CONFIG_CODES.has(code)) return { kind: 'config', code: String(code), message };
    if (DENIED_CODES.has(code)) return { kind: 'denied', code: String(code), message };
    return { kind: 'transient', code: String(code), message };
  },
};

async function userById(ctx: ApiCtx, userid: string): Promise<ExternalUser> {
  const res = await call<Answer>(ctx, dingtalkProtocol, { method: 'POST', base: oapi(ctx), path: 'topapi/v2/user/get', body: { userid }, token: 'tenant' });
  const u = res.result ?? {};
  return { externalId: userid, name: String(u.name ?? userid), mobile: (u.mobile as string) || null, email: (u.email as string) || null, deptIds: ((u.dept_id_list as number[]) ?? []).map(String), active: u.active !== false };
}

function messageBody(ctx: ApiCtx, to: string, msg: AppMessage) {
  const markdown = `### ${msg.title}\n\n${msg.body}`;
  const card = msg.buttons?.length
    ? // Without a card template: 工作通知 has no button callbacks, each button opens the record where the user decides.
      { title: msg.title, markdown, btn_orientation: '1', btn_json_list: msg.buttons.map((b) => ({ title: b.text, action_url: msg.url })) }
    : { title: msg.title, markdown, single_title: '查看详情', single_url: msg.url };
  return { agent_id: Number(ctx.conn.settings.agentId ?? 0), userid_list: to, msg: { msgtype: 'action_card', action_card: card } };
}

/** One callback route per connection: its presses reach this connection's card-callback address. */
export const cardRouteKey = (connectionId: string) => `actionflow_${connectionId}`;
export const cardCallbackPath = (connectionId: string) => `/api/platforms/${connectionId}/card-callback`;

/**
 * Registers (again) the card-callback address and its apiSecret under the connection's route key. Done before the
 * first card and then daily through the shared credential cache, so a changed address or secret is picked up.
 */
export async function registerCardCallback(ctx: ApiCtx, force = false): Promise<void> {
  const apiSecret = ctx.conn.secrets.cardApiSecret;
  if (!apiSecret || !ctx.publicUrl) throw new PlatformError('config', 'card_secret_missing', 'dingtalk: interactive cards need the card callback apiSecret and the public URL');
  await cachedCredential(ctx, 'card_route', async () => {
    const res = await call<{ success?: boolean }>(ctx, dingtalkProtocol, {
      method: 'POST',
      base: api(ctx),
      path: 'v1.0/card/callbacks/register',
      token: 'tenant',
      tokenHeader: 'x-acs-dingtalk-access-token',
      body: { callbackRouteKey: cardRouteKey(ctx.conn.id), callbackUrl: `${ctx.publicUrl}${cardCallbackPath(ctx.conn.id)}`, apiSecret, forceUpdate: true },
    });
    if (res.success === false) throw new PlatformError('config', 'register_failed', 'dingtalk: card callback address not registered', res);
    return { token: 'registered', expiresInSec: 86_400 };
  }, force);
}

/** An approval or work-order card as a 互动卡片 to one member (only when the admin configured the template). */
async function sendCard(ctx: ApiCtx, to: string, msg: AppMessage, cardId: string, templateId: string) {
  await registerCardCallback(ctx);
  const robotCode = ctx.conn.settings.appKey ?? '';
  const kind = msg.buttons?.some((b) => b.key === 'accept') ? 'work_order' : 'approval';
  const res = await call<{ success?: boolean; result?: { deliverResults?: Array<{ success?: boolean; errorMsg?: string }> } }>(ctx, dingtalkProtocol, {
    method: 'POST',
    base: api(ctx),
    path: 'v1.0/card/instances/createAndDeliver',
    token: 'tenant',
    tokenHeader: 'x-acs-dingtalk-access-token',
    body: {
      cardTemplateId: templateId,
      outTrackId: cardId,
      callbackType: 'HTTP',
      callbackRouteKey: cardRouteKey(ctx.conn.id),
      userIdType: 1,
      cardData: { cardParamMap: { title: msg.title, markdown: msg.body, url: msg.url, kind, status: 'pending', statusText: '' } },
      openSpaceId: `dtv1.card//IM_ROBOT.${to}`,
      imRobotOpenSpaceModel: { supportForward: false },
      imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode },
    },
  });
  const failed = res.result?.deliverResults?.find((r) => r.success === false);
  if (res.success === false || failed) throw new PlatformError('config', 'deliver_failed', `dingtalk card not delivered to ${to}: ${failed?.errorMsg ?? 'unknown'}`, res);
  return { ref: cardId };
}

export const dingtalkApi: PlatformApi = {
  protocol: dingtalkProtocol,
  authorizeUrl(conn, redirectUri, state) {
    // In the DingTalk client the page gets its code from dd.getAuthCode (免登) and posts it; the browser goes here.
    const u = new URL('oauth2/auth', baseOf(conn.settings.loginBaseUrl, 'https://login.dingtalk.com'));
    for (const [k, v] of Object.entries({ redirect_uri: redirectUri, response_type: 'code', client_id: conn.settings.appKey ?? '', scope: 'openid', state, prompt: 'consent' })) u.searchParams.set(k, v);
    return u.toString();
  },
  async userByCode(ctx, code, mode) {
    if (mode === 'in_client') {
      const res = await call<Answer>(ctx, dingtalkProtocol, { method: 'POST', base: oapi(ctx), path: 'topapi/v2/user/getuserinfo', body: { code }, token: 'tenant' });
      const userid = res.result?.userid;
      return typeof userid === 'string' ? userById(ctx, userid) : null;
    }
    const tokenRes = await call<{ accessToken?: string }>(ctx, dingtalkProtocol, {
      method: 'POST',
      base: api(ctx),
      path: 'v1.0/oauth2/userAccessToken',
      body: { clientId: ctx.conn.settings.appKey, clientSecret: ctx.conn.secrets.secret, code, grantType: 'authorization_code' },
    });
    if (!tokenRes.accessToken) throw new PlatformError('denied', 'no_token', 'dingtalk: the code gave no user token');
    const me = await call<{ unionId?: string; mobile?: string }>(ctx, dingtalkProtocol, { method: 'GET', base: api(ctx), path: 'v1.0/contact/users/me', headers: { 'x-acs-dingtalk-access-token': tokenRes.accessToken } });
    if (!me.unionId) return null;
    const byUnion = await call<Answer>(ctx, dingtalkProtocol, { method: 'POST', base: oapi(ctx), path: 'topapi/user/getbyunionid', body: { unionid: me.unionId }, token: 'tenant' });
    const userid = byUnion.result?.userid;
    if (typeof userid !== 'string') return null;
    const user = await userById(ctx, userid);
    return { ...user, mobile: user.mobile ?? me.mobile ?? null };
  },
  async departments(ctx, rootId) {
    const out: ExternalDept[] = [];
    const queue = [rootId ?? '1'];
    while (queue.length) {
      const parent = queue.shift()!;
      const res = await call<Answer>(ctx, dingtalkProtocol, { method: 'POST', base: oapi(ctx), path: 'topapi/v2/department/listsub', body: { dept_id: Number(parent) }, token: 'tenant' });
      for (const d of (res.result as unknown as Array<{ dept_id: number; name: string; parent_id: number }>) ?? []) {
        out.push({ id: String(d.dept_id), name: d.name, parentId: String(d.parent_id) });
        queue.push(String(d.dept_id));
      }
    }
    return out;
  },
  async members(ctx, deptIds) {
    const found = new Map<string, ExternalUser>();
    for (const dept of deptIds) {
      let cursor = 0;
      for (;;) {
        const res = await call<Answer>(ctx, dingtalkProtocol, { method: 'POST', base: oapi(ctx), path: 'topapi/v2/user/list', body: { dept_id: Number(dept), cursor, size: 100 }, token: 'tenant' });
        const result = (res.result ?? {}) as { has_more?: boolean; next_cursor?: number; list?: Array<Record<string, unknown>> };
        for (const u of result.list ?? []) {
          const id = String(u.userid);
          if (!found.has(id)) found.set(id, { externalId: id, name: String(u.name ?? id), mobile: (u.mobile as string) || null, email: (u.email as string) || null, deptIds: ((u.dept_id_list as number[]) ?? []).map(String), active: u.active !== false });
        }
        if (!result.has_more) break;
        cursor = Number(result.next_cursor ?? 0);
      }
    }
    return [...found.values()];
  },
  async send(ctx, to, msg) {
    const templateId = ctx.conn.settings.cardTemplateId;
    // Without the apiSecret a press could not be verified: the card goes as an action card that opens the record.
    if (msg.buttons?.length && msg.cardId && templateId && ctx.conn.secrets.cardApiSecret) return sendCard(ctx, to, msg, msg.cardId, templateId);
    const res = await call<Answer>(ctx, dingtalkProtocol, { method: 'POST', base: oapi(ctx), path: 'topapi/message/corpconversation/asyncsend_v2', body: messageBody(ctx, to, msg), token: 'tenant' });
    return { ref: res.task_id != null ? String(res.task_id) : null };
  },
  async updateCard(ctx, card, text) {
    // Only 互动卡片 can change; an action card (no template configured) stays as sent.
    if (!ctx.conn.settings.cardTemplateId || card.ref !== card.id) return;
    await call(ctx, dingtalkProtocol, {
      method: 'PUT',
      base: api(ctx),
      path: 'v1.0/card/instances',
      token: 'tenant',
      tokenHeader: 'x-acs-dingtalk-access-token',
      body: { outTrackId: card.id, cardData: { cardParamMap: { status: 'done', statusText: text } }, cardUpdateOptions: { updateCardDataByKey: true } },
    });
  },
};
