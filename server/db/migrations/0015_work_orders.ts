import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Work orders (协作工单) and assist points (助攻积分).
 * - `work_order_types` is the current definition per key; `work_order_type_versions` keeps every published version,
 *   and an order pins `(type_id, type_version)` so its SLA targets never move under it.
 * - `work_order_history` is the append-only status trail (UNIQUE(order_id, seq)); pauses are derived from it.
 * - `work_order_escalations` is UNIQUE(order_id, level): a ladder level can be recorded, hence notified, once.
 * - `assist_points` is an append-only ledger, UNIQUE(order_id, rule_key, helper_id, kind): one grant and at most one
 *   reversal per (order, rule, helper).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const text = 'text' as const;

  await db.schema
    .createTable('work_order_types')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('key', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', text, (c) => c.notNull()) // JSON: the current version's definition
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('updated_by', text)
    .execute();

  await db.schema
    .createTable('work_order_type_versions')
    .addColumn('type_id', text, (c) => c.notNull().references('work_order_types.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('created_by', text)
    .addPrimaryKeyConstraint('work_order_type_versions_pk', ['type_id', 'version'])
    .execute();

  await db.schema
    .createTable('work_orders')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('type_id', text, (c) => c.notNull().references('work_order_types.id'))
    .addColumn('type_version', 'integer', (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('subject_type', text, (c) => c.notNull()) // customer | deal (contract later)
    .addColumn('subject_id', text, (c) => c.notNull())
    .addColumn('customer_id', text, (c) => c.notNull())
    .addColumn('deal_id', text)
    .addColumn('requester_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('team_path', text, (c) => c.notNull()) // the requester's
    .addColumn('queue_team_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('queue_path', text, (c) => c.notNull())
    .addColumn('assignee_id', text, (c) => c.references('users.id'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('due_at', text) // the running clock's due instant, for sorting queues
    .addColumn('responded_at', text)
    .addColumn('response_due_at', text)
    .addColumn('response_outcome', text)
    .addColumn('first_resolved_at', text)
    .addColumn('first_resolution_due_at', text)
    .addColumn('first_resolution_outcome', text)
    .addColumn('resolved_at', text)
    .addColumn('resolution_due_at', text)
    .addColumn('resolution_outcome', text)
    .addColumn('waiting_ms', 'integer', (c) => c.notNull()) // requester waiting time of closed pauses
    .addColumn('closed_at', text)
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', text)
    .addColumn('next_level', 'integer', (c) => c.notNull())
    .addColumn('escalation_due_at', text)
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_orders_requester').on('work_orders').columns(['requester_id', 'created_at']).execute();
  await db.schema.createIndex('work_orders_assignee').on('work_orders').columns(['assignee_id', 'due_at']).execute();
  await db.schema.createIndex('work_orders_queue').on('work_orders').columns(['queue_team_id', 'due_at']).execute();
  await db.schema.createIndex('work_orders_escalation').on('work_orders').column('escalation_due_at').execute();
  await db.schema.createIndex('work_orders_subject').on('work_orders').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('work_orders_customer').on('work_orders').column('customer_id').execute();

  await db.schema
    .createTable('work_order_history')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('order_id', text, (c) => c.notNull().references('work_orders.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_status', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('assignee_id', text)
    .addColumn('actor_id', text)
    .addColumn('note', text)
    .addColumn('at', text, (c) => c.notNull())
    .addUniqueConstraint('work_order_history_seq', ['order_id', 'seq'])
    .execute();

  await db.schema
    .createTable('work_order_comments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('order_id', text, (c) => c.notNull().references('work_orders.id'))
    .addColumn('author_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_order_comments_order').on('work_order_comments').columns(['order_id', 'created_at']).execute();

  await db.schema
    .createTable('work_order_escalations')
    .addColumn('order_id', text, (c) => c.notNull().references('work_orders.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('due_at', text, (c) => c.notNull())
    .addColumn('fired_at', text, (c) => c.notNull())
    .addColumn('recipients', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('work_order_escalations_pk', ['order_id', 'level'])
    .execute();

  await db.schema
    .createTable('assist_rule_sets')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('effective_from', text, (c) => c.notNull()) // YYYY-MM-DD, org time zone
    .addColumn('definition', text, (c) => c.notNull()) // JSON { rules, caps }
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('created_by', text)
    .execute();

  await db.schema
    .createTable('assist_points')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('order_id', text, (c) => c.notNull().references('work_orders.id'))
    .addColumn('rule_key', text, (c) => c.notNull())
    .addColumn('helper_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('team_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull()) // grant | reversal
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('reverses_id', text)
    .addColumn('rule_set_version', 'integer', (c) => c.notNull())
    .addColumn('month', text, (c) => c.notNull()) // YYYY-MM of `at`, org time zone
    .addColumn('week', text, (c) => c.notNull()) // ISO week of `at`, org time zone
    .addColumn('at', text, (c) => c.notNull())
    .addUniqueConstraint('assist_points_once', ['order_id', 'rule_key', 'helper_id', 'kind'])
    .execute();
  await db.schema.createIndex('assist_points_helper_month').on('assist_points').columns(['helper_id', 'month']).execute();
  await db.schema.createIndex('assist_points_team_month').on('assist_points').columns(['team_id', 'month']).execute();
}
