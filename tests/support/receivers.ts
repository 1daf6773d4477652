/**
 * Local stand-ins for the WeCom, DingTalk and Feishu group robots, an outgoing-webhook endpoint and an SMTP server,
 * all on 127.0.0.1. The robots check what the real ones check — path and key/token, body shape, signature and its
 * timestamp window, rate limit — and answer like them: HTTP 200 with errcode/code in the body.
 * Time comes from the test's clock, so signatures and rate windows follow ManualClock.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type RobotKind = 'wecom' | 'dingtalk' | 'feishu';

/**
 * A robot request body as parsed from the wire. Every field is `unknown` until a check below has looked at it:
 * the receivers must refuse malformed bodies, not trust them.
 */
export interface RobotBody {
  msgtype?: unknown;
  msg_type?: unknown;
  timestamp?: unknown;
  sign?: unknown;
  text?: { content?: unknown; mentioned_list?: unknown; mentioned_mobile_list?: unknown };
  markdown?: { content?: unknown; title?: unknown; text?: unknown };
  at?: { atMobiles?: unknown; isAtAll?: unknown };
  content?: { text?: unknown };
  card?: { header?: { title?: { content?: unknown } }; elements?: Array<{ tag?: unknown; content?: unknown }> };
}

export interface Accepted {
  body: RobotBody;
  /** The message text as a person in the group would read it. */
  text: string;
  at: Date;
}

export interface RobotReceiver {
  kind: RobotKind;
  /** Webhook URL to store in the channel's secrets (includes the key / access_token). */
  url: string;
  accepted: Accepted[];
  /** Every answer given, successful or not: `${code} ${message}`. */
  answers: string[];
  /** Answer "too fast" (WeCom 45009, DingTalk 130101, Feishu 11232) to the next n requests. */
  tooFastNext(n: number): void;
  /** Stop listening (connections refused) until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const TOO_FAST = { wecom: [45009, 'api freq out of limit'], dingtalk: [130101, 'send too fast, exceed 20 times per minute'], feishu: [11232, 'frequency limited'] } as const;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const isStr = (v: unknown, max = 20_000): v is string => typeof v === 'string' && v.length > 0 && Buffer.byteLength(v) <= max;
const isStrArray = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
const onlyKeys = (o: object, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

/** Returns [code, message, text] — code 0 means accepted. */
function checkWecom(url: URL, token: string, body: RobotBody): [number, string, string] {
  if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== token) return [93000, 'invalid webhook url', ''];
  if (body.msgtype === 'text') {
    const t = body.text;
    if (!onlyKeys(body, ['msgtype', 'text']) || !t || !onlyKeys(t, ['content', 'mentioned_list', 'mentioned_mobile_list'])) return [40008, 'invalid message type', ''];
    if (!isStr(t.content, 2048)) return [44004, 'empty content or content too long', ''];
    if (!isStrArray(t.mentioned_list) || !isStrArray(t.mentioned_mobile_list)) return [40058, 'invalid mentioned list', ''];
    return [0, 'ok', t.content];
  }
  if (body.msgtype === 'markdown') {
    if (!onlyKeys(body, ['msgtype', 'markdown']) || !body.markdown || !onlyKeys(body.markdown, ['content'])) return [40008, 'invalid message type', ''];
    if (!isStr(body.markdown.content, 4096)) return [44004, 'empty content or content too long', ''];
    return [0, 'ok', body.markdown.content];
  }
  return [40008, 'invalid message type', ''];
}

function checkDingtalk(url: URL, token: string, secret: string | undefined, now: Date, body: RobotBody): [number, string, string] {
  if (url.pathname !== '/robot/send' || url.searchParams.get('access_token') !== token) return [300001, 'token is not exist', ''];
  if (secret) {
    const timestamp = url.searchParams.get('timestamp') ?? '';
    const sign = url.searchParams.get('sign') ?? '';
    if (!/^\d{13}$/.test(timestamp) || Math.abs(now.getTime() - Number(timestamp)) > 3600_000) return [310000, 'invalid timestamp', ''];
    // URLSearchParams has already URL-decoded `sign`; an unencoded "+" in base64 would have turned into a space here.
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    if (sign !== expected) return [310000, 'sign not match, more: [https://open.dingtalk.com/document/robots/customize-robot-security-settings]', ''];
  }
  const at = body.at;
  if (at !== undefined && (typeof at !== 'object' || !isStrArray(at.atMobiles) || (at.isAtAll !== undefined && typeof at.isAtAll !== 'boolean'))) {
    return [40035, 'invalid at', ''];
  }
  if (body.msgtype === 'text' && onlyKeys(body, ['msgtype', 'text', 'at']) && isStr(body.text?.content)) return [0, 'ok', body.text.content];
  if (body.msgtype === 'markdown' && onlyKeys(body, ['msgtype', 'markdown', 'at']) && isStr(body.markdown?.title) && isStr(body.markdown?.text)) {
    return [0, 'ok', `${body.markdown.title}\n${body.markdown.text}`];
  }
  return [40035, '缺少参数 json', ''];
}

function checkFeishu(url: URL, token: string, secret: string | undefined, now: Date, body: RobotBody): [number, string, string] {
  if (url.pathname !== `/open-apis/bot/v2/hook/${token}`) return [19001, 'param invalid: incoming webhook access token invalid', ''];
  if (secret) {
    const timestamp = body.timestamp;
    // Feishu wants seconds, as a string, within an hour of now; the signature keys HMAC with timestamp+"\n"+secret over "".
    const expected = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
    if (typeof timestamp !== 'string' || !/^\d{10}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > 3600 || body.sign !== expected) {
      return [19021, 'sign match fail or timestamp is not within one hour from current time', ''];
    }
  } else if ('sign' in body) {
    return [19021, 'sign match fail or timestamp is not within one hour from current time', ''];
  }
  const extra = ['timestamp', 'sign'];
  if (body.msg_type === 'text' && onlyKeys(body, ['msg_type', 'content', ...extra]) && isStr(body.content?.text)) return [0, 'success', body.content.text];
  if (body.msg_type === 'interactive' && onlyKeys(body, ['msg_type', 'card', ...extra]) && typeof body.card === 'object') {
    const header = body.card?.header?.title?.content;
    const elements = Array.isArray(body.card?.elements) ? body.card.elements : [];
    const md = elements.map((e) => (typeof e?.content === 'string' ? e.content : '')).join('\n');
    if (isStr(header) && isStr(md)) return [0, 'success', `${header}\n${md}`];
  }
  return [19002, 'params error, msg_type need', ''];
}

export async function startRobotReceiver(
  kind: RobotKind,
  options: { now: () => Date; secret?: string; token?: string; perMinute?: number; perSecond?: number },
): Promise<RobotReceiver> {
  const token = options.token ?? `tok${Math.random().toString(36).slice(2, 10)}`;
  const limits = { perMinute: options.perMinute ?? (kind === 'feishu' ? 100 : 20), perSecond: options.perSecond ?? (kind === 'feishu' ? 5 : null) };
  const accepted: Accepted[] = [];
  const answers: string[] = [];
  const hits: number[] = [];
  let tooFast = 0;

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const now = options.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = (code: number, msg: string) => {
      answers.push(`${code} ${msg}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(kind === 'feishu' ? { code, msg, data: {}, ...(code === 0 ? { StatusCode: 0, StatusMessage: 'success' } : {}) } : { errcode: code, errmsg: msg }));
    };
    if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) return answer(kind === 'feishu' ? 9499 : 40035, 'bad request: POST application/json expected');
    let body: RobotBody;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('not an object');
      body = parsed;
    } catch {
      return answer(kind === 'feishu' ? 9499 : 40035, 'invalid json');
    }
    const nowMs = now.getTime();
    hits.push(nowMs);
    const inWindow = (ms: number) => hits.filter((t) => t > nowMs - ms).length;
    if (tooFast > 0 || inWindow(60_000) > limits.perMinute || (limits.perSecond != null && inWindow(1000) > limits.perSecond)) {
      tooFast = Math.max(0, tooFast - 1);
      return answer(TOO_FAST[kind][0], TOO_FAST[kind][1]);
    }
    const [code, msg, text] =
      kind === 'wecom' ? checkWecom(url, token, body) : kind === 'dingtalk' ? checkDingtalk(url, token, options.secret, now, body) : checkFeishu(url, token, options.secret, now, body);
    if (code === 0) accepted.push({ body, text, at: now });
    answer(code, msg);
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const url =
    kind === 'wecom' ? `${base}/cgi-bin/webhook/send?key=${token}` : kind === 'dingtalk' ? `${base}/robot/send?access_token=${token}` : `${base}/open-apis/bot/v2/hook/${token}`;

  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    kind,
    url,
    accepted,
    answers,
    tooFastNext: (n) => {
      tooFast = n;
    },
    down: stop,
    up: () => new Promise<void>((resolve, reject) => server.listen(port, '127.0.0.1', resolve).once('error', reject)),
    close: stop,
  };
}

/** Outgoing-webhook endpoint verifying `X-Actionflow-Signature` over the raw body; `failNext` answers 503. */
export async function startWebhookReceiver(secret: string) {
  const accepted: Array<{ event: string; body: { event?: unknown; id?: unknown; payload?: unknown }; delivery: string; receivedAt: number }> = [];
  const rejected: string[] = [];
  let failing = 0;
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (failing > 0) {
      failing--;
      res.writeHead(503).end('busy');
      return;
    }
    const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    const event = String(req.headers['x-actionflow-event'] ?? '');
    const body = JSON.parse(raw) as { event?: unknown; id?: unknown; payload?: unknown };
    if (req.headers['x-actionflow-signature'] !== expected || !event || body.event !== event) {
      rejected.push(String(req.headers['x-actionflow-signature']));
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
      return;
    }
    accepted.push({ event, body, delivery: String(req.headers['x-actionflow-delivery'] ?? ''), receivedAt: Date.now() });
    res.writeHead(204).end();
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/actionflow`,
    accepted,
    rejected,
    failNext: (n: number) => {
      failing = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** Plain SMTP on 127.0.0.1 (no TLS) with optional AUTH PLAIN/LOGIN checking one user's password. */
export async function startSmtpReceiver(auth?: { user: string; password: string }) {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !auth,
    logger: false,
    onAuth(a, _session, callback) {
      if (auth && a.username === auth.user && a.password === auth.password) return callback(null, { user: a.username });
      const error = new Error('Invalid username or password') as Error & { responseCode: number };
      error.responseCode = 535;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Undoes quoted-printable soft line breaks and escapes, enough to search a received mail's text. */
export function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}
