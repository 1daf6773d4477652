import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * The time engine: per-team business hours and closures, the team an SLA clock counts on, and per-consumer low
 * watermarks so an event poll reads only the tail of `events` instead of anti-joining the whole history.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('team_schedules')
    .addColumn('team_id', text, (c) => c.primaryKey().references('teams.id'))
    .addColumn('intervals', text, (c) => c.notNull()) // JSON [["09:00","12:00"],…]
    .addColumn('weekdays', text, (c) => c.notNull()) // JSON { "5": [["09:00","12:00"]] }
    .addColumn('closures', text, (c) => c.notNull()) // JSON [{ from, to, reason }]
    .addColumn('updated_by', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  // Null = the org default schedule (timers started before this migration keep counting as they did).
  await db.schema.alterTable('sla_timers').addColumn('team_id', text).execute();

  await db.schema
    .createTable('consumer_watermarks')
    .addColumn('consumer', text, (c) => c.primaryKey())
    // Every event with seq <= low_seq is consumed by this consumer (or not one of its types).
    .addColumn('low_seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  // Retention reads these by age.
  await db.schema.createIndex('events_occurred').on('events').column('occurred_at').execute();
  await db.schema.createIndex('outbox_sent').on('outbox').columns(['status', 'sent_at']).execute();
}
