import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Automation rules and their run log. `rule_runs` is UNIQUE(rule_id, event_id): the event id of a domain event, or
 * `schedule:<instant>` for a cron slot, so each (rule, cause) runs once even with several worker processes.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const text = 'text' as const;

  await db.schema
    .createTable('rules')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('key', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('trigger_type', text, (c) => c.notNull())
    .addColumn('definition', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('schedule_from', text)
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rules_trigger').on('rules').columns(['enabled', 'trigger_type']).execute();

  await db.schema
    .createTable('rule_runs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('rule_id', text, (c) => c.notNull().references('rules.id').onDelete('cascade'))
    .addColumn('event_id', text, (c) => c.notNull())
    .addColumn('trigger_type', text, (c) => c.notNull())
    .addColumn('scheduled_for', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('input', text, (c) => c.notNull())
    .addColumn('outcome', text)
    .addColumn('error', text)
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addUniqueConstraint('rule_runs_rule_event', ['rule_id', 'event_id'])
    .execute();
  await db.schema.createIndex('rule_runs_rule_started').on('rule_runs').columns(['rule_id', 'started_at']).execute();
}
