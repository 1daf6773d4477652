import { sql } from 'kysely';
import type { Db, Tx } from '../db/index.js';
import type { Clock } from './clock.js';
import { parseJson } from './json.js';
import type { DomainEventType, StoredEvent } from './events.js';
import { breathe } from './breathe.js';

/** Events as consumers read them: narrow with `isEvent(event, 'deal.updated')` for the typed payload. */
export type { StoredEvent } from './events.js';

/**
 * Processes domain events not yet seen by `consumer`, oldest first. Exactly-once rests on the `(consumer, event_id)`
 * consumption row, written in the same transaction as the handler's writes: a crash before commit leaves neither, so
 * the event is processed again from scratch; on PostgreSQL a second process inserting the same row waits for the
 * first and then skips it.
 *
 * A poll claims its events in chunks, one transaction and one multi-row insert per chunk (`ON CONFLICT DO NOTHING
 * RETURNING`: only the events whose row this transaction inserted are handled), so a poll costs one commit, not one
 * per event — on PostgreSQL the commit's flush is most of an event's cost. Rows are inserted in `seq` order by every
 * process, so two polls of the same consumer wait on each other rather than deadlock. If a handler fails, the chunk
 * rolls back whole, the events before the failing one are handled again and committed, and the failure is thrown:
 * the same outcome as when every event had its own transaction.
 * Returns how many events this call processed.
 */
export async function consumeEvents(
  db: Db,
  clock: Clock,
  consumer: string,
  handler: (trx: Tx, event: StoredEvent) => Promise<void>,
  options: { batch?: number; types?: string[]; chunk?: number } = {},
): Promise<number> {
  // Everything at or below the watermark is done: the anti-join only runs over the tail, whatever the history. The
  // watermark goes into the query as a value: read inside it as a subquery, PostgreSQL plans for a third of the
  // table and chose a hash anti-join over all of it (1.9 s at 3 M events instead of milliseconds).
  const low = await lowWatermark(db, consumer);
  const rows = await unconsumed(db, consumer, low, options.types).selectAll().orderBy('seq').limit(options.batch ?? 200).execute();
  const events = rows.map(
    (row) =>
      ({
        seq: Number(row.seq),
        id: row.id,
        type: row.type as DomainEventType,
        entity: row.entity,
        entityId: row.entity_id,
        actorId: row.actor_id,
        payload: parseJson(row.payload, {}),
        occurredAt: row.occurred_at,
      }) as StoredEvent,
  );
  // Chunks bound how long one transaction holds SQLite's writer (and PostgreSQL's row locks) while HTTP waits.
  const size = options.chunk ?? 50;
  let processed = 0;
  for (let i = 0; i < events.length; i += size) {
    await breathe();
    const chunk = events.slice(i, i + size);
    let failedAt = -1;
    try {
      processed += await handleChunk(db, clock, consumer, chunk, handler, (index) => (failedAt = index));
    } catch (error) {
      // A handler failed (or PostgreSQL broke a lock cycle): the events before it commit, then the failure is thrown.
      if (failedAt > 0) processed += await handleChunk(db, clock, consumer, chunk.slice(0, failedAt), handler, () => {});
      throw error;
    }
  }
  await advanceWatermark(db, clock, consumer, low, options.types);
  return processed;
}

/** One transaction: claims the chunk's events and handles those this transaction claimed, in order. */
async function handleChunk(
  db: Db,
  clock: Clock,
  consumer: string,
  chunk: StoredEvent[],
  handler: (trx: Tx, event: StoredEvent) => Promise<void>,
  onFailure: (index: number) => void,
): Promise<number> {
  if (chunk.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const claimed = await claim(trx, clock, consumer, chunk.map((e) => e.id));
    for (const [index, event] of chunk.entries()) {
      if (!claimed.has(event.id)) continue;
      try {
        await handler(trx, event);
      } catch (error) {
        onFailure(index);
        throw error;
      }
    }
    return claimed.size;
  });
}

/** Inserts the consumption rows of these events (in the given, seq order); returns the ids this transaction inserted. */
async function claim(trx: Tx, clock: Clock, consumer: string, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const at = clock.now().toISOString();
  const rows = await trx
    .insertInto('event_consumptions')
    .values(eventIds.map((event_id) => ({ consumer, event_id, processed_at: at })))
    .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
    .returning('event_id')
    .execute();
  return new Set(rows.map((r) => r.event_id));
}

/**
 * How long an event may stay invisible after taking its sequence number: on PostgreSQL a transaction that took seq 10
 * can commit after one that took seq 11, so the watermark never passes events younger than this (gap safety).
 */
export const WATERMARK_MARGIN_MS = 5 * 60_000;

function unconsumed(db: Db, consumer: string, low: number, types?: string[]) {
  let query = db
    .selectFrom('events')
    .where('seq', '>', low)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('event_consumptions')
            .select(sql`1`.as('one'))
            .where('event_consumptions.consumer', '=', consumer)
            .whereRef('event_consumptions.event_id', '=', 'events.id'),
        ),
      ),
    );
  if (types?.length) query = query.where('type', 'in', types);
  return query;
}

/**
 * When the oldest event `consumer` has still to process happened (null: none). Jobs that consume events inside their
 * timed pass report it from `nextDue`, so `tick --at` runs the pass at the event's instant, before deadlines after it.
 */
export async function oldestUnconsumedAt(db: Db, consumer: string, types?: string[]): Promise<string | null> {
  const low = await lowWatermark(db, consumer);
  const row = await unconsumed(db, consumer, low, types).select('occurred_at').orderBy('seq').limit(1).executeTakeFirst();
  return row?.occurred_at ?? null;
}

export async function lowWatermark(db: Db, consumer: string): Promise<number> {
  const row = await db.selectFrom('consumer_watermarks').select('low_seq').where('consumer', '=', consumer).executeTakeFirst();
  return Number(row?.low_seq ?? 0);
}

/**
 * Moves the watermark up to just below the oldest event this consumer still has to process, but never past events
 * younger than the margin (one still being committed elsewhere may sit below them). Only ever moves up.
 */
async function advanceWatermark(db: Db, clock: Clock, consumer: string, low: number, types?: string[]): Promise<void> {
  const cutoff = new Date(clock.now().getTime() - WATERMARK_MARGIN_MS).toISOString();
  const settled = await db.selectFrom('events').select((eb) => eb.fn.max('seq').as('seq')).where('seq', '>', low).where('occurred_at', '<=', cutoff).executeTakeFirst();
  const settledSeq = settled?.seq == null ? null : Number(settled.seq);
  if (settledSeq === null) return;
  const pending = await unconsumed(db, consumer, low, types).select((eb) => eb.fn.min('seq').as('seq')).executeTakeFirst();
  const pendingSeq = pending?.seq == null ? null : Number(pending.seq);
  const next = Math.min(settledSeq, pendingSeq === null ? Infinity : pendingSeq - 1);
  if (next <= low) return;
  const now = clock.now().toISOString();
  await db
    .insertInto('consumer_watermarks')
    .values({ consumer, low_seq: next, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('consumer')
        .doUpdateSet({ low_seq: next, updated_at: now })
        .where('consumer_watermarks.low_seq', '<', next),
    )
    .execute();
}
