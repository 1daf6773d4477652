/**
 * Personal work notifications through the platform apps. `queuePersonal` fills the notifications module's
 * `notifications.personal` hook: for each connection the recipient is bound to, one outbox row (kind
 * `<platform>_app`, recipient `<connection>:<member id>`) in the notification's own transaction, so it goes out
 * exactly when its cause committed, once (the outbox key), with the dispatcher's retries and dead letters.
 * Approval requests and work-order assignments become interactive cards (a `platform_cards` row per card).
 *
 * Which notifications: the connection's `notify.mode` (off | also | instead of the group robots) and `notify.kinds`
 * (empty: all), overridden per user by their preference (default | off | also | instead).
 */
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import type { Queryable } from '../../db/index.js';
import { parseJson } from '../../core/json.js';
import type { DeliveryResult } from '../channels/deliver.js';
import { nextFreeSlot } from '../channels/limits.js';
import type { OutboxRow } from '../notifications/dispatcher.js';
import type { PersonalMessages } from '../notifications/outbox.js';
import { localize } from '../channels/templates.js';
import { APIS } from './protocol/index.js';
import { PlatformError, type ApiCtx } from './protocol/http.js';
import * as repo from './repo.js';
import type { AppMessage, LoadedConnection, Platform } from './types.js';

/** Notification kinds as admins name them in `notify.kinds`, from the callers' idempotency-key prefixes. */
const KIND_OF_PREFIX: Record<string, string> = {
  sla: 'sla',
  'appointment-noshow': 'no_show',
  approval: 'approval',
  wo: 'work_order',
  'wo-esc': 'work_order',
  rule: 'rule',
  import: 'import',
  'retention-plan': 'health',
  risk: 'risk',
  receivable: 'receivable',
};

export function notificationKind(idempotencyKey: string): string {
  const prefix = idempotencyKey.split(/[:#]/)[0];
  return KIND_OF_PREFIX[prefix] ?? prefix;
}

/** The documented per-member limits: WeCom 30 messages/min to one member; Feishu 5/s to one user; DingTalk none per minute. */
export const MEMBER_LIMITS: Record<Platform, { perSecond: number | null; perMinute: number | null }> = {
  wecom: { perSecond: null, perMinute: 30 },
  dingtalk: { perSecond: null, perMinute: null },
  feishu: { perSecond: 5, perMinute: null },
};

export const APP_KINDS = ['wecom_app', 'dingtalk_app', 'feishu_app'] as const;

export interface AppPayload {
  title: string;
  body: string;
  link: string | null;
  buttons?: AppMessage['buttons'];
  cardId?: string;
}

/** Cards with buttons: an approval step waiting for this person, a work order assigned to them. */
function cardFor(key: string, subject: { type: string; id: string } | undefined): { buttons: NonNullable<AppMessage['buttons']> } | null {
  if (!subject) return null;
  if (subject.type === 'approval' && /^approval:[^:]+:[^:]+:(assigned|escalated):/.test(key)) {
    return { buttons: [{ text: '同意 Approve', key: 'approve', primary: true }, { text: '驳回 Reject', key: 'reject' }] };
  }
  if (subject.type === 'work_order' && /^wo:[^:]+:(assigned|created):/.test(key)) {
    // Accept takes the order; respond takes it and answers the requester with the card's comment.
    return { buttons: [{ text: '接单 Accept', key: 'accept', primary: true }, { text: '回复 Respond', key: 'respond' }] };
  }
  return null;
}

/** Users bound to a platform account (the batch path asks this once before queueing per request). */
async function reachable(db: Queryable, userIds: readonly string[]): Promise<Set<string>> {
  const linked = new Set<string>();
  for (let i = 0; i < userIds.length; i += 500) for (const id of await repo.linkedUserIds(db, userIds.slice(i, i + 500))) linked.add(id);
  return linked;
}

const queue: PersonalMessages['queue'] = async (db, now, req, user, queue) => {
  const links = await repo.userLinks(db, user.id);
  if (!links.length) return { suppressRobots: false };
  const pref = await repo.userPref(db, user.id);
  if (pref === 'off') return { suppressRobots: false };
  const kind = notificationKind(req.idempotencyKey);
  let suppressRobots = false;
  for (const link of links) {
    const conn = await repo.findConnection(db, link.connection_id);
    const setting = conn?.settings.notify;
    if (!conn || !conn.enabled || !setting || setting.mode === 'off') continue;
    if (setting.kinds?.length && !setting.kinds.includes(kind)) continue;
    // A caller that names its channels (an SLA level "wecom only") gets the app of that platform too.
    if (req.channels && !req.channels.includes(conn.platform)) continue;
    const mode = pref === 'also' || pref === 'instead' ? pref : setting.mode;
    const texts = localize(req, 'zh-CN');
    const card = cardFor(req.idempotencyKey, req.subject);
    const cardId = card ? newId() : undefined;
    const payload: AppPayload = { title: texts.title, body: texts.body, link: req.link ?? null, ...(card ? { buttons: card.buttons, cardId } : {}) };
    const queued = await queue({ key: `${req.idempotencyKey}#app:${conn.id}`, kind: `${conn.platform}_app`, recipient: `${conn.id}:${link.external_id}`, payload });
    if (queued && card && cardId && req.subject) {
      await repo.insertCard(db, { id: cardId, connection_id: conn.id, subject_type: req.subject.type, subject_id: req.subject.id, user_id: user.id, external_user_id: link.external_id, ref: null, status: 'open', outcome: null, created_at: now, updated_at: now });
    }
    if (mode === 'instead') suppressRobots = true;
  }
  return { suppressRobots };
};

export const personalMessages: PersonalMessages = { reachable, queue };

export function apiCtx(deps: Pick<Deps, 'db' | 'clock' | 'config'>, conn: LoadedConnection, fetchImpl?: typeof fetch): ApiCtx {
  return { conn, db: deps.db, clock: deps.clock, outboundAllow: deps.config.outboundAllow, fetch: fetchImpl, publicUrl: deps.config.publicUrl };
}

export const absolute = (publicUrl: string, link: string | null) => (link ? (/^https?:/.test(link) ? link : `${publicUrl}${link}`) : `${publicUrl}/`);

/** What a PlatformError means for the outbox row: token and config faults end it, limits wait, the rest retries. */
export function deliveryFailure(error: unknown): DeliveryResult {
  if (!(error instanceof PlatformError)) return { ok: false, retryable: true, error: `internal: ${(error as Error).message}` };
  const response = error.response;
  if (error.kind === 'throttled') return { ok: false, retryable: true, throttled: true, error: error.message, response };
  if (error.kind === 'transient') return { ok: false, retryable: true, error: error.message, response };
  // A token still refused after a fresh one was fetched is a configuration fault too.
  return { ok: false, retryable: false, error: error.message, response };
}

/** The dispatcher's delivery of one `<platform>_app` row (the `notifications.appDelivery` hook). */
export async function deliverAppRow(deps: Deps, row: OutboxRow, options: { fetch?: typeof fetch }): Promise<DeliveryResult | { deferUntil: Date }> {
  const split = row.recipient.indexOf(':');
  const connectionId = row.recipient.slice(0, split);
  const externalId = row.recipient.slice(split + 1);
  const conn = await repo.findConnection(deps.db, connectionId);
  if (!conn) return { ok: false, retryable: false, error: 'platform connection deleted' };
  if (!conn.enabled) return { ok: false, retryable: false, error: `platform connection "${conn.name}" is disabled` };
  if (conn.secretsError) return { ok: false, retryable: false, error: `platform connection ${conn.name}: secrets unreadable: ${conn.secretsError}` };
  const documented = MEMBER_LIMITS[conn.platform];
  const perMinute = conn.settings.ratePerMinute ? Math.min(conn.settings.ratePerMinute, documented.perMinute ?? Infinity) : documented.perMinute;
  const nowMs = deps.clock.now().getTime();
  const wait = await repo.reserveSendSlot(deps.db, deps.dialect, conn.id, row.recipient, nowMs, (recent) => nextFreeSlot(recent, nowMs, { perSecond: documented.perSecond, perMinute }));
  if (wait !== null) return { deferUntil: new Date(wait) };
  const payload = parseJson<AppPayload>(row.payload, { title: '', body: '', link: null });
  const message: AppMessage = { title: payload.title, body: payload.body, url: absolute(deps.config.publicUrl, payload.link), buttons: payload.buttons, cardId: payload.cardId };
  try {
    const sent = await APIS[conn.platform].send(apiCtx(deps, conn, options.fetch), externalId, message);
    if (payload.cardId && sent.ref) await repo.updateCard(deps.db, payload.cardId, { ref: sent.ref, updated_at: deps.clock.now().toISOString() });
    return { ok: true, retryable: false, response: sent };
  } catch (error) {
    return deliveryFailure(error);
  }
}
