import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * The daily digest per store/team. `digest_settings` holds one row per team (cron in the org time zone, enabled,
 * target robots); `digests` is UNIQUE(team_id, date, slot): the row is claimed before anything is sent, so a slot's
 * digest exists once even with several processes and after a restart.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const text = 'text' as const;

  await db.schema
    .createTable('digest_settings')
    .addColumn('team_id', text, (c) => c.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('cron', text, (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('channel_ids', text)
    .addColumn('schedule_from', text, (c) => c.notNull())
    .addColumn('updated_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digests')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('slot', text, (c) => c.notNull())
    .addColumn('scheduled_for', text, (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('content', text, (c) => c.notNull())
    .addColumn('markdown', text, (c) => c.notNull())
    .addColumn('channel_ids', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('digests_team_date_slot', ['team_id', 'date', 'slot'])
    .execute();
  await db.schema.createIndex('digests_team_scheduled').on('digests').columns(['team_id', 'scheduled_for']).execute();
}
