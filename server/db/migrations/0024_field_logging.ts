import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Field-ready logging (issue 16): customer aliases for the free-text quick-log, tracked material links and their
 * opens, and the monthly random verification call-backs (随机抽检).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('customer_aliases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // No unique (customer, alias) constraint: a customer merge moves aliases, and two merged customers may share one.
  await db.schema.createIndex('customer_aliases_key').on('customer_aliases').columns(['alias_key']).execute();
  await db.schema.createIndex('customer_aliases_customer').on('customer_aliases').columns(['customer_id']).execute();

  await db.schema
    .createTable('material_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text')
    .addColumn('attachment_id', 'text')
    .addColumn('url', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('team_path', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('material_links_customer').on('material_links').columns(['customer_id', 'created_at']).execute();
  await db.schema.createIndex('material_links_created').on('material_links').columns(['created_at']).execute();

  await db.schema
    .createTable('material_opens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('beacon_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('material_opens_link').on('material_opens').columns(['link_id', 'opened_at']).execute();

  await db.schema
    .createTable('material_link_firings')
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('material_link_firings_pk', ['link_id', 'rule_id'])
    .execute();

  await db.schema
    .createTable('callback_settings')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('share_bp', 'integer', (c) => c.notNull())
    .addColumn('checker_id', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('callback_draws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('share_bp', 'integer', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('checker_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('callback_draws_team_month', ['team_id', 'month'])
    .execute();

  await db.schema
    .createTable('callback_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draw_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('activity_ids', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callback_items_draw').on('callback_items').columns(['draw_id']).execute();
  await db.schema.createIndex('callback_items_seller').on('callback_items').columns(['seller_id']).execute();

  await db.schema
    .createTable('callback_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callback_results_item').on('callback_results').columns(['item_id', 'recorded_at']).execute();
}
