import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Follow-up cadences (节奏): definitions, runs on deals, one row per step (with its task), customer opt-outs, and the
 * activity checklists / effective-interaction rule the activity log consults.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const text = 'text' as const;

  await db.schema
    .createTable('cadences')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('key', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addColumn('definition', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cadence_runs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('cadence_id', text, (c) => c.notNull().references('cadences.id'))
    .addColumn('cadence_key', text, (c) => c.notNull())
    .addColumn('deal_id', text, (c) => c.notNull().references('deals.id'))
    .addColumn('customer_id', text, (c) => c.notNull().references('customers.id'))
    .addColumn('stage_key', text, (c) => c.notNull())
    .addColumn('anchor_at', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('stop_reason', text)
    .addColumn('started_by', text, (c) => c.notNull())
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('ended_at', text)
    .execute();
  await db.schema.createIndex('cadence_runs_deal').on('cadence_runs').columns(['deal_id', 'status']).execute();
  await db.schema.createIndex('cadence_runs_customer').on('cadence_runs').columns(['customer_id', 'status']).execute();

  await db.schema
    .createTable('cadence_steps')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('run_id', text, (c) => c.notNull().references('cadence_runs.id'))
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('step_key', text, (c) => c.notNull())
    .addColumn('spec', text, (c) => c.notNull())
    .addColumn('task_id', text, (c) => c.references('tasks.id'))
    .addColumn('due_at', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('deliverable', text)
    .addColumn('completed_at', text)
    .addUniqueConstraint('cadence_steps_run_step', ['run_id', 'step_index'])
    .execute();
  await db.schema.createIndex('cadence_steps_task').on('cadence_steps').column('task_id').execute();
  await db.schema.createIndex('cadence_steps_due').on('cadence_steps').columns(['due_at']).execute();

  await db.schema
    .createTable('customer_opt_outs')
    .addColumn('customer_id', text, (c) => c.primaryKey().references('customers.id'))
    .addColumn('reason', text)
    .addColumn('by', text, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('activity_checklists')
    .addColumn('type', text, (c) => c.primaryKey())
    .addColumn('mode', text, (c) => c.notNull())
    .addColumn('items', text, (c) => c.notNull())
    .addColumn('updated_by', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('activity_checklist_answers')
    .addColumn('activity_id', text, (c) => c.primaryKey())
    .addColumn('type', text, (c) => c.notNull())
    .addColumn('answers', text, (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('activity_settings')
    .addColumn('id', text, (c) => c.primaryKey()) // always 'org'
    .addColumn('effective_rule', text, (c) => c.notNull())
    .addColumn('updated_by', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
}
