import { sql } from 'kysely';
import type { Db, Tx } from '../db/index.js';
import type { Clock } from './clock.js';
import { parseJson } from './json.js';
import type { DomainEventType, StoredEvent } from './events.js';
import { breathe } from './breathe.js';

/** Events as consumers read them: narrow with `isEvent(event, 'deal.updated')` for the typed payload. */
export type { StoredEvent } from './events.js';

/**
 * Processes domain events not yet seen by `consumer`, oldest first, each in its own transaction together with the
 * `(consumer, event_id)` consumption row. The row's primary key makes processing exactly-once: on PostgreSQL a second
 * process inserting the same row waits for the first and then fails the insert (we skip), and a crash before commit
 * leaves neither the row nor the handler's writes, so the event is processed again from scratch.
 * Returns how many events this call processed.
 */
export async function consumeEvents(
  db: Db,
  clock: Clock,
  consumer: string,
  handler: (trx: Tx, event: StoredEvent) => Promise<void>,
  options: { batch?: number; types?: string[] } = {},
): Promise<number> {
  // Everything at or below the watermark is done: the anti-join only runs over the tail, whatever the history.
  const low = await lowWatermark(db, consumer);
  const query = unconsumed(db, consumer, low, options.types).selectAll().orderBy('seq').limit(options.batch ?? 200);
  const rows = await query.execute();
  let processed = 0;
  for (const row of rows) {
    await breathe();
    const event = {
      seq: Number(row.seq),
      id: row.id,
      type: row.type as DomainEventType,
      entity: row.entity,
      entityId: row.entity_id,
      actorId: row.actor_id,
      payload: parseJson(row.payload, {}),
      occurredAt: row.occurred_at,
    } as StoredEvent;
    const done = await db
      .transaction()
      .execute(async (trx) => {
        const claimed = await trx
          .insertInto('event_consumptions')
          .values({ consumer, event_id: event.id, processed_at: clock.now().toISOString() })
          .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        await handler(trx, event);
        return true;
      });
    if (done) processed++;
  }
  await advanceWatermark(db, clock, consumer, low, options.types);
  return processed;
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
