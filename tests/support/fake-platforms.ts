/**
 * A local fake of the WeCom, DingTalk and Feishu server APIs on 127.0.0.1 — one HTTP server, the three platforms'
 * documented paths (see server/modules/platforms/protocol/*.ts for the document versions). It issues access tokens
 * that expire on the test's clock, exchanges sign-in codes, lists departments and members, accepts messages and card
 * updates, and checks every request's format (method, path, credentials, body fields) as the real ones do,
 * answering a wrong request with the platform's error code and recording it in `refusals`. Failures on demand:
 * `expireTokens()` (the next call gets the expired-token code) and `rateLimitNext(n)`. A DingTalk card press is built
 * by `dingtalkPress` from what the app registered (address and apiSecret of the card's route key); the other
 * platforms' signed and encrypted callbacks are in fake-platform-callbacks.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../server/core/clock.js';
import { dingtalkCardSignature } from '../../server/modules/platforms/protocol/crypto.js';

export interface FakeMember {
  id: string;
  name: string;
  mobile: string | null;
  email?: string | null;
  depts: string[];
  /** WeCom status: 1 active, 5 left. */
  left?: boolean;
}

export interface FakeDept {
  id: string;
  name: string;
  parentId: string | null;
}

export interface SentMessage {
  platform: 'wecom' | 'dingtalk' | 'feishu';
  to: string;
  body: Record<string, unknown>;
}

export const CREDS = {
  wecom: { corpId: 'ww0123456789abcdef', agentId: '1000002', secret: 'wecom-secret-0001' },
  dingtalk: { appKey: 'dingappkey0001', agentId: '2001', secret: 'ding-secret-0001', cardApiSecret: 'ding-card-api-secret-01' },
  feishu: { appId: 'cli_a1b2c3d4e5', secret: 'feishu-secret-0001' },
  callback: { token: 'cbToken123', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', verificationToken: 'vtoken-feishu', encryptKey: 'feishu-encrypt-key' },
};

export class FakePlatforms {
  url = '';
  members: FakeMember[] = [];
  depts: FakeDept[] = [];
  /** Sign-in codes → member id (one use each, like the platforms). */
  codes = new Map<string, string>();
  sent: SentMessage[] = [];
  cardUpdates: Array<Record<string, unknown>> = [];
  /** WeCom JS-SDK tickets (企业 and 应用), as get_jsapi_ticket and ticket/get?type=agent_config hand them out. */
  jsapiTicket = 'corp-jsapi-ticket-0001';
  agentTicket = 'agent-jsapi-ticket-0001';
  /** DingTalk 互动卡片 delivered: outTrackId → the callback route key it was created with. */
  cards = new Map<string, string>();
  /** DingTalk 注册卡片回调地址: callbackRouteKey → {callbackUrl, apiSecret}. */
  cardRoutes = new Map<string, { callbackUrl: string; apiSecret: string }>();
  tokensIssued = { wecom: 0, dingtalk: 0, feishu: 0 };
  /** Every request refused for its format or credentials: `${path} ${code} ${why}`. */
  refusals: string[] = [];
  /** Every request served: `${method} ${path}`. */
  log: string[] = [];
  private tokens = new Map<string, { platform: string; expiresAt: number }>();
  private rateLimited = 0;
  private server = createServer((req, res) => void this.handle(req, res));

  constructor(private clock: Clock) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Every issued token now counts as expired (as after two hours). */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  rateLimitNext(n: number): void {
    this.rateLimited = n;
  }

  issueCode(memberId: string): string {
    const code = randomBytes(8).toString('hex');
    this.codes.set(code, memberId);
    return code;
  }

  private issue(platform: string): string {
    const token = `${platform}-${randomBytes(6).toString('hex')}`;
    this.tokens.set(token, { platform, expiresAt: this.clock.now().getTime() + 7200_000 });
    this.tokensIssued[platform as 'wecom']++;
    return token;
  }

  /** 'ok', 'missing', 'expired' or 'invalid' for a presented token. */
  private tokenState(platform: string, token: string | null | undefined): 'ok' | 'missing' | 'expired' | 'invalid' {
    if (!token) return 'missing';
    const t = this.tokens.get(token);
    if (!t || t.platform !== platform) return 'invalid';
    return t.expiresAt <= this.clock.now().getTime() ? 'expired' : 'ok';
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    this.log.push(`${req.method} ${url.pathname}`);
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return this.json(res, 400, { errcode: 47001, errmsg: 'data format error' });
      }
    }
    const answer = (status: number, payload: Record<string, unknown>, why?: string) => {
      if (why) this.refusals.push(`${url.pathname} ${JSON.stringify(payload).slice(0, 60)} ${why}`);
      return this.json(res, status, payload);
    };
    try {
      if (url.pathname.startsWith('/cgi-bin/')) return this.wecom(req.method ?? 'GET', url, body, answer);
      if (url.pathname.startsWith('/open-apis/')) return this.feishu(req, url, body, answer);
      return this.dingtalk(req, url, body, answer);
    } catch (error) {
      return answer(500, { errcode: -1, errmsg: (error as Error).message }, 'crash');
    }
  }

  private json(res: ServerResponse, status: number, payload: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }

  private member(id: unknown) {
    return this.members.find((m) => m.id === id);
  }

  private takeCode(code: unknown): FakeMember | undefined {
    const id = typeof code === 'string' ? this.codes.get(code) : undefined;
    if (typeof code === 'string') this.codes.delete(code);
    return this.member(id);
  }

  /**
   * A press on a delivered DingTalk card as DingTalk posts it (互动卡片「事件回调」HTTP 模式): plain JSON to the address
   * registered for the card's route key, x-ddpaas-signature over the ms timestamp with that route's apiSecret.
   */
  dingtalkPress(opts: { card: string; userId: string; actionId: string; params?: Record<string, string>; apiSecret?: string; at?: number }) {
    const route = this.cardRoutes.get(this.cards.get(opts.card) ?? '');
    if (!route) throw new Error(`card ${opts.card} was not delivered with a registered route`);
    const body = JSON.stringify({
      type: 'actionCallback',
      outTrackId: opts.card,
      corpId: 'ding-corp-1',
      userId: opts.userId,
      content: JSON.stringify({ cardPrivateData: { actionIds: [opts.actionId], params: opts.params ?? {} } }),
    });
    const timestamp = String(opts.at ?? this.clock.now().getTime());
    return { url: new URL(route.callbackUrl).pathname, headers: { 'content-type': 'application/json', 'x-ddpaas-signature-timestamp': timestamp, 'x-ddpaas-signature': dingtalkCardSignature(opts.apiSecret ?? route.apiSecret, timestamp) }, body };
  }

  // ---- WeCom ---------------------------------------------------------------------------------------------
  private wecom(method: string, url: URL, body: Record<string, unknown>, answer: (s: number, p: Record<string, unknown>, why?: string) => void) {
    const q = (k: string) => url.searchParams.get(k);
    const path = url.pathname.slice('/cgi-bin/'.length);
    if (path === 'gettoken') {
      if (method !== 'GET') return answer(200, { errcode: 43001, errmsg: 'require GET method' }, 'method');
      if (q('corpid') !== CREDS.wecom.corpId) return answer(200, { errcode: 40013, errmsg: 'invalid corpid' }, 'corpid');
      if (q('corpsecret') !== CREDS.wecom.secret) return answer(200, { errcode: 40001, errmsg: 'invalid credential' }, 'secret');
      return answer(200, { errcode: 0, errmsg: 'ok', access_token: this.issue('wecom'), expires_in: 7200 });
    }
    const state = this.tokenState('wecom', q('access_token'));
    if (state === 'missing') return answer(200, { errcode: 41001, errmsg: 'access_token missing' }, 'token missing');
    if (state === 'invalid') return answer(200, { errcode: 40014, errmsg: 'invalid access_token' }, 'token invalid');
    if (state === 'expired') return answer(200, { errcode: 42001, errmsg: 'access_token expired' });
    if (path === 'get_jsapi_ticket') return answer(200, { errcode: 0, errmsg: 'ok', ticket: this.jsapiTicket, expires_in: 7200 });
    if (path === 'ticket/get') {
      if (q('type') !== 'agent_config') return answer(200, { errcode: 40097, errmsg: 'invalid args' }, 'ticket type');
      return answer(200, { errcode: 0, errmsg: 'ok', ticket: this.agentTicket, expires_in: 7200 });
    }
    if (path === 'auth/getuserinfo') {
      const m = this.takeCode(q('code'));
      if (!m) return answer(200, { errcode: 40029, errmsg: 'invalid code' }, 'code');
      return answer(200, { errcode: 0, errmsg: 'ok', userid: m.id, user_ticket: `ticket-${m.id}`, expires_in: 1800 });
    }
    if (path === 'auth/getuserdetail') {
      if (method !== 'POST' || typeof body.user_ticket !== 'string') return answer(200, { errcode: 40001, errmsg: 'user_ticket required' }, 'ticket');
      const m = this.member(body.user_ticket.replace(/^ticket-/, ''));
      return m ? answer(200, { errcode: 0, errmsg: 'ok', userid: m.id, mobile: m.mobile ?? '', email: m.email ?? '' }) : answer(200, { errcode: 40029, errmsg: 'invalid ticket' }, 'ticket');
    }
    if (path === 'user/get') {
      const m = this.member(q('userid'));
      // Since 2022-06-20 user/get no longer returns mobile/email to new self-built apps.
      return m ? answer(200, { errcode: 0, errmsg: 'ok', userid: m.id, name: m.name, department: m.depts.map(Number), status: m.left ? 5 : 1 }) : answer(200, { errcode: 60111, errmsg: 'userid not found' }, 'userid');
    }
    if (path === 'department/list') {
      return answer(200, { errcode: 0, errmsg: 'ok', department: this.depts.map((d) => ({ id: Number(d.id), name: d.name, parentid: d.parentId ? Number(d.parentId) : 0, order: 1 })) });
    }
    if (path === 'user/list') {
      const dept = q('department_id');
      if (!dept) return answer(200, { errcode: 40066, errmsg: 'invalid department' }, 'department');
      return answer(200, { errcode: 0, errmsg: 'ok', userlist: this.members.filter((m) => m.depts.includes(dept) && !m.left).map((m) => ({ userid: m.id, name: m.name, department: m.depts.map(Number), mobile: m.mobile, email: m.email ?? '', status: 1 })) });
    }
    if (path === 'message/send') {
      if (this.rateLimited > 0) {
        this.rateLimited--;
        return answer(200, { errcode: 45009, errmsg: 'api freq out of limit' });
      }
      const why = checkWecomMessage(body);
      if (why) return answer(200, { errcode: 40008, errmsg: `invalid message: ${why}` }, why);
      const to = String(body.touser);
      if (!this.member(to)) return answer(200, { errcode: 0, errmsg: 'ok', invaliduser: to, msgid: 'm0' });
      this.sent.push({ platform: 'wecom', to, body });
      return answer(200, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg-${this.sent.length}` });
    }
    if (path === 'message/update_template_card') {
      const button = body.button as { replace_name?: unknown } | undefined;
      if (!Array.isArray(body.userids) || typeof body.response_code !== 'string' || String(body.agentid) !== CREDS.wecom.agentId || typeof button?.replace_name !== 'string') return answer(200, { errcode: 40058, errmsg: 'invalid update' }, 'update format');
      this.cardUpdates.push({ platform: 'wecom', ...body });
      return answer(200, { errcode: 0, errmsg: 'ok' });
    }
    return answer(404, { errcode: 404, errmsg: `no such api ${path}` }, 'path');
  }

  // ---- DingTalk ------------------------------------------------------------------------------------------
  private dingtalk(req: IncomingMessage, url: URL, body: Record<string, unknown>, answer: (s: number, p: Record<string, unknown>, why?: string) => void) {
    const path = url.pathname.slice(1);
    if (path === 'gettoken') {
      if (url.searchParams.get('appkey') !== CREDS.dingtalk.appKey || url.searchParams.get('appsecret') !== CREDS.dingtalk.secret) return answer(200, { errcode: 40089, errmsg: 'invalid appkey or appsecret' }, 'creds');
      return answer(200, { errcode: 0, errmsg: 'ok', access_token: this.issue('dingtalk'), expires_in: 7200 });
    }
    if (path === 'v1.0/oauth2/userAccessToken') {
      if (body.clientId !== CREDS.dingtalk.appKey || body.clientSecret !== CREDS.dingtalk.secret || body.grantType !== 'authorization_code') return answer(400, { code: 'invalidClient', message: 'bad client' }, 'client');
      const m = this.takeCode(body.code);
      return m ? answer(200, { accessToken: `user-${m.id}`, expireIn: 7200, refreshToken: 'r' }) : answer(400, { code: 'invalidAuthCode', message: 'bad code' }, 'code');
    }
    if (path === 'v1.0/card/callbacks/register' || path === 'v1.0/card/instances/createAndDeliver' || path === 'v1.0/card/instances') {
      const tokenState = this.tokenState('dingtalk', String(req.headers['x-acs-dingtalk-access-token'] ?? ''));
      if (tokenState !== 'ok') return answer(401, { code: 'InvalidAuthentication', message: 'token is not authorized' }, tokenState === 'expired' ? undefined : 'card token');
      if (path === 'v1.0/card/callbacks/register') {
        const { callbackRouteKey, callbackUrl, apiSecret, forceUpdate } = body as Record<string, unknown>;
        if (req.method !== 'POST' || typeof callbackRouteKey !== 'string' || typeof callbackUrl !== 'string' || !/^https?:\/\//.test(callbackUrl) || typeof apiSecret !== 'string' || !apiSecret) return answer(400, { code: 'param.invalid', message: 'register' }, 'register format');
        // Without forceUpdate an existing registration stays and is answered back (the document's two-step confirm).
        const kept = this.cardRoutes.get(callbackRouteKey);
        if (!kept || forceUpdate === true) this.cardRoutes.set(callbackRouteKey, { callbackUrl, apiSecret });
        return answer(200, { success: true, result: this.cardRoutes.get(callbackRouteKey) });
      }
      const params = (body.cardData as { cardParamMap?: Record<string, unknown> } | undefined)?.cardParamMap;
      // cardParamMap values must all be strings (卡片平台 data model).
      if (!params || Object.values(params).some((v) => typeof v !== 'string')) return answer(400, { code: 'param.invalid', message: 'cardParamMap' }, 'cardParamMap');
      if (typeof body.outTrackId !== 'string' || !body.outTrackId) return answer(400, { code: 'param.invalid', message: 'outTrackId' }, 'outTrackId');
      if (req.method === 'PUT') {
        if (!this.cards.has(body.outTrackId)) return answer(400, { code: 'card.notFound', message: 'no such card' }, 'update unknown card');
        this.cardUpdates.push({ platform: 'dingtalk', outTrackId: body.outTrackId, params, options: body.cardUpdateOptions });
        return answer(200, { success: true, result: true });
      }
      const space = /^dtv1\.card\/\/IM_ROBOT\.(.+)$/.exec(String(body.openSpaceId ?? ''));
      const deliver = body.imRobotOpenDeliverModel as { spaceType?: string; robotCode?: string } | undefined;
      if (req.method !== 'POST' || typeof body.cardTemplateId !== 'string' || body.callbackType !== 'HTTP' || !space || deliver?.spaceType !== 'IM_ROBOT' || deliver.robotCode !== CREDS.dingtalk.appKey || body.userIdType !== 1) return answer(400, { code: 'param.invalid', message: 'card request' }, 'card format');
      // An HTTP callback needs a registered route key, or a press would reach nobody.
      if (typeof body.callbackRouteKey !== 'string' || !this.cardRoutes.has(body.callbackRouteKey)) return answer(400, { code: 'param.invalid', message: 'callbackRouteKey not registered' }, 'route key');
      this.cards.set(body.outTrackId, body.callbackRouteKey);
      this.sent.push({ platform: 'dingtalk', to: space[1], body });
      return answer(200, { success: true, result: { outTrackId: body.outTrackId, deliverResults: [{ success: true, spaceType: 'IM_ROBOT', spaceId: space[1], carrierId: `c-${this.sent.length}` }] } });
    }
    if (path === 'v1.0/contact/users/me') {
      const m = this.member(String(req.headers['x-acs-dingtalk-access-token'] ?? '').replace(/^user-/, ''));
      return m ? answer(200, { nick: m.name, unionId: `union-${m.id}`, mobile: m.mobile, stateCode: '86' }) : answer(401, { code: 'InvalidAuthentication', message: 'bad token' }, 'user token');
    }
    const state = this.tokenState('dingtalk', url.searchParams.get('access_token'));
    if (state !== 'ok') return answer(200, state === 'expired' ? { errcode: 42001, errmsg: '不合法的access_token' } : { errcode: 40014, errmsg: '不合法的access_token' }, state === 'expired' ? undefined : 'token');
    if (req.method !== 'POST') return answer(200, { errcode: 43002, errmsg: 'require POST' }, 'method');
    if (path === 'topapi/v2/user/getuserinfo') {
      const m = this.takeCode(body.code);
      return m ? answer(200, { errcode: 0, errmsg: 'ok', result: { userid: m.id, name: m.name, unionid: `union-${m.id}` } }) : answer(200, { errcode: 40078, errmsg: '不存在的临时授权码' }, 'code');
    }
    if (path === 'topapi/user/getbyunionid') {
      const m = this.member(String(body.unionid ?? '').replace(/^union-/, ''));
      return m ? answer(200, { errcode: 0, errmsg: 'ok', result: { contact_type: 0, userid: m.id } }) : answer(200, { errcode: 60121, errmsg: '找不到该用户' }, 'unionid');
    }
    if (path === 'topapi/v2/user/get') {
      const m = this.member(body.userid);
      return m ? answer(200, { errcode: 0, errmsg: 'ok', result: { userid: m.id, name: m.name, mobile: m.mobile, dept_id_list: m.depts.map(Number), active: !m.left } }) : answer(200, { errcode: 60121, errmsg: '找不到该用户' }, 'userid');
    }
    if (path === 'topapi/v2/department/listsub') {
      return answer(200, { errcode: 0, errmsg: 'ok', result: this.depts.filter((d) => (d.parentId ?? '') === String(body.dept_id)).map((d) => ({ dept_id: Number(d.id), name: d.name, parent_id: Number(d.parentId) })) });
    }
    if (path === 'topapi/v2/user/list') {
      if (typeof body.cursor !== 'number' || typeof body.size !== 'number' || body.size > 100) return answer(200, { errcode: 40035, errmsg: 'invalid cursor/size' }, 'paging');
      const list = this.members.filter((m) => m.depts.includes(String(body.dept_id)) && !m.left).map((m) => ({ userid: m.id, name: m.name, mobile: m.mobile, dept_id_list: m.depts.map(Number), active: true }));
      return answer(200, { errcode: 0, errmsg: 'ok', result: { has_more: false, list } });
    }
    if (path === 'topapi/message/corpconversation/asyncsend_v2') {
      if (this.rateLimited > 0) {
        this.rateLimited--;
        return answer(200, { errcode: 90018, errmsg: '企业请求总次数超过每分钟调用的上限' });
      }
      const msg = body.msg as { msgtype?: string; action_card?: { title?: string; markdown?: string } } | undefined;
      if (String(body.agent_id) !== CREDS.dingtalk.agentId || typeof body.userid_list !== 'string' || msg?.msgtype !== 'action_card' || !msg.action_card?.title || !msg.action_card.markdown) return answer(200, { errcode: 40035, errmsg: '缺少参数' }, 'message format');
      this.sent.push({ platform: 'dingtalk', to: body.userid_list, body });
      return answer(200, { errcode: 0, errmsg: 'ok', task_id: 256271667526, request_id: 'req' });
    }
    return answer(404, { errcode: 404, errmsg: `no such api ${path}` }, 'path');
  }

  // ---- Feishu --------------------------------------------------------------------------------------------
  private feishu(req: IncomingMessage, url: URL, body: Record<string, unknown>, answer: (s: number, p: Record<string, unknown>, why?: string) => void) {
    const path = url.pathname.slice('/open-apis/'.length);
    if (path === 'auth/v3/tenant_access_token/internal' || path === 'auth/v3/app_access_token/internal') {
      if (body.app_id !== CREDS.feishu.appId || body.app_secret !== CREDS.feishu.secret) return answer(400, { code: 10014, msg: 'app secret invalid' }, 'creds');
      const kind = path.includes('tenant') ? 'tenant_access_token' : 'app_access_token';
      return answer(200, { code: 0, msg: 'ok', [kind]: this.issue('feishu'), expire: 7200 });
    }
    const bearer = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (path === 'authen/v1/user_info') {
      const m = this.member(bearer.replace(/^u-/, ''));
      return m ? answer(200, { code: 0, msg: 'success', data: { name: m.name, user_id: m.id, open_id: `ou_${m.id}`, mobile: m.mobile ? `+86${m.mobile}` : undefined } }) : answer(401, { code: 99991668, msg: 'invalid user token' }, 'user token');
    }
    const state = this.tokenState('feishu', bearer);
    if (state !== 'ok') return answer(400, { code: 99991663, msg: 'Invalid access token for authorization' }, state === 'expired' ? undefined : 'token');
    if (path === 'authen/v1/oidc/access_token') {
      const m = body.grant_type === 'authorization_code' ? this.takeCode(body.code) : undefined;
      return m ? answer(200, { code: 0, msg: 'success', data: { access_token: `u-${m.id}`, token_type: 'Bearer', expires_in: 6900 } }) : answer(400, { code: 20003, msg: 'invalid code' }, 'code');
    }
    if (path.startsWith('contact/v3/departments/')) {
      return answer(200, { code: 0, msg: 'success', data: { has_more: false, items: this.depts.map((d) => ({ name: d.name, open_department_id: d.id, parent_department_id: d.parentId ?? '0' })) } });
    }
    if (path === 'contact/v3/users/find_by_department') {
      if (url.searchParams.get('user_id_type') !== 'user_id') return answer(400, { code: 99992402, msg: 'field validation failed' }, 'user_id_type');
      const dept = url.searchParams.get('department_id') ?? '';
      const items = this.members.filter((m) => m.depts.includes(dept)).map((m) => ({ user_id: m.id, name: m.name, mobile: m.mobile ? `+86${m.mobile}` : undefined, department_ids: m.depts, status: { is_resigned: !!m.left, is_activated: true } }));
      return answer(200, { code: 0, msg: 'success', data: { has_more: false, items } });
    }
    if (path === 'im/v1/messages' && req.method === 'POST') {
      if (this.rateLimited > 0) {
        this.rateLimited--;
        return answer(429, { code: 99991400, msg: 'request trigger frequency limit' });
      }
      if (url.searchParams.get('receive_id_type') !== 'user_id' || typeof body.receive_id !== 'string' || body.msg_type !== 'interactive' || typeof body.content !== 'string') return answer(400, { code: 230001, msg: 'invalid message' }, 'message format');
      const card = JSON.parse(body.content) as { header?: { title?: { content?: string } }; elements?: unknown[] };
      if (!card.header?.title?.content || !Array.isArray(card.elements)) return answer(400, { code: 230099, msg: 'invalid card' }, 'card');
      this.sent.push({ platform: 'feishu', to: body.receive_id, body: { ...body, card } });
      return answer(200, { code: 0, msg: 'success', data: { message_id: `om_${this.sent.length}` } });
    }
    if (path.startsWith('im/v1/messages/') && req.method === 'PATCH') {
      this.cardUpdates.push({ platform: 'feishu', messageId: path.split('/').pop(), ...body });
      return answer(200, { code: 0, msg: 'success' });
    }
    return answer(404, { code: 404, msg: `no such api ${path}` }, 'path');
  }
}

function checkWecomMessage(body: Record<string, unknown>): string | null {
  if (typeof body.touser !== 'string' || !body.touser) return 'touser';
  if (String(body.agentid) !== CREDS.wecom.agentId || typeof body.agentid !== 'number') return 'agentid';
  if (body.msgtype === 'textcard') {
    const c = body.textcard as { title?: unknown; description?: unknown; url?: unknown } | undefined;
    if (typeof c?.title !== 'string' || !c.title || typeof c.description !== 'string' || !c.description || typeof c.url !== 'string' || !/^https?:\/\//.test(c.url)) return 'textcard';
    if (Buffer.byteLength(c.title) > 128 || Buffer.byteLength(c.description) > 512) return 'textcard length';
    return null;
  }
  if (body.msgtype === 'text') {
    const c = body.text as { content?: unknown } | undefined;
    return typeof c?.content === 'string' && c.content && Buffer.byteLength(c.content) <= 2048 ? null : 'text';
  }
  if (body.msgtype === 'template_card') {
    const c = body.template_card as { card_type?: unknown; task_id?: unknown; button_list?: Array<{ key?: unknown; text?: unknown; type?: unknown; url?: unknown }>; button_selection?: { question_key?: unknown; option_list?: Array<{ id?: unknown; text?: unknown }> }; main_title?: { title?: unknown } } | undefined;
    if (c?.card_type !== 'button_interaction') return 'card_type';
    if (typeof c.task_id !== 'string' || !/^[a-zA-Z0-9_\-@]{1,128}$/.test(c.task_id)) return 'task_id';
    // type 0 (or none): a callback button with a key; type 1: a jump to url.
    if (!Array.isArray(c.button_list) || c.button_list.length < 1 || c.button_list.length > 6 || c.button_list.some((b) => typeof b.text !== 'string' || (b.type === 1 ? typeof b.url !== 'string' || !/^https?:\/\//.test(b.url) : typeof b.key !== 'string'))) return 'button_list';
    const sel = c.button_selection;
    if (sel && (typeof sel.question_key !== 'string' || !Array.isArray(sel.option_list) || sel.option_list.length < 1 || sel.option_list.length > 10 || sel.option_list.some((o) => typeof o.id !== 'string' || typeof o.text !== 'string'))) return 'button_selection';
    if (typeof c.main_title?.title !== 'string') return 'main_title';
    return null;
  }
  return 'msgtype';
}
