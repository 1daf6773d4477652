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
  let query = db
    .selectFrom('events')
    .selectAll()
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('event_consumptions')
            .select(sql`1`.as('one'))
            .where('event_consumptions.consumer', '=', consumer)
            .whereRef('event_consumptions.event_id', '=', 'events.id'),
        ),
      ),
    )
    .orderBy('seq')
    .limit(options.batch ?? 200);
  if (options.types?.length) query = query.where('type', 'in', options.types);
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
  return processed;
}
