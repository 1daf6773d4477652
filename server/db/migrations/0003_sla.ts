import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/** SLA engine: org calendar settings, durable timers, their firings (exactly once per level) and interventions. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const text = 'text' as const;

  await db.schema
    .createTable('calendar_settings')
    .addColumn('id', text, (c) => c.primaryKey()) // always 'org': one calendar per installation
    .addColumn('time_zone', text, (c) => c.notNull())
    .addColumn('rest_weekdays', text, (c) => c.notNull())
    .addColumn('extra_days_off', text, (c) => c.notNull())
    .addColumn('extra_workdays', text, (c) => c.notNull())
    .addColumn('updated_by', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sla_timers')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('subject_type', text, (c) => c.notNull())
    .addColumn('subject_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('stage_key', text)
    .addColumn('ladder', text, (c) => c.notNull())
    .addColumn('anchor_at', text, (c) => c.notNull())
    .addColumn('next_level', 'integer', (c) => c.notNull())
    .addColumn('due_at', text)
    .addColumn('last_due_at', text)
    .addColumn('level_reached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('colour', text, (c) => c.notNull().defaultTo('on_time'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('cancel_reason', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  // The scheduler's one query: active timers by due time.
  await db.schema.createIndex('sla_timers_due').on('sla_timers').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('sla_timers_subject').on('sla_timers').columns(['subject_type', 'subject_id', 'status']).execute();

  await db.schema
    .createTable('sla_firings')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('timer_id', text, (c) => c.notNull().references('sla_timers.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('subject_type', text, (c) => c.notNull())
    .addColumn('subject_id', text, (c) => c.notNull())
    .addColumn('due_at', text, (c) => c.notNull())
    .addColumn('fired_at', text, (c) => c.notNull())
    .addColumn('recipients', text, (c) => c.notNull())
    .addColumn('channels', text, (c) => c.notNull())
    .addUniqueConstraint('sla_firings_timer_level', ['timer_id', 'level'])
    .execute();
  await db.schema.createIndex('sla_firings_fired').on('sla_firings').column('fired_at').execute();

  await db.schema
    .createTable('sla_interventions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('timer_id', text, (c) => c.notNull().references('sla_timers.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('subject_type', text, (c) => c.notNull())
    .addColumn('subject_id', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('note', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('resolved_at', text)
    .addColumn('resolved_by', text)
    .addUniqueConstraint('sla_interventions_once', ['timer_id', 'level', 'user_id'])
    .execute();
  await db.schema.createIndex('sla_interventions_user').on('sla_interventions').columns(['user_id', 'status', 'created_at']).execute();
}
