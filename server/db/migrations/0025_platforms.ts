import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * WeCom / DingTalk / Feishu apps (issue 18): connections, token cache, links (users, departments, external
 * contacts), user preferences, interactive cards and their once-only actions, contact-sync runs, per-recipient sends.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  void dialect;
  const text = 'text' as const;
  const int = 'integer' as const;
  await db.schema
    .createTable('platform_connections')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('platform', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('settings', text, (c) => c.notNull())
    .addColumn('secrets', text, (c) => c.notNull())
    .addColumn('enabled', int, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('platform_tokens')
    .addColumn('connection_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('token', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('fetched_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('platform_tokens_pk', ['connection_id', 'kind'])
    .execute();
  await db.schema
    .createTable('platform_links')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('connection_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('external_id', text, (c) => c.notNull())
    .addColumn('local_id', text, (c) => c.notNull())
    .addColumn('source', text, (c) => c.notNull())
    .addColumn('synced', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('platform_links_external', ['connection_id', 'kind', 'external_id'])
    .addUniqueConstraint('platform_links_local', ['connection_id', 'kind', 'local_id'])
    .execute();
  await db.schema.createIndex('platform_links_by_local').on('platform_links').columns(['kind', 'local_id']).execute();
  await db.schema
    .createTable('platform_user_prefs')
    .addColumn('user_id', text, (c) => c.primaryKey())
    .addColumn('mode', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('platform_cards')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('connection_id', text, (c) => c.notNull())
    .addColumn('subject_type', text, (c) => c.notNull())
    .addColumn('subject_id', text, (c) => c.notNull())
    .addColumn('user_id', text, (c) => c.notNull())
    .addColumn('external_user_id', text, (c) => c.notNull())
    .addColumn('ref', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('outcome', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('platform_cards_subject').on('platform_cards').columns(['subject_type', 'subject_id']).execute();
  await db.schema
    .createTable('platform_card_actions')
    .addColumn('card_id', text, (c) => c.primaryKey())
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('result', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('platform_sync_runs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('connection_id', text, (c) => c.notNull())
    .addColumn('slot', text)
    .addColumn('dry_run', int, (c) => c.notNull())
    .addColumn('overwrite', int, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('plan', text, (c) => c.notNull())
    .addColumn('error', text)
    .addColumn('actor_id', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('platform_sync_runs_slot', ['connection_id', 'slot'])
    .execute();
  await db.schema
    .createTable('platform_sends')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('scope', text, (c) => c.notNull())
    .addColumn('sent_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('platform_sends_scope').on('platform_sends').columns(['scope', 'sent_at']).execute();
}
