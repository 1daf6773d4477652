/**
 * Feishu 飞书 自建应用, as documented at open.feishu.cn, checked 2024-06: 自建应用获取 tenant_access_token
 * `POST /open-apis/auth/v3/tenant_access_token/internal` {app_id, app_secret} → {code, tenant_access_token, expire};
 * app_access_token likewise (`/app_access_token/internal`); 发送消息 `POST /open-apis/im/v1/messages?receive_id_type=
 * user_id` {receive_id, msg_type: interactive, content: card JSON as a string} → data.message_id; 更新应用发送的消息卡片
 * `PATCH /open-apis/im/v1/messages/:message_id` {content}; 网页应用登录 authorize `/open-apis/authen/v1/authorize`,
 * 获取 user_access_token `POST /open-apis/authen/v1/oidc/access_token` (app_access_token) {grant_type, code}, 获取用户信息
 * `GET /open-apis/authen/v1/user_info` (in the Feishu client the code comes from tt.requestAuthCode / the same
 * authorize URL, exchanged the same way); 通讯录 v3 `GET /open-apis/contact/v3/departments/:id/children?fetch_child=true`,
 * `GET /open-apis/contact/v3/users/find_by_department` (status.is_resigned). Error codes: 99991663 / 99991668 /
 * 99991661 invalid or expired token, 99991400 rate limit (HTTP 429), 230013 / 230002 user unreachable.
 */
import { baseOf, call, rawCall, PlatformError, type ApiCtx, type Protocol, type TokenKind } from './http.js';
import type { PlatformApi } from './index.js';
import type { AppMessage, ExternalDept, ExternalUser } from '../types.js';

const base = (ctx: ApiCtx) => baseOf(ctx.conn.settings.baseUrl, 'https://open.feishu.cn');

type Answer = { code?: number; msg?: string; data?: Record<string, unknown> } & Record<string, unknown>;

const TOKEN_CODES = new Set([99991663, 99991668, 99991661, 99991664, 99991665]);
const THROTTLE_CODES = new Set([99991400, 11232, 230020]);
const CONFIG_CODES = new Set([10003, 10014, 230013, 230002, 99991672, 99992402]);
/** 20003 / 20004 / 20007: an invalid or used authorization code. */
const DENIED_CODES = new Set([20003, 20004, 20007]);

export const feishuProtocol: Protocol = {
  async fetchToken(ctx, kind: TokenKind) {
    const { appId } = ctx.conn.settings;
    const secret = ctx.conn.secrets.secret;
    if (!appId || !secret) throw new PlatformError('config', 'missing', 'appId and secret are required');
    const path = kind === 'app' ? 'open-apis/auth/v3/app_access_token/internal' : 'open-apis/auth/v3/tenant_access_token/internal';
    const res = await rawCall(ctx, 'POST', new URL(path, base(ctx)), { app_id: appId, app_secret: secret });
    const failure = feishuProtocol.judge(res.status, res.body);
    if (failure) throw new PlatformError(failure.kind === 'token' ? 'config' : failure.kind, failure.code, failure.message, res.body);
    const body = res.body as Answer;
    return { token: String(kind === 'app' ? body.app_access_token : body.tenant_access_token), expiresInSec: Number(body.expire ?? 7200) };
  },
  placeToken(token, _url, headers) {
    headers.authorization = `Bearer ${token}`;
  },
  judge(status, body) {
    const b = (body ?? {}) as Answer;
    const code = typeof b === 'object' && b.code !== undefined ? Number(b.code) : null;
    const message = `feishu ${code ?? `HTTP ${status}`}: ${b.msg ?? ''}`;
    if (code !== null && TOKEN_CODES.has(code)) return { kind: 'token', code: String(code), message };
    if (status === 429 || (code !== null && THROTTLE_CODES.has(code))) return { kind: 'throttled', code: String(code ?? 429), message };
    if (status >= 500) return { kind: 'transient', code: `http_${status}`, message };
    if (code === 0) return null;
    if (code === null) return status === 200 ? null : { kind: 'transient', code: `http_${status}`, message };
    if (CONFIG_CODES.has(code)) return { kind: 'config', code: String(code), message };
    if (DENIED_CODES.has(code)) return { kind: 'denied', code: String(code), message };
    return { kind: status >= 400 && status < 500 ? 'config' : 'transient', code: String(code), message };
  },
};

/**
 * Message card (JSON 1.0 structure): title, text, a link button, and the action buttons with our card id. The action
 * buttons sit in a form container (卡片 JSON 1.0「表单容器」form, buttons with action_type form_submit) with one input
 * `comment`, so a rejection's reason or a work order's reply comes back in the callback's action.form_value.comment.
 */
export function feishuCard(msg: AppMessage, done?: string) {
  const link = { tag: 'button', text: { tag: 'plain_text', content: '查看详情' }, type: 'default', url: msg.url };
  const elements: unknown[] = [{ tag: 'div', text: { tag: 'lark_md', content: msg.body || ' ' } }];
  if (done || !msg.buttons?.length) {
    const actions = done ? [{ tag: 'button', text: { tag: 'plain_text', content: done }, type: 'default', disabled: true }] : [];
    elements.push({ tag: 'action', actions: [...actions, link] });
  } else {
    const buttons = msg.buttons.map((b) => ({ tag: 'button', name: `btn_${b.key}`, action_type: 'form_submit', text: { tag: 'plain_text', content: b.text }, type: b.primary ? 'primary' : 'default', value: { card: msg.cardId, action: b.key } }));
    elements.push({ tag: 'form', name: 'card_form', elements: [{ tag: 'input', name: 'comment', max_length: 500, placeholder: { tag: 'plain_text', content: '意见 / 回复（驳回、回复时填写） Comment' } }, ...buttons] });
    elements.push({ tag: 'action', actions: [link] });
  }
  return {
    config: { wide_screen_mode: true, update_multi: false },
    header: { title: { tag: 'plain_text', content: msg.title }, template: done ? 'grey' : 'blue' },
    elements,
  };
}

const toUser = (u: Record<string, unknown>): ExternalUser => {
  const status = (u.status ?? {}) as { is_resigned?: boolean; is_frozen?: boolean };
  const id = String(u.user_id ?? u.open_id);
  return { externalId: id, name: String(u.name ?? id), mobile: (u.mobile as string) || null, email: (u.email as string) || null, deptIds: ((u.department_ids as string[]) ?? []).map(String), active: !status.is_resigned && !status.is_frozen };
};

export const feishuApi: PlatformApi = {
  protocol: feishuProtocol,
  authorizeUrl(conn, redirectUri, state) {
    const u = new URL('open-apis/authen/v1/authorize', baseOf(conn.settings.loginBaseUrl, 'https://open.feishu.cn'));
    for (const [k, v] of Object.entries({ app_id: conn.settings.appId ?? '', redirect_uri: redirectUri, state })) u.searchParams.set(k, v);
    return u.toString();
  },
  async userByCode(ctx, code) {
    const tokenRes = await call<Answer>(ctx, feishuProtocol, { method: 'POST', base: base(ctx), path: 'open-apis/authen/v1/oidc/access_token', body: { grant_type: 'authorization_code', code }, token: 'app' });
    const userToken = tokenRes.data?.access_token;
    if (typeof userToken !== 'string') throw new PlatformError('denied', 'no_token', 'feishu: the code gave no user token');
    const info = await call<Answer>(ctx, feishuProtocol, { method: 'GET', base: base(ctx), path: 'open-apis/authen/v1/user_info', headers: { authorization: `Bearer ${userToken}` } });
    const d = info.data ?? {};
    if (!d.user_id) return null;
    return { externalId: String(d.user_id), name: String(d.name ?? d.user_id), mobile: (d.mobile as string) || null, email: (d.email as string) || (d.enterprise_email as string) || null, deptIds: [], active: true };
  },
  async departments(ctx, rootId) {
    const out: ExternalDept[] = [];
    let pageToken = '';
    for (;;) {
      const res = await call<Answer>(ctx, feishuProtocol, {
        method: 'GET',
        base: base(ctx),
        path: `open-apis/contact/v3/departments/${encodeURIComponent(rootId ?? '0')}/children`,
        query: { department_id_type: 'open_department_id', fetch_child: 'true', page_size: '50', ...(pageToken ? { page_token: pageToken } : {}) },
        token: 'tenant',
      });
      for (const d of (res.data?.items as Array<Record<string, string>>) ?? []) out.push({ id: d.open_department_id, name: d.name, parentId: d.parent_department_id ?? null });
      if (!res.data?.has_more) break;
      pageToken = String(res.data.page_token ?? '');
    }
    return out;
  },
  async members(ctx, deptIds) {
    const found = new Map<string, ExternalUser>();
    for (const dept of deptIds) {
      let pageToken = '';
      for (;;) {
        const res = await call<Answer>(ctx, feishuProtocol, {
          method: 'GET',
          base: base(ctx),
          path: 'open-apis/contact/v3/users/find_by_department',
          query: { department_id: dept, department_id_type: 'open_department_id', user_id_type: 'user_id', page_size: '50', ...(pageToken ? { page_token: pageToken } : {}) },
          token: 'tenant',
        });
        for (const u of (res.data?.items as Array<Record<string, unknown>>) ?? []) {
          const user = toUser(u);
          if (!found.has(user.externalId)) found.set(user.externalId, user);
        }
        if (!res.data?.has_more) break;
        pageToken = String(res.data.page_token ?? '');
      }
    }
    return [...found.values()];
  },
  async send(ctx, to, msg) {
    const res = await call<Answer>(ctx, feishuProtocol, {
      method: 'POST',
      base: base(ctx),
      path: 'open-apis/im/v1/messages',
      query: { receive_id_type: 'user_id' },
      body: { receive_id: to, msg_type: 'interactive', content: JSON.stringify(feishuCard(msg)) },
      token: 'tenant',
    });
    return { ref: typeof res.data?.message_id === 'string' ? res.data.message_id : null };
  },
  async updateCard(ctx, card, text, msg) {
    if (!card.ref) return;
    await call(ctx, feishuProtocol, { method: 'PATCH', base: base(ctx), path: `open-apis/im/v1/messages/${encodeURIComponent(card.ref)}`, body: { content: JSON.stringify(feishuCard(msg, text)) }, token: 'tenant' });
  },
};
