/**
 * Sends one message through one channel and reports the channel's answer. The only seam for tests is `fetch` at the
 * HTTP boundary: robots and webhooks get real HTTP requests (tests point the URLs at local receivers), e-mail goes
 * to a real SMTP server, SMS through its provider.
 */
import { createHmac } from 'node:crypto';
import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { emailMessage, robotMessage, smsMessage, type MessagePayload } from './templates.js';
import { sendMail } from './email.js';
import { outboundRefusal } from './outbound.js';
import type { LoadedChannel } from './repo.js';
import { buildRobotRequest, judgeRobotResponse, type RobotKind } from './robots.js';
import { smsProviderFor } from './sms/provider.js';

export interface DeliveryResult {
  ok: boolean;
  /** Worth another attempt later; false = dead letter. */
  retryable: boolean;
  /** "Too fast": back off without counting towards the dead-letter limit. */
  throttled?: boolean;
  error?: string;
  /** HTTP status and parsed answer of a robot/webhook, or the SMTP server's reply. */
  status?: number;
  response?: unknown;
}

export interface DeliverOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Private targets that may be reached anyway (config.outboundAllow); everything else private is refused. */
  outboundAllow?: readonly string[];
}

class OutboundRefused extends Error {}

export interface DeliverContext extends DeliverOptions {
  db: Queryable;
  clock: Clock;
  publicUrl: string;
}

async function post(ctx: DeliverOptions, url: string, body: string, headers: Record<string, string>) {
  const refused = await outboundRefusal(url, ctx.outboundAllow ?? []);
  if (refused) throw new OutboundRefused(refused);
  const res = await (ctx.fetch ?? fetch)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body,
    signal: AbortSignal.timeout(ctx.timeoutMs ?? 10_000),
  });
  const raw = await res.text();
  let parsed: unknown = raw;
  try {
    parsed = raw ? JSON.parse(raw) : null;
  } catch {
    // Not JSON (a proxy's error page): keep the text for the dead-letter list.
  }
  return { status: res.status, body: parsed };
}

/** fetch hides the socket error (ECONNREFUSED, timeout) in `cause`; the dead-letter list should show it. */
function networkFailure(error: unknown): DeliveryResult {
  if (error instanceof OutboundRefused) return { ok: false, retryable: false, error: `refused: ${error.message}` };
  const e = error as Error & { cause?: Error & { code?: string; errors?: Array<{ code?: string }> } };
  const cause = e.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code ?? e.name;
  return { ok: false, retryable: true, error: `network: ${code}: ${cause?.message || e.message}` };
}

/** Robot, e-mail or SMS message to `recipient` (user id for robots, address for e-mail, phone for SMS). */
export async function deliverMessage(ctx: DeliverContext, channel: LoadedChannel, recipient: string, payload: MessagePayload): Promise<DeliveryResult> {
  if (channel.secretsError) return { ok: false, retryable: false, error: `channel ${channel.name}: secrets unreadable: ${channel.secretsError}` };
  switch (channel.kind) {
    case 'wecom':
    case 'dingtalk':
    case 'feishu': {
      const webhookUrl = channel.secrets.webhookUrl;
      // Writes require the URL; a row without one is a configuration fault, not worth retrying.
      if (!webhookUrl) return { ok: false, retryable: false, error: `channel ${channel.name} has no webhook URL` };
      const message = robotMessage(payload, ctx.publicUrl, channel.settings.format ?? 'markdown', channel.settings.mentionByMobile !== false);
      const request = buildRobotRequest({ kind: channel.kind, webhookUrl, secret: channel.secrets.secret }, message, ctx.clock.now());
      try {
        const res = await post(ctx, request.url, JSON.stringify(request.body), {});
        return { ...judgeRobotResponse(channel.kind as RobotKind, res.status, res.body), status: res.status, response: res.body };
      } catch (error) {
        return networkFailure(error);
      }
    }
    case 'email': {
      const result = await sendMail(channel, { to: recipient, ...emailMessage(payload, ctx.publicUrl) }, ctx.timeoutMs);
      return { ok: result.ok, retryable: result.retryable, error: result.error, response: result.response };
    }
    case 'sms': {
      const sms = smsMessage(payload, ctx.publicUrl, channel.settings.templateCode ?? 'ACTIONFLOW_NOTIFY');
      try {
        const result = await smsProviderFor(ctx.db, ctx.clock, channel, (url, body, headers) => post(ctx, url, body, headers)).send({ phone: recipient, ...sms });
        return { ok: result.ok, retryable: result.retryable, error: result.error, response: result.id ? { id: result.id } : undefined };
      } catch (error) {
        return networkFailure(error);
      }
    }
  }
}

/** Outgoing webhook as stored in the outbox: the body is signed once at enqueue time, so the secret is not stored. */
export interface WebhookPayload {
  url: string;
  event: string;
  body: string;
  signature: string;
}

export function signWebhook(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export async function deliverWebhook(ctx: DeliverOptions, payload: WebhookPayload, idempotencyKey: string): Promise<DeliveryResult> {
  try {
    const res = await post(ctx, payload.url, payload.body, {
      'x-actionflow-event': payload.event,
      'x-actionflow-signature': payload.signature,
      'x-actionflow-delivery': idempotencyKey,
    });
    if (res.status >= 200 && res.status < 300) return { ok: true, retryable: false, status: res.status, response: res.body };
    const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
    return { ok: false, retryable, throttled: res.status === 429, status: res.status, response: res.body, error: `HTTP ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}` };
  } catch (error) {
    return networkFailure(error);
  }
}
