import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Store appointments (seed 000). `no_show_due_at` = at + 30 min is stored so the no-show job finds due rows with one
 * index range on (status, no_show_due_at) instead of computing a time per row.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('appointments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('customer_id', text, (c) => c.notNull().references('customers.id'))
    .addColumn('phone', text, (c) => c.notNull())
    .addColumn('phone_normalized', text, (c) => c.notNull())
    .addColumn('store_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('team_path', text, (c) => c.notNull())
    .addColumn('consultant_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('note', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('no_show_due_at', text, (c) => c.notNull())
    .addColumn('no_show_at', text)
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_in_at', text)
    .addColumn('checked_in_by', text)
    .addColumn('cancelled_at', text)
    .addColumn('cancelled_by', text)
    .addColumn('followup_user_id', text)
    .addColumn('followup_task_id', text)
    .addColumn('reassigned_at', text)
    .addColumn('reassigned_by', text)
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_due').on('appointments').columns(['status', 'no_show_due_at']).execute();
  await db.schema.createIndex('appointments_team_path').on('appointments').columns(['team_path', 'at']).execute();
  await db.schema.createIndex('appointments_consultant').on('appointments').columns(['consultant_id', 'at']).execute();
  await db.schema.createIndex('appointments_followup').on('appointments').columns(['followup_user_id', 'at']).execute();
}
