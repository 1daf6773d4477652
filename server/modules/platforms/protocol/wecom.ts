/**
 * WeCom 企业微信 self-built app (自建应用), server API as documented at developer.work.weixin.qq.com, checked
 * 2024-06: 获取access_token (doc 91039) `GET /cgi-bin/gettoken?corpid&corpsecret` → {errcode, access_token,
 * expires_in}; 发送应用消息 (doc 90236) `POST /cgi-bin/message/send` textcard / template_card button_interaction;
 * 更新模版卡片消息 (doc 94888) `POST /cgi-bin/message/update_template_card`; 网页授权登录 / 企业微信Web登录
 * (docs 91022, 98151) code → `GET /cgi-bin/auth/getuserinfo` {userid, user_ticket} → `POST /cgi-bin/auth/getuserdetail`
 * (mobile, since 2022-06-20 no longer in user/get for new apps) and `GET /cgi-bin/user/get`; 通讯录 (docs 90208,
 * 90201) `GET /cgi-bin/department/list?id`, `GET /cgi-bin/user/list?department_id` (status 1 active, 2 disabled,
 * 4 not activated, 5 left). Error codes (全局错误码): 40029 invalid code, 40014 invalid token, 42001 expired token, 45009 / 45033 rate
 * limit, 81013 / 60111 unknown userid, 40001/40013/40056 wrong secret / corp / agent.
 * Approval cards (doc 90236 template_card button_interaction, event doc 90240 模板卡片事件推送, as of 2024-06): a card has
 * no free-text input, so a rejection's reason is picked in the card's button_selection (驳回理由, it comes back in the
 * event's SelectedItems) or, with the option "reply" (the default), typed as the member's next chat message to the app:
 * 接收消息 (doc 90239 消息格式, MsgType text, Content) at the same callback address; the work-order "respond" works the
 * same way. The app asks for it with a 发送应用消息 text message (doc 90236 文本消息 {touser, msgtype: text, agentid,
 * text.content}); a jump button (button_list type 1, url) still opens the record for a longer answer.
 * JS-SDK (doc 90506): 企业的jsapi_ticket `GET /cgi-bin/get_jsapi_ticket`, 应用的jsapi_ticket `GET /cgi-bin/ticket/get
 * ?type=agent_config` → {errcode, ticket, expires_in}; the page signs wx.config / wx.agentConfig with them
 * (crypto.ts jsapiSignature) to call getCurExternalContact in the sidebar.
 */
import { baseOf, cachedCredential, call, fetchQueryToken, PlatformError, type ApiCtx, type Protocol } from './http.js';
import type { PlatformApi } from './index.js';
import type { AppMessage, ExternalDept, ExternalUser } from '../types.js';

const DOC_BASE = 'https://qyapi.weixin.qq.com';
const base = (ctx: ApiCtx) => baseOf(ctx.conn.settings.baseUrl, DOC_BASE);

type Answer = { errcode?: number; errmsg?: string } & Record<string, unknown>;

const TOKEN_CODES = new Set([40014, 42001, 41001]);
const THROTTLE_CODES = new Set([45009, 45033, 45011, 45047]);
const CONFIG_CODES = new Set([40001, 40013, 40056, 40003, 81013, 60111, 48002, 60020]);
/** 40029 invalid code, 40129 / 40130 invalid user_ticket: a sign-in that must start again. */
const DENIED_CODES = new Set([40029, 40129, 40130]);

export const wecomProtocol: Protocol = {
  fetchToken(ctx) {
    return fetchQueryToken(ctx, wecomProtocol, new URL('cgi-bin/gettoken', base(ctx)), { corpid: ctx.conn.settings.corpId, corpsecret: ctx.conn.secrets.secret });
  },
  placeToken(token, url) {
    url.searchParams.set('access_token', token);
  },
  judge(status, body) {
    const b = (body ?? {}) as Answer;
    if (status >= 500) return { kind: 'transient', code: `http_${status}`, message: `HTTP ${status}` };
    if (typeof b !== 'object' || b.errcode === undefined) return status === 200 ? null : { kind: 'transient', code: `http_${status}`, message: `HTTP ${status}` };
    if (b.errcode === 0) return null;
    const code = Number(b.errcode);
    const message = `wecom ${code}: ${b.errmsg ?? ''}`;
    if (TOKEN_CODES.has(code)) return { kind: 'token', code: String(code), message };
    if (THROTTLE_CODES.has(code)) return { kind: 'throttled', code: String(code), message };
    if (CONFIG_CODES.has(code)) return { kind: 'config', code: String(code), message };
    if (DENIED_CODES.has(code)) return { kind: 'denied', code: String(code), message };
    // -1 (系统繁忙) and anything undocumented here: try again later.
    return { kind: 'transient', code: String(code), message };
  },
};

const agentId = (ctx: ApiCtx) => Number(ctx.conn.settings.agentId ?? 0);

/** The reasons a WeCom approver picks from when rejecting on the card: the chosen text becomes the comment. */
export const REJECT_REASONS: Record<string, string> = {
  price: '价格或折扣不符合政策',
  info: '资料不完整，请补充',
};
/** The option whose rejection waits for the reason as the member's next chat message. */
export const REPLY_OPTION = 'reply';
export const REASON_QUESTION = 'reason';

function messageBody(ctx: ApiCtx, to: string, msg: AppMessage) {
  if (msg.buttons?.length && msg.cardId) {
    const rejects = msg.buttons.some((b) => b.key === 'reject');
    return {
      touser: to,
      msgtype: 'template_card',
      agentid: agentId(ctx),
      template_card: {
        card_type: 'button_interaction',
        source: { desc: 'actionflow' },
        main_title: { title: msg.title.slice(0, 36), desc: msg.body.slice(0, 44) },
        card_action: { type: 1, url: msg.url },
        task_id: msg.cardId,
        ...(rejects
          ? { button_selection: { question_key: REASON_QUESTION, title: '驳回理由', option_list: [{ id: REPLY_OPTION, text: '驳回后在对话中回复理由' }, ...Object.entries(REJECT_REASONS).map(([id, text]) => ({ id, text }))], selected_id: REPLY_OPTION } }
          : {}),
        button_list: [
          ...msg.buttons.map((b) => ({ text: b.text, style: b.primary ? 1 : 2, key: b.key })),
          // The record in actionflow (type 1 jumps to the URL, no callback).
          { type: 1, text: '打开详情', style: 3, url: msg.url },
        ],
      },
    };
  }
  return {
    touser: to,
    msgtype: 'textcard',
    agentid: agentId(ctx),
    textcard: { title: msg.title.slice(0, 128), description: msg.body.slice(0, 512), url: msg.url, btntxt: '详情' },
  };
}

export const wecomApi: PlatformApi = {
  protocol: wecomProtocol,
  authorizeUrl(conn, redirectUri, state, inClient) {
    const corpId = conn.settings.corpId ?? '';
    if (inClient) {
      // Inside the WeCom client this redirect is silent (静默授权 snsapi_base): the in-app 免登.
      const u = new URL('connect/oauth2/authorize', baseOf(conn.settings.loginBaseUrl, 'https://open.weixin.qq.com'));
      for (const [k, v] of Object.entries({ appid: corpId, redirect_uri: redirectUri, response_type: 'code', scope: 'snsapi_privateinfo', state, agentid: conn.settings.agentId ?? '' })) u.searchParams.set(k, v);
      return `${u.toString()}#wechat_redirect`;
    }
    const u = new URL('wwlogin/sso/login', baseOf(conn.settings.loginBaseUrl, 'https://login.work.weixin.qq.com'));
    for (const [k, v] of Object.entries({ login_type: 'CorpApp', appid: corpId, agentid: conn.settings.agentId ?? '', redirect_uri: redirectUri, state })) u.searchParams.set(k, v);
    return u.toString();
  },
  async userByCode(ctx, code) {
    const info = await call<Answer>(ctx, wecomProtocol, { method: 'GET', base: base(ctx), path: 'cgi-bin/auth/getuserinfo', query: { code }, token: 'tenant' });
    const userid = typeof info.userid === 'string' ? info.userid : null;
    // A non-member (openid only) has no userid: nobody to match.
    if (!userid) return null;
    const user = await call<Answer>(ctx, wecomProtocol, { method: 'GET', base: base(ctx), path: 'cgi-bin/user/get', query: { userid }, token: 'tenant' });
    let mobile = (user.mobile as string | undefined) || null;
    let email = (user.email as string | undefined) || null;
    if (typeof info.user_ticket === 'string') {
      const detail = await call<Answer>(ctx, wecomProtocol, { method: 'POST', base: base(ctx), path: 'cgi-bin/auth/getuserdetail', body: { user_ticket: info.user_ticket }, token: 'tenant' });
      mobile = (detail.mobile as string | undefined) || mobile;
      email = (detail.email as string | undefined) || email;
    }
    return { externalId: userid, name: String(user.name ?? userid), mobile, email, deptIds: ((user.department as number[]) ?? []).map(String), active: user.status === undefined || user.status === 1 };
  },
  async departments(ctx, rootId) {
    const res = await call<Answer>(ctx, wecomProtocol, { method: 'GET', base: base(ctx), path: 'cgi-bin/department/list', query: { id: rootId ?? '1' }, token: 'tenant' });
    const list = (res.department as Array<{ id: number; name: string; parentid: number }>) ?? [];
    return list.map((d): ExternalDept => ({ id: String(d.id), name: d.name, parentId: d.parentid ? String(d.parentid) : null }));
  },
  async members(ctx, deptIds) {
    const found = new Map<string, ExternalUser>();
    for (const dept of deptIds) {
      const res = await call<Answer>(ctx, wecomProtocol, { method: 'GET', base: base(ctx), path: 'cgi-bin/user/list', query: { department_id: dept }, token: 'tenant' });
      for (const u of (res.userlist as Array<Record<string, unknown>>) ?? []) {
        const id = String(u.userid);
        if (found.has(id)) continue;
        found.set(id, { externalId: id, name: String(u.name ?? id), mobile: (u.mobile as string) || null, email: (u.email as string) || null, deptIds: ((u.department as number[]) ?? []).map(String), active: u.status === 1 });
      }
    }
    return [...found.values()];
  },
  async send(ctx, to, msg) {
    const res = await call<Answer>(ctx, wecomProtocol, { method: 'POST', base: base(ctx), path: 'cgi-bin/message/send', body: messageBody(ctx, to, msg), token: 'tenant' });
    // An unknown member comes back in `invaliduser` with errcode 0: nothing was delivered, and retrying won't help.
    if (typeof res.invaliduser === 'string' && res.invaliduser.split('|').includes(to)) throw new PlatformError('config', 'invaliduser', `wecom: ${to} is not a member the app can reach`, res);
    return { ref: typeof res.msgid === 'string' ? res.msgid : null };
  },
  async updateCard(ctx, card, text) {
    // The response_code of the button event (valid 72 h, usable once) identifies the card to replace.
    if (!card.responseCode) return;
    await call(ctx, wecomProtocol, {
      method: 'POST',
      base: base(ctx),
      path: 'cgi-bin/message/update_template_card',
      body: { userids: [card.externalUserId], agentid: agentId(ctx), response_code: card.responseCode, button: { replace_name: text.slice(0, 20) } },
      token: 'tenant',
    });
  },
};

/** A plain text app message (the prompt for a comment to be typed as the reply). */
export async function sendWecomText(ctx: ApiCtx, to: string, content: string): Promise<void> {
  await call(ctx, wecomProtocol, { method: 'POST', base: base(ctx), path: 'cgi-bin/message/send', body: { touser: to, msgtype: 'text', agentid: agentId(ctx), text: { content: content.slice(0, 2000) } }, token: 'tenant' });
}

/** The corp and app JS-SDK tickets (cached like tokens: two hours, shared by the processes). */
export async function wecomJsapiTickets(ctx: ApiCtx): Promise<{ corp: string; agent: string }> {
  const fetchTicket = (path: string, query: Record<string, string>) => async () => {
    const res = await call<Answer>(ctx, wecomProtocol, { method: 'GET', base: base(ctx), path, query, token: 'tenant' });
    return { token: String(res.ticket), expiresInSec: Number(res.expires_in ?? 7200) };
  };
  return {
    corp: await cachedCredential(ctx, 'jsapi', fetchTicket('cgi-bin/get_jsapi_ticket', {})),
    agent: await cachedCredential(ctx, 'agent_jsapi', fetchTicket('cgi-bin/ticket/get', { type: 'agent_config' })),
  };
}
