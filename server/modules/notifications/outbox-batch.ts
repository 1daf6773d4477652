/**
 * `enqueueNotifications`: many `enqueueNotification` calls in a fixed number of statements, for engines that fire in
 * batches (SLA ladders). Same rows as calling `enqueueNotification` once per request in order — same idempotency
 * keys, inbox entries, e-mail/SMS rows and one group-robot row per firing with every recipient mentioned — but one
 * insert per table for the whole batch instead of five to ten statements per request.
 */
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { hooksOf } from '../../core/hooks.js';
import { listEnabledChannels } from '../channels/repo.js';
import type { MessagePayload } from '../channels/templates.js';
import { channelsForTeam, contentHash, deliveriesOf, enqueueRobotMention, inboxRow, type NotificationRequest } from './outbox.js';

/** Rows per multi-row insert: well inside SQLite's and PostgreSQL's bound-parameter limits at 14 columns. */
const ROWS_PER_INSERT = 500;

async function inChunks<T>(rows: T[], run: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await run(rows.slice(i, i + ROWS_PER_INSERT));
}

type OutboxRow = { key: string; channelId: string | null; kind: string; recipient: string; payload: MessagePayload };

/** Inserts outbox rows, skipping keys that exist; returns the keys it inserted. */
async function insertOutboxRows(db: Queryable, now: string, rows: OutboxRow[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  await inChunks(rows, async (chunk) => {
    const result = await db
      .insertInto('outbox')
      .values(
        chunk.map((r) => ({
          id: newId(),
          idempotency_key: r.key,
          channel_id: r.channelId,
          kind: r.kind,
          recipient: r.recipient,
          payload: toJson(r.payload),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          last_error: null,
          claimed_by: null,
          claimed_until: null,
          created_at: now,
          sent_at: null,
        })),
      )
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('idempotency_key')
      .execute();
    for (const r of result) inserted.add(r.idempotency_key);
  });
  return inserted;
}

/** Enqueues every request whose idempotency key is new; returns the keys created, in request order. */
export async function enqueueNotifications(db: Queryable, clock: Clock, requests: readonly NotificationRequest[]): Promise<string[]> {
  const now = clock.now().toISOString();
  // A key repeated within the batch counts once, as the second sequential call would find it taken.
  const seen = new Set<string>();
  const unique = requests.filter((r) => !seen.has(r.idempotencyKey) && !!seen.add(r.idempotencyKey));
  const taken = new Set<string>();
  await inChunks(unique, async (chunk) => {
    const rows = await db
      .insertInto('notification_requests')
      .values(chunk.map((r) => ({ idempotency_key: r.idempotencyKey, created_at: now })))
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('idempotency_key')
      .execute();
    for (const r of rows) taken.add(r.idempotency_key);
  });
  const created = unique.filter((r) => taken.has(r.idempotencyKey));
  if (created.length === 0) return [];

  const userIds = [...new Set(created.map((r) => r.userId))];
  const users = new Map((await db.selectFrom('users').select(['id', 'display_name', 'team_path', 'email', 'phone', 'active']).where('id', 'in', userIds).execute()).map((u) => [u.id, u]));
  for (const id of userIds) if (!users.has(id)) throw new Error(`enqueueNotifications: no user ${id}`);
  const inbox = created.filter((r) => !r.channels || r.channels.includes('inapp'));
  await inChunks(inbox, async (chunk) => {
    await db.insertInto('notifications').values(chunk.map((req) => inboxRow(req, now))).execute();
  });

  // Deactivated users keep their inbox but are not messaged outside the app.
  const outside = created.filter((r) => users.get(r.userId)!.active === 1);
  if (outside.length === 0) return created.map((r) => r.idempotencyKey);
  // Personal app messages (platforms module), row by row like the single path, but only for the recipients bound to
  // an account (asked once per batch): a sweep of thousands of firings would otherwise pay a query per request.
  const robotsLeftOut = new Set<string>();
  const outsideUsers = [...new Set(outside.map((r) => r.userId))];
  for (const personal of hooksOf('notifications.personal')) {
    const reachable = await personal.reachable(db, outsideUsers);
    for (const req of outside) {
      if (!reachable.has(req.userId)) continue;
      const queued = await personal.queue(db, now, req, users.get(req.userId)!, async (row) => (await insertOutboxRows(db, now, [{ ...row, channelId: null, payload: row.payload as MessagePayload }])).size > 0);
      if (queued.suppressRobots) robotsLeftOut.add(req.idempotencyKey);
    }
  }
  const enabled = await listEnabledChannels(db);
  if (enabled.length === 0) return created.map((r) => r.idempotencyKey);

  // A group robot's row per firing, text and robot collects its recipients' mentions in request order.
  const robots = new Map<string, OutboxRow & { mentions: Array<{ person: { userId: string; name: string; mobile: string | null }; firing: string }> }>();
  const personal: OutboxRow[] = [];
  for (const req of outside) {
    const user = users.get(req.userId)!;
    for (const d of deliveriesOf(req, user, channelsForTeam(enabled, user.team_path), robotsLeftOut.has(req.idempotencyKey))) {
      if (d.to === 'person') {
        personal.push(d.row);
        continue;
      }
      const { channel, firing, payload, person } = d;
      const key = `${firing}#${channel.kind}:${channel.id}:${contentHash(payload)}`;
      const row = robots.get(key);
      if (row) row.mentions.push({ person, firing });
      else robots.set(key, { key, channelId: channel.id, kind: channel.kind, recipient: user.id, payload, mentions: [{ person, firing }] });
    }
  }
  const robotRows = [...robots.values()];
  const mention = (m: { person: { name: string; mobile: string | null } }) => ({ name: m.person.name, mobile: m.person.mobile });
  const fresh = await insertOutboxRows(
    db,
    now,
    robotRows.map((r) => ({ ...r, payload: { ...r.payload, mentions: r.mentions.map(mention).filter((m, i, all) => all.findIndex((x) => x.name === m.name && x.mobile === m.mobile) === i) } })),
  );
  // A row queued before this batch (same firing and text): add the mentions one by one, as the single path does.
  for (const row of robotRows.filter((r) => !fresh.has(r.key))) {
    const channel = enabled.find((c) => c.id === row.channelId)!;
    for (const m of row.mentions) await enqueueRobotMention(db, now, channel, m.firing, row.payload, m.person);
  }
  await insertOutboxRows(db, now, personal);
  return created.map((r) => r.idempotencyKey);
}
