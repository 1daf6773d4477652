/**
 * The engine's entry point for notifications: `enqueueNotification` and `enqueueWebhook` write in the caller's
 * transaction, so a notification exists exactly when its cause committed. Delivery happens later in the dispatcher
 * job (dispatcher.ts); every external message is one `outbox` row with its own idempotency key.
 */
import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { createHash } from 'node:crypto';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { signWebhook, type WebhookPayload } from '../channels/deliver.js';
import { listEnabledChannels, type LoadedChannel } from '../channels/repo.js';
import { localize, type Locale, type MessagePayload } from '../channels/templates.js';
import { hooksOf } from '../../core/hooks.js';

export type NotifyChannel = 'inapp' | 'wecom' | 'dingtalk' | 'feishu' | 'email' | 'sms';
export const EXTERNAL_KINDS = ['wecom', 'dingtalk', 'feishu', 'email', 'sms'] as const;

export interface NotificationRequest {
  idempotencyKey: string;
  userId: string;
  title: string;
  titleEn?: string;
  body: string;
  bodyEn?: string;
  /** App path like /deals/<id>; channels get it as an absolute URL. */
  link?: string;
  subject?: { type: string; id: string };
  /** Default: inapp + every channel configured for the recipient's team. */
  channels?: NotifyChannel[];
  /**
   * What one firing sent to several people shares, so a group robot posts it once mentioning all of them. Default:
   * the idempotency key without its trailing `:<userId>` (the convention of every caller: `sla:<timer>:<level>:<user>`).
   */
  firingKey?: string;
}

/**
 * Personal app messages (WeCom / DingTalk / Feishu apps, filled by the platforms module): queues the recipient's app
 * message rows through `queue` in the caller's transaction and says whether group robots should leave this person
 * out (the "instead of robots" setting).
 */
export interface PersonalMessages {
  /**
   * Of `userIds`, those this module may message personally at all (bound to an account): one query for a whole
   * batch, so engines that fire thousands of notifications do not ask once per recipient.
   */
  reachable: (db: Queryable, userIds: readonly string[]) => Promise<Set<string>>;
  queue: (
    db: Queryable,
    now: string,
    req: NotificationRequest,
    user: { id: string; display_name: string },
    queue: (row: { key: string; kind: string; recipient: string; payload: unknown }) => Promise<boolean>,
  ) => Promise<{ suppressRobots: boolean }>;
}
declare module '../../core/hooks.js' {
  interface HookMap {
    'notifications.personal': PersonalMessages;
  }
}

/** The firing a per-recipient request belongs to (see NotificationRequest.firingKey). */
export function firingKeyOf(req: Pick<NotificationRequest, 'idempotencyKey' | 'userId' | 'firingKey'>): string {
  if (req.firingKey) return req.firingKey;
  const suffix = `:${req.userId}`;
  return req.idempotencyKey.endsWith(suffix) ? req.idempotencyKey.slice(0, -suffix.length) : req.idempotencyKey;
}

export const contentHash = (payload: MessagePayload) =>
  createHash('sha256').update(JSON.stringify([payload.locale, payload.title, payload.body, payload.link, payload.subject])).digest('hex').slice(0, 16);

const inserted = (result: { numInsertedOrUpdatedRows?: bigint }) => Number(result.numInsertedOrUpdatedRows ?? 0) > 0;

/**
 * Per kind, the channel serving `teamPath`: the one bound to the nearest team up the tree, else a company-wide one
 * (team null). Robots belong to a team; its sub-teams use it unless they have their own.
 */
export function channelsForTeam(channels: LoadedChannel[], teamPath: string): Map<string, LoadedChannel> {
  const best = new Map<string, LoadedChannel>();
  for (const c of channels) {
    if (c.teamId && !(c.teamPath && teamPath.startsWith(c.teamPath))) continue;
    const current = best.get(c.kind);
    const depth = (x: LoadedChannel) => x.teamPath?.length ?? 0;
    if (!current || depth(c) > depth(current) || (depth(c) === depth(current) && c.createdAt < current.createdAt)) best.set(c.kind, c);
  }
  return best;
}

/** Idempotent on `idempotencyKey`: a second call with the same key creates nothing, even if channels changed since. */
/** The recipient's columns both enqueue paths read. */
export type NotifiedUser = { id: string; display_name: string; team_path: string; email: string | null; phone: string | null; active: number };

/** The in-app inbox row of a request. */
export function inboxRow(req: NotificationRequest, now: string) {
  return {
    id: newId(),
    user_id: req.userId,
    title: req.title,
    title_en: req.titleEn ?? null,
    body: req.body,
    body_en: req.bodyEn ?? null,
    link: req.link ?? null,
    subject_type: req.subject?.type ?? null,
    subject_id: req.subject?.id ?? null,
    read_at: null,
    created_at: now,
    idempotency_key: req.idempotencyKey,
  };
}

/** One outside delivery of a request: a mention on a group robot's message of the firing, or a personal e-mail/SMS row. */
export type Delivery =
  | { to: 'robot'; channel: LoadedChannel; firing: string; payload: MessagePayload; person: { userId: string; name: string; mobile: string | null } }
  | { to: 'person'; row: { key: string; channelId: string; kind: string; recipient: string; payload: MessagePayload } };

/**
 * The recipient expansion both enqueue paths share: per outside channel kind serving the user's team that the request
 * wants, in the channel's locale; robots skipped when the person gets app messages instead, e-mail/SMS only to a user
 * with an address.
 */
export function deliveriesOf(req: NotificationRequest, user: NotifiedUser, serving: Map<string, LoadedChannel>, suppressRobots: boolean): Delivery[] {
  const wants = (kind: NotifyChannel) => !req.channels || req.channels.includes(kind);
  const out: Delivery[] = [];
  for (const kind of EXTERNAL_KINDS) {
    const channel = serving.get(kind);
    if (!channel || !wants(kind)) continue;
    const robot = (ROBOT_KINDS as readonly string[]).includes(kind);
    if (suppressRobots && robot) continue;
    const locale: Locale = channel.settings.locale === 'en' ? 'en' : 'zh-CN';
    const payload: MessagePayload = { locale, ...localize(req, locale), link: req.link ?? null, subject: req.subject ?? null };
    if (robot) {
      out.push({ to: 'robot', channel, firing: firingKeyOf(req), payload, person: { userId: user.id, name: user.display_name, mobile: user.phone } });
      continue;
    }
    const recipient = kind === 'email' ? user.email : user.phone;
    if (recipient) out.push({ to: 'person', row: { key: `${req.idempotencyKey}#${kind}:${channel.id}`, channelId: channel.id, kind, recipient, payload } });
  }
  return out;
}

export async function enqueueNotification(db: Queryable, clock: Clock, req: NotificationRequest): Promise<{ created: boolean }> {
  const now = clock.now().toISOString();
  const first = await db
    .insertInto('notification_requests')
    .values({ idempotency_key: req.idempotencyKey, created_at: now })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  if (!inserted(first)) return { created: false };

  const user = await db.selectFrom('users').select(['id', 'display_name', 'team_path', 'email', 'phone', 'active']).where('id', '=', req.userId).executeTakeFirst();
  if (!user) throw new Error(`enqueueNotification: no user ${req.userId}`);
  if (!req.channels || req.channels.includes('inapp')) await db.insertInto('notifications').values(inboxRow(req, now)).execute();
  // Deactivated users keep their inbox but are not messaged outside the app.
  if (user.active !== 1) return { created: true };

  let suppressRobots = false;
  for (const personal of hooksOf('notifications.personal')) {
    const queued = await personal.queue(db, now, req, user, (row) => insertOutbox(db, now, { ...row, channelId: null }));
    suppressRobots ||= queued.suppressRobots;
  }
  const serving = channelsForTeam(await listEnabledChannels(db), user.team_path);
  for (const d of deliveriesOf(req, user, serving, suppressRobots)) {
    if (d.to === 'robot') await enqueueRobotMention(db, now, d.channel, d.firing, d.payload, d.person);
    else await insertOutbox(db, now, d.row);
  }
  return { created: true };
}

/**
 * A group robot gets one message per firing and text, naming every recipient: the first recipient's request queues
 * the row, later ones of the same firing add their mention to it while it is still waiting. Once a row has been
 * claimed or sent, the group has seen the text; a late recipient is not worth a second identical post.
 */
export async function enqueueRobotMention(
  db: Queryable,
  now: string,
  channel: LoadedChannel,
  firing: string,
  payload: MessagePayload,
  person: { userId: string; name: string; mobile: string | null },
): Promise<void> {
  const key = `${firing}#${channel.kind}:${channel.id}:${contentHash(payload)}`;
  const mention = { name: person.name, mobile: person.mobile };
  if (await insertOutbox(db, now, { key, channelId: channel.id, kind: channel.kind, recipient: person.userId, payload: { ...payload, mentions: [mention] } })) return;
  const row = await db.selectFrom('outbox').select(['id', 'payload', 'status', 'claimed_by']).where('idempotency_key', '=', key).executeTakeFirst();
  if (!row || row.status !== 'pending' || row.claimed_by) return;
  const stored = parseJson<MessagePayload>(row.payload, payload);
  const mentions = stored.mentions ?? [];
  if (mentions.some((m) => m.name === mention.name && m.mobile === mention.mobile)) return;
  await db.updateTable('outbox').set({ payload: toJson({ ...stored, mentions: [...mentions, mention] }) }).where('id', '=', row.id).where('status', '=', 'pending').execute();
}

export interface SmsToPhoneRequest {
  idempotencyKey: string;
  /** The SMS channel serving this team (nearest up the tree, else company-wide) sends it. */
  teamPath: string;
  phone: string;
  template: string;
  params: Record<string, string>;
  /** The rendered text, for the outbox and dead-letter lists. */
  text: string;
  subject?: { type: string; id: string };
}

/**
 * An SMS to a phone that is not a user's (a customer's confirmation), with its own template and named parameters.
 * Idempotent on the key; `queued` is false when no SMS channel serves the team.
 */
export async function enqueueSms(db: Queryable, clock: Clock, req: SmsToPhoneRequest): Promise<{ queued: boolean; channelId: string | null }> {
  const channel = channelsForTeam(await listEnabledChannels(db), req.teamPath).get('sms');
  if (!channel) return { queued: false, channelId: null };
  const payload: MessagePayload = {
    locale: channel.settings.locale === 'en' ? 'en' : 'zh-CN',
    title: req.text,
    body: req.text,
    link: null,
    subject: req.subject ?? null,
    sms: { template: req.template, params: req.params },
  };
  await insertOutbox(db, clock.now().toISOString(), { key: `sms#${req.idempotencyKey}`, channelId: channel.id, kind: 'sms', recipient: req.phone, payload });
  return { queued: true, channelId: channel.id };
}

export interface WebhookRequest {
  idempotencyKey: string;
  url: string;
  secret: string;
  event: string;
  payload: unknown;
}

/**
 * An outgoing webhook, delivered as POST JSON `{event, id, occurredAt, payload}` with headers
 * `X-Actionflow-Event` and `X-Actionflow-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`.
 */
export async function enqueueWebhook(db: Queryable, clock: Clock, req: WebhookRequest): Promise<{ created: boolean }> {
  if (!/^https?:\/\//i.test(req.url)) throw new Error(`enqueueWebhook: url must be http(s): ${req.url}`);
  const now = clock.now().toISOString();
  const body = JSON.stringify({ event: req.event, id: req.idempotencyKey, occurredAt: now, payload: req.payload ?? null });
  const payload: WebhookPayload = { url: req.url, event: req.event, body, signature: signWebhook(req.secret, body) };
  const created = await insertOutbox(db, now, { key: `webhook#${req.idempotencyKey}`, channelId: null, kind: 'webhook', recipient: req.url, payload });
  return { created };
}

async function insertOutbox(
  db: Queryable,
  now: string,
  row: { key: string; channelId: string | null; kind: string; recipient: string; payload: unknown },
): Promise<boolean> {
  const result = await db
    .insertInto('outbox')
    .values({
      id: newId(),
      idempotency_key: row.key,
      channel_id: row.channelId,
      kind: row.kind,
      recipient: row.recipient,
      payload: toJson(row.payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      claimed_by: null,
      claimed_until: null,
      created_at: now,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return inserted(result);
}

export const ROBOT_KINDS = ['wecom', 'dingtalk', 'feishu'] as const;

export interface RobotMessageRequest {
  idempotencyKey: string;
  /** The robots serving this team (nearest up the tree per kind, else company-wide), unless `channelIds` names them. */
  teamPath: string;
  channelIds?: string[] | null;
  title: string;
  titleEn?: string;
  /** Markdown; robots set to plain text get it as is. */
  body: string;
  bodyEn?: string;
  link?: string;
}

/** The robots a team message goes to: the named ones, else per kind the one serving the team (see channelsForTeam). */
export function robotTargets(enabled: LoadedChannel[], teamPath: string, channelIds?: string[] | null): LoadedChannel[] {
  const isRobot = (c: LoadedChannel) => (ROBOT_KINDS as readonly string[]).includes(c.kind);
  if (channelIds) return enabled.filter((c) => c.enabled && isRobot(c) && channelIds.includes(c.id));
  const serving = channelsForTeam(enabled.filter((c) => c.enabled), teamPath);
  return ROBOT_KINDS.map((kind) => serving.get(kind)).filter((c): c is LoadedChannel => !!c);
}

/**
 * A message to group robots themselves (a team's daily digest), not to a person: one outbox row per robot, in the
 * robot's language. Idempotent per (key, robot). Returns the robots it was queued to; disabled ones are skipped.
 */
export async function enqueueRobotMessage(db: Queryable, clock: Clock, req: RobotMessageRequest): Promise<LoadedChannel[]> {
  const robots = robotTargets(await listEnabledChannels(db), req.teamPath, req.channelIds);
  const now = clock.now().toISOString();
  for (const channel of robots) {
    const locale: Locale = channel.settings.locale === 'en' ? 'en' : 'zh-CN';
    const payload: MessagePayload = { locale, ...localize(req, locale), link: req.link ?? null, subject: null };
    await insertOutbox(db, now, { key: `${req.idempotencyKey}#${channel.kind}:${channel.id}`, channelId: channel.id, kind: channel.kind, recipient: req.teamPath, payload });
  }
  return robots;
}
