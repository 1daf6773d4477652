/**
 * Delivers due outbox rows. Claiming is one statement: on PostgreSQL
 * `UPDATE outbox SET claimed_by, claimed_until WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING *`, so several
 * processes never hold the same row; SQLite is single-process and runs the same statement without the lock clause.
 * A claim is a lease: if a process dies mid-send, the row becomes due again when the lease ends (at-least-once in
 * that crash window only; every other path is exactly-once). Rows of one channel go out in order, channels in
 * parallel. A robot's rate limit defers a row (no attempt counted); failures back off exponentially; configuration
 * errors (sign mismatch, invalid key) and exhausted attempts end in the dead-letter list.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Deps } from '../../core/http.js';
import type { OutboxTable } from '../../db/schema.js';
import { parseJson } from '../../core/json.js';
import { deliverMessage, deliverWebhook, type DeliveryResult, type WebhookPayload } from '../channels/deliver.js';
import { findChannel, reserveSlot } from '../channels/repo.js';
import { backoffMs } from './backoff.js';
import { hooksOf } from '../../core/hooks.js';
import type { MessagePayload } from '../channels/templates.js';

export type OutboxRow = Selectable<OutboxTable>;

export interface DispatcherOptions {
  /** Identifies this process's claims; default host:pid:random. */
  workerId?: string;
  batch?: number;
  leaseMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** HTTP boundary (tests may wrap it to count requests); default the global fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export const DEFAULTS = { batch: 50, leaseMs: 120_000, maxAttempts: 10, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 };

export const defaultWorkerId = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export async function claimDue(deps: Deps, workerId: string, batch: number, leaseMs: number): Promise<OutboxRow[]> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  let due = deps.db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', nowIso)]))
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .limit(batch);
  if (deps.dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await deps.db
    .updateTable('outbox')
    .set({ claimed_by: workerId, claimed_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
}

/**
 * Delivers an outbox row of a kind the channels module does not know (personal app messages, filled by the platforms
 * module); `deferUntil` asks to wait for a rate-limit slot without counting an attempt.
 */
export type AppDelivery = (deps: Deps, row: OutboxRow, options: DispatcherOptions) => Promise<DeliveryResult | { deferUntil: Date }>;
declare module '../../core/hooks.js' {
  interface HookMap {
    'notifications.appDelivery': { kinds: readonly string[]; deliver: AppDelivery };
  }
}

type Outcome = { kind: 'sent' } | { kind: 'deferred'; until: Date } | { kind: 'failed'; result: DeliveryResult };

async function attempt(deps: Deps, row: OutboxRow, options: DispatcherOptions): Promise<Outcome> {
  if (row.kind === 'webhook') {
    const result = await deliverWebhook({ ...options, outboundAllow: deps.config.outboundAllow }, parseJson<WebhookPayload>(row.payload, {} as WebhookPayload), row.idempotency_key);
    return result.ok ? { kind: 'sent' } : { kind: 'failed', result };
  }
  const app = hooksOf('notifications.appDelivery').find((h) => h.kinds.includes(row.kind));
  if (app) {
    const result = await app.deliver(deps, row, options);
    if ('deferUntil' in result) return { kind: 'deferred', until: result.deferUntil };
    return result.ok ? { kind: 'sent' } : { kind: 'failed', result };
  }
  const channel = row.channel_id ? await findChannel(deps.db, row.channel_id) : null;
  if (!channel) return { kind: 'failed', result: { ok: false, retryable: false, error: 'channel deleted' } };
  if (!channel.enabled) return { kind: 'failed', result: { ok: false, retryable: false, error: `channel "${channel.name}" is disabled` } };
  const slot = await reserveSlot(deps.db, deps.dialect, deps.clock, channel);
  if (!slot.ok) return { kind: 'deferred', until: slot.waitUntil };
  const result = await deliverMessage(
    { db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl, fetch: options.fetch, timeoutMs: options.timeoutMs, outboundAllow: deps.config.outboundAllow },
    channel,
    row.recipient,
    parseJson<MessagePayload>(row.payload, {} as MessagePayload),
  );
  return result.ok ? { kind: 'sent' } : { kind: 'failed', result };
}

async function settle(deps: Deps, row: OutboxRow, workerId: string, outcome: Outcome, options: DispatcherOptions): Promise<void> {
  const now = deps.clock.now();
  const release = { claimed_by: null, claimed_until: null };
  let patch: Partial<OutboxRow>;
  if (outcome.kind === 'sent') {
    patch = { ...release, status: 'sent', sent_at: now.toISOString(), attempts: row.attempts + 1, last_error: null };
  } else if (outcome.kind === 'deferred') {
    patch = { ...release, next_attempt_at: outcome.until.toISOString() };
  } else {
    const attempts = row.attempts + 1;
    const { result } = outcome;
    const max = options.maxAttempts ?? DEFAULTS.maxAttempts;
    // "Too fast" is the robot asking us to wait, not a broken message: it never exhausts the attempts.
    const dead = !result.retryable || (!result.throttled && attempts >= max);
    const delay = backoffMs(attempts, options.baseDelayMs ?? DEFAULTS.baseDelayMs, options.maxDelayMs ?? DEFAULTS.maxDelayMs);
    patch = {
      ...release,
      attempts,
      last_error: (result.error ?? 'failed').slice(0, 2000),
      ...(dead ? { status: 'dead' } : { next_attempt_at: new Date(now.getTime() + delay).toISOString() }),
    };
  }
  // Only the holder of the claim settles it: a row whose lease expired and was re-claimed is left to its new holder.
  await deps.db.updateTable('outbox').set(patch).where('id', '=', row.id).where('claimed_by', '=', workerId).execute();
}

/** One dispatcher pass: claim a batch of due rows and settle each. Returns how many rows were claimed. */
export async function dispatchDue(deps: Deps, options: DispatcherOptions = {}): Promise<number> {
  const workerId = options.workerId ?? defaultWorkerId();
  const rows = await claimDue(deps, workerId, options.batch ?? DEFAULTS.batch, options.leaseMs ?? DEFAULTS.leaseMs);
  if (!rows.length) return 0;
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = row.channel_id ?? `${row.kind}:${row.recipient}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      for (const row of group) {
        let outcome: Outcome;
        try {
          outcome = await attempt(deps, row, options);
        } catch (error) {
          outcome = { kind: 'failed', result: { ok: false, retryable: true, error: `internal: ${(error as Error).message}` } };
        }
        await settle(deps, row, workerId, outcome, options);
      }
    }),
  );
  return rows.length;
}
