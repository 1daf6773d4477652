/**
 * Routes the platforms call or send the browser to, reachable without a session: sign-in (OAuth start and return,
 * the in-client code exchange) and the callback address of each connection (URL verification and card buttons).
 * Callbacks are trusted only after their signature / token verifies; everything else about them is refused as 403.
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { idParams, type App, type Deps } from '../../core/http.js';
import { AppError, invalid } from '../../core/errors.js';
import { responses } from '../../core/contract.js';
import { openSession, SESSION_COOKIE } from '../auth/service.js';
import { userProfile } from '../org/service.js';
import { userSchema } from '../org/presenter.js';
import { closeSiblings, pressCard, showOutcome, type CardPress } from './cards.js';
import { CallbackRefused, dingtalkCardSignature, feishuDecrypt, feishuSignature, openWecomStyle, sameText, wecomEncrypt, msgSignature, xmlField } from './protocol/crypto.js';
import { feishuCard } from './protocol/feishu.js';
import { APIS } from './protocol/index.js';
import { REASON_QUESTION, REJECT_REASONS, REPLY_OPTION } from './protocol/wecom.js';
import { awaitComment, commentArrived } from './comments.js';
import { signInBody, signInQuery, startQuery } from './schema.js';
import { signInOptionSchema } from './presenter.js';
import { matchMember, memberOfCode, newState, signInConnection, signInOptions } from './signin.js';
import { getConnection } from './service.js';
import type { LoadedConnection } from './types.js';

const STATE_COOKIE = 'af_platform_state';
const refused = () => new AppError('FORBIDDEN', 'platform_callback_refused');
const dingtalkCardAnswer = z.object({
  cardData: z.object({ cardParamMap: z.record(z.string(), z.string()) }),
  cardUpdateOptions: z.object({ updateCardDataByKey: z.boolean() }),
});

export async function publicPlatformRoutes(app: App, deps: Deps) {
  const tags = ['platforms'];
  const { config, db, clock } = deps;

  async function startSession(reply: FastifyReply, userId: string) {
    const token = await openSession(deps, userId);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: config.sessionTtlHours * 3600 });
  }

  app.get(
    '/api/platforms/sign-in/options',
    { config: { public: true }, schema: { tags, summary: 'Platforms offered on the login page (enabled connections with sign-in on)', response: responses({ 200: z.object({ items: z.array(signInOptionSchema) }) }) } },
    async () => ({ items: await signInOptions(deps) }),
  );

  app.get(
    '/api/platforms/:id/sign-in/start',
    { config: { public: true }, schema: { tags, summary: 'Start the OAuth sign-in: redirects to the platform (inClient=1: the silent in-client 免登 page)', params: idParams, querystring: startQuery, response: responses({ 302: z.null().describe('Redirect to the platform') }, [400, 403, 404]) } },
    async (req, reply) => {
      const conn = await signInConnection(deps, req.params.id);
      const state = newState();
      reply.setCookie(STATE_COOKIE, state, { path: `/api/platforms/${conn.id}/sign-in`, httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: 600 });
      return reply.redirect(APIS[conn.platform].authorizeUrl(conn, `${config.publicUrl}/api/platforms/${conn.id}/sign-in/callback`, state, req.query.inClient === '1'));
    },
  );

  app.get(
    '/api/platforms/:id/sign-in/callback',
    { config: { public: true }, schema: { tags, summary: 'OAuth return address: exchanges the code, starts the session and goes to the app; a refusal goes to the login page with its reason', params: idParams, querystring: signInQuery, response: responses({ 302: z.null().describe('Redirect to the app or the login page') }, [400, 404]) } },
    async (req, reply) => {
      const expected = req.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: `/api/platforms/${req.params.id}/sign-in` });
      try {
        const conn = await signInConnection(deps, req.params.id);
        const given = req.query.state ?? '';
        if (!expected || !given || !sameText(expected, given)) throw new AppError('FORBIDDEN', 'platform_state_mismatch');
        if (!req.query.code) throw new AppError('UNAUTHENTICATED', 'platform_code_invalid', { params: { platform: conn.platform } });
        const userId = await matchMember(deps, conn, await memberOfCode(deps, conn, req.query.code, 'web'));
        await startSession(reply, userId);
        return reply.redirect('/');
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const params = new URLSearchParams({ platformError: error.reason ?? error.code, ...Object.fromEntries(Object.entries(error.params ?? {}).map(([k, v]) => [k, String(v)])) });
        return reply.redirect(`/login?${params.toString()}`);
      }
    },
  );

  app.post(
    '/api/platforms/:id/sign-in',
    { config: { public: true }, schema: { tags, summary: 'Sign in with a code from the platform client (免登: dd.getAuthCode, tt.requestAuthCode) or the OAuth page; sets the session cookie', params: idParams, body: signInBody, response: responses({ 200: z.object({ user: userSchema }) }, [400, 403, 404, 429]) } },
    async (req, reply) => {
      const conn = await signInConnection(deps, req.params.id);
      const userId = await matchMember(deps, conn, await memberOfCode(deps, conn, req.body.code, req.body.mode));
      await startSession(reply, userId);
      return { user: await userProfile(db, userId) };
    },
  );

  // The callbacks read their body raw: signatures are over the exact bytes, and WeCom posts XML.
  await app.register(async (plain) => {
    const scope = plain as unknown as App;
    scope.addContentTypeParser(['application/json', 'text/xml', 'application/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
    const consumes = ['application/json', 'text/xml', 'application/xml'];
    const callbackQuery = z.object({ msg_signature: z.string().max(128).optional(), signature: z.string().max(128).optional(), timestamp: z.string().max(32).optional(), nonce: z.string().max(64).optional(), echostr: z.string().max(2048).optional() });

    scope.get(
      '/api/platforms/:id/callback',
      { config: { public: true }, schema: { tags, summary: 'WeCom URL verification: answers the decrypted echostr when msg_signature verifies', params: idParams, querystring: callbackQuery, response: responses({ 200: z.string() }, [400, 403, 404]) } },
      async (req, reply) => {
        const conn = await getConnection(deps, req.params.id);
        const q = req.query;
        if (conn.platform !== 'wecom' || !q.echostr) throw refused();
        const plain = openWecom(conn, q.msg_signature, q.timestamp, q.nonce, q.echostr);
        return reply.type('text/plain; charset=utf-8').send(plain);
      },
    );

    scope.post(
      '/api/platforms/:id/callback',
      { config: { public: true }, schema: { tags, summary: 'Callback address: WeCom/DingTalk encrypted events (msg_signature + AES), Feishu events and card actions (X-Lark-Signature, encrypt key, verification token); card buttons act once', params: idParams, querystring: callbackQuery, consumes, response: responses({ 200: z.unknown() }, [400, 403, 404]) } },
      async (req, reply) => {
        const conn = await getConnection(deps, req.params.id);
        if (!conn.enabled) throw refused();
        const raw = typeof req.body === 'string' ? req.body : '';
        if (conn.platform === 'wecom') return wecomCallback(conn, raw, req.query, reply);
        if (conn.platform === 'dingtalk') return dingtalkCallback(conn, raw, req.query);
        return feishuCallback(conn, raw, req.headers as Record<string, string | undefined>);
      },
    );

    scope.post(
      '/api/platforms/:id/card-callback',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'DingTalk 互动卡片 press (回传请求) at the address registered for the connection’s callbackRouteKey: x-ddpaas-signature verified, acts once, the answer updates the card',
          params: idParams,
          consumes: ['application/json'],
          response: responses({ 200: dingtalkCardAnswer }, [400, 403, 404]),
        },
      },
      async (req) => {
        const conn = await getConnection(deps, req.params.id);
        if (!conn.enabled || conn.platform !== 'dingtalk') throw refused();
        const press = dingtalkCardPress(conn, typeof req.body === 'string' ? req.body : '', req.headers as Record<string, string | undefined>);
        const result = await pressCard(deps, conn, press);
        if (result.open) return { cardData: { cardParamMap: { statusText: result.message } }, cardUpdateOptions: { updateCardDataByKey: true } };
        if (!result.repeated) await closeSiblings(deps, conn, press.cardId, result);
        // The document asks for the new card data in the answer rather than an update call while answering.
        return { cardData: { cardParamMap: { status: 'done', statusText: result.ok ? result.label : `${result.label}：${result.message}` } }, cardUpdateOptions: { updateCardDataByKey: true } };
      },
    );
  });

  /** Verifies the card callback's signature (crypto.ts) and reads the press; anything unverified is refused. */
  function dingtalkCardPress(conn: LoadedConnection, raw: string, headers: Record<string, string | undefined>): CardPress {
    const apiSecret = conn.secrets.cardApiSecret;
    const timestamp = headers['x-ddpaas-signature-timestamp'] ?? '';
    const signature = headers['x-ddpaas-signature'] ?? '';
    if (!apiSecret || !/^\d{10,16}$/.test(timestamp) || !signature || !sameText(dingtalkCardSignature(apiSecret, timestamp), signature)) throw refused();
    // The document sets no window; an hour either side keeps a captured request from being replayed later.
    if (Math.abs(clock.now().getTime() - Number(timestamp)) > 3600_000) throw refused();
    let event: { type?: string; outTrackId?: string; userId?: string; content?: string };
    let data: { cardPrivateData?: { actionIds?: unknown; params?: Record<string, unknown> } };
    try {
      event = JSON.parse(raw) as typeof event;
      data = JSON.parse(event.content ?? '{}') as typeof data;
    } catch {
      throw invalid('content', 'invalid');
    }
    if (event?.type !== 'actionCallback' || typeof event.outTrackId !== 'string' || typeof event.userId !== 'string') throw invalid('type', 'invalid');
    const ids = Array.isArray(data.cardPrivateData?.actionIds) ? data.cardPrivateData.actionIds : [];
    const params = data.cardPrivateData?.params ?? {};
    return { cardId: event.outTrackId, action: String(ids[0] ?? params.action ?? ''), externalUserId: event.userId, comment: typeof params.comment === 'string' ? params.comment : null };
  }

  function openWecom(conn: LoadedConnection, signature: string | undefined, timestamp: string | undefined, nonce: string | undefined, encrypt: string, receiveId = conn.settings.corpId ?? '') {
    const { callbackToken, encodingAesKey } = conn.secrets;
    if (!callbackToken || !encodingAesKey || !signature || !timestamp || !nonce) throw refused();
    try {
      return openWecomStyle({ token: callbackToken, encodingAesKey, receiveId, signature, timestamp, nonce, encrypt });
    } catch (error) {
      if (error instanceof CallbackRefused) throw refused();
      throw error;
    }
  }

  async function wecomCallback(conn: LoadedConnection, raw: string, q: { msg_signature?: string; timestamp?: string; nonce?: string }, reply: FastifyReply) {
    const encrypt = xmlField(raw, 'Encrypt');
    if (!encrypt) throw refused();
    const xml = openWecom(conn, q.msg_signature, q.timestamp, q.nonce, encrypt);
    const from = xmlField(xml, 'FromUserName') ?? '';
    if (xmlField(xml, 'Event') === 'template_card_event') {
      const action = xmlField(xml, 'EventKey') ?? '';
      // The reason picked in the card's selection (SelectedItems → OptionId) is the rejection's comment; "reply"
      // (and the work order's respond) waits for the comment as the member's next chat message (comments.ts).
      const option = xmlField(xml, 'QuestionKey') === REASON_QUESTION ? (xmlField(xml, 'OptionId') ?? '') : REPLY_OPTION;
      const press = { cardId: xmlField(xml, 'TaskId') ?? '', action, externalUserId: from, responseCode: xmlField(xml, 'ResponseCode') ?? undefined, comment: action === 'reject' ? (REJECT_REASONS[option] ?? null) : null };
      if (action === 'respond' || (action === 'reject' && !press.comment)) {
        await awaitComment(deps, conn, press);
      } else {
        const result = await pressCard(deps, conn, press);
        if (!result.repeated) {
          await showOutcome(deps, conn, press, result);
          await closeSiblings(deps, conn, press.cardId, result);
        }
      }
    } else if (xmlField(xml, 'MsgType') === 'text') {
      await commentArrived(deps, conn, from, xmlField(xml, 'Content') ?? '');
    }
    // WeCom takes an empty answer as "received" (no passive reply).
    return reply.type('text/plain; charset=utf-8').send('');
  }

  /** DingTalk HTTP event subscription (check_url and other events): verify, decrypt, answer the encrypted "success". */
  async function dingtalkCallback(conn: LoadedConnection, raw: string, q: { signature?: string; msg_signature?: string; timestamp?: string; nonce?: string }) {
    let body: { encrypt?: string };
    try {
      body = JSON.parse(raw) as { encrypt?: string };
    } catch {
      throw refused();
    }
    if (typeof body?.encrypt !== 'string') throw refused();
    // Verified and decrypted only to answer: card presses come to the card-callback address, not as events.
    openWecom(conn, q.signature ?? q.msg_signature, q.timestamp, q.nonce, body.encrypt, conn.settings.appKey ?? '');
    const { callbackToken, encodingAesKey } = conn.secrets;
    const timeStamp = String(clock.now().getTime());
    const nonce = newState().slice(0, 12);
    const encrypt = wecomEncrypt(encodingAesKey!, 'success', conn.settings.appKey ?? '');
    return { msg_signature: msgSignature(callbackToken!, timeStamp, nonce, encrypt), timeStamp, nonce, encrypt };
  }

  async function feishuCallback(conn: LoadedConnection, raw: string, headers: Record<string, string | undefined>) {
    const { encryptKey, verificationToken } = conn.secrets;
    if (!verificationToken) throw refused();
    let payload: Record<string, unknown>;
    try {
      let outer = JSON.parse(raw) as Record<string, unknown>;
      if (encryptKey) {
        if (typeof outer.encrypt !== 'string') throw refused();
        const ts = headers['x-lark-request-timestamp'];
        const nonce = headers['x-lark-request-nonce'];
        const signature = headers['x-lark-signature'];
        const decrypted = JSON.parse(feishuDecrypt(encryptKey, outer.encrypt)) as Record<string, unknown>;
        // The URL check carries no signature headers; everything else must be signed.
        if (decrypted.type !== 'url_verification' && (!ts || !nonce || !signature || !sameText(feishuSignature(ts, nonce, encryptKey, raw), signature))) throw refused();
        outer = decrypted;
      }
      payload = outer;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refused();
    }
    const header = (payload.header ?? {}) as { token?: string; event_type?: string };
    const token = String(header.token ?? payload.token ?? '');
    if (!token || !sameText(token, verificationToken)) throw refused();
    if (payload.type === 'url_verification') return { challenge: String(payload.challenge ?? '') };
    if (header.event_type !== 'card.action.trigger') return {};
    const event = (payload.event ?? {}) as { operator?: { user_id?: string }; action?: { value?: { card?: string; action?: string }; form_value?: { comment?: string }; input_value?: string } };
    const press = { cardId: String(event.action?.value?.card ?? ''), action: String(event.action?.value?.action ?? ''), externalUserId: String(event.operator?.user_id ?? ''), comment: event.action?.form_value?.comment ?? event.action?.input_value ?? null };
    const result = await pressCard(deps, conn, press);
    if (result.open) return { toast: { type: 'error', content: result.message, i18n: { zh_cn: result.message, en_us: result.messageEn } } };
    if (!result.repeated) await closeSiblings(deps, conn, press.cardId, result);
    // Feishu replaces the card with the one in the answer: the outcome, buttons gone.
    return {
      toast: { type: result.ok ? 'success' : 'error', content: result.message, i18n: { zh_cn: result.message, en_us: result.messageEn } },
      card: { type: 'raw', data: feishuCard({ title: result.label, body: result.message, url: config.publicUrl }, result.label) },
    };
  }
}

