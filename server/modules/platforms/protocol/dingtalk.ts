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
 */
import { baseOf, call, rawCall, PlatformError, type ApiCtx, type Protocol } from './http.js';
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
  async fetchToken(ctx) {
    const { appKey } = ctx.conn.settings;
    const secret = ctx.conn.secrets.secret;
    if (!appKey || !secret) throw new PlatformError('config', 'missing', 'appKey and secret are required');
    const url = new URL('gettoken', oapi(ctx));
    url.searchParams.set('appkey', appKey);
    url.searchParams.set('appsecret', secret);
    const res = await rawCall(ctx, 'GET', url, undefined);
    const failure = dingtalkProtocol.judge(res.status, res.body);
    if (failure) throw new PlatformError(failure.kind === 'token' ? 'config' : failure.kind, failure.code, failure.message, res.body);
    const body = res.body as Answer;
    return { token: String(body.access_token), expiresInSec: Number(body.expires_in ?? 7200) };
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
    ? // 工作通知 has no button callbacks; each button opens the record in actionflow, where the user decides.
      { title: msg.title, markdown, btn_orientation: '1', btn_json_list: msg.buttons.map((b) => ({ title: b.text, action_url: msg.url })) }
    : { title: msg.title, markdown, single_title: '查看详情', single_url: msg.url };
  return { agent_id: Number(ctx.conn.settings.agentId ?? 0), userid_list: to, msg: { msgtype: 'action_card', action_card: card } };
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
    const res = await call<Answer>(ctx, dingtalkProtocol, { method: 'POST', base: oapi(ctx), path: 'topapi/message/corpconversation/asyncsend_v2', body: messageBody(ctx, to, msg), token: 'tenant' });
    return { ref: res.task_id != null ? String(res.task_id) : null };
  },
};
