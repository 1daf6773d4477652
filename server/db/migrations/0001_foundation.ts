import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/** Foundation schema: org, auth, customers, pipelines, deals, activities, tasks, files, audit, events. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = 'text' as const;
  // Team paths are compared as prefix ranges; byte order ("C" collation) keeps "/" and "~" meaningful on PostgreSQL
  // whatever the server's default collation is.
  const path = dialect === 'postgres' ? sql`text collate "C"` : text;

  await db.schema
    .createTable('teams')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('parent_id', text, (c) => c.references('teams.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('path', path, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('username', text, (c) => c.notNull().unique())
    .addColumn('display_name', text, (c) => c.notNull())
    .addColumn('password_hash', text, (c) => c.notNull())
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('team_path', path, (c) => c.notNull())
    .addColumn('phone', text)
    .addColumn('email', text)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_team_path').on('users').column('team_path').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_used_at', text)
    .addColumn('revoked_at', text)
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('phone', text)
    .addColumn('phone_normalized', text)
    .addColumn('region', text)
    .addColumn('industry', text)
    .addColumn('source', text)
    .addColumn('level', text)
    .addColumn('credit_code', text)
    .addColumn('owner_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('team_path', path, (c) => c.notNull())
    .addColumn('custom', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('customers_team_path').on('customers').columns(['team_path', 'updated_at']).execute();
  await db.schema.createIndex('customers_owner').on('customers').columns(['owner_id', 'updated_at']).execute();
  await db.schema.createIndex('customers_phone').on('customers').column('phone_normalized').execute();
  await db.schema.createIndex('customers_credit_code').on('customers').column('credit_code').execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('customer_id', text, (c) => c.notNull().references('customers.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('title', text)
    .addColumn('decision_power', text)
    .addColumn('phone', text)
    .addColumn('email', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_customer').on('contacts').column('customer_id').execute();

  await db.schema
    .createTable('pipelines')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('key', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addColumn('template_key', text)
    .addColumn('definition', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deals')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('customer_id', text, (c) => c.notNull().references('customers.id'))
    .addColumn('pipeline_id', text, (c) => c.notNull().references('pipelines.id'))
    .addColumn('stage_key', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull().defaultTo('open'))
    .addColumn('owner_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('team_path', path, (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('expected_close_date', text)
    .addColumn('checklist', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('custom', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('stage_entered_at', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deals_team_path').on('deals').columns(['team_path', 'updated_at']).execute();
  await db.schema.createIndex('deals_owner').on('deals').columns(['owner_id', 'updated_at']).execute();
  await db.schema.createIndex('deals_pipeline_stage').on('deals').columns(['pipeline_id', 'stage_key']).execute();
  await db.schema.createIndex('deals_customer').on('deals').column('customer_id').execute();

  await db.schema
    .createTable('deal_stage_history')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('deal_id', text, (c) => c.notNull().references('deals.id'))
    .addColumn('stage_key', text, (c) => c.notNull())
    .addColumn('entered_at', text, (c) => c.notNull())
    .addColumn('left_at', text)
    .addColumn('entered_by', text)
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('skip_reason', text)
    .execute();
  await db.schema.createIndex('deal_stage_history_deal').on('deal_stage_history').columns(['deal_id', 'entered_at']).execute();

  await db.schema
    .createTable('custom_field_defs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('entity', text, (c) => c.notNull())
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('label', text, (c) => c.notNull())
    .addColumn('label_en', text)
    .addColumn('type', text, (c) => c.notNull())
    .addColumn('options', text, (c) => c.notNull().defaultTo('[]'))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('custom_field_defs_entity_key', ['entity', 'key'])
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('type', text, (c) => c.notNull())
    .addColumn('occurred_at', text, (c) => c.notNull())
    .addColumn('customer_id', text, (c) => c.notNull().references('customers.id'))
    .addColumn('deal_id', text, (c) => c.references('deals.id'))
    .addColumn('owner_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('team_path', path, (c) => c.notNull())
    .addColumn('contact_ids', text, (c) => c.notNull().defaultTo('[]'))
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('outcome', text)
    .addColumn('next_action', text)
    .addColumn('next_action_at', text)
    .addColumn('effective', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('custom', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activities_customer').on('activities').columns(['customer_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_deal').on('activities').columns(['deal_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_team_path').on('activities').columns(['team_path', 'occurred_at']).execute();
  await db.schema.createIndex('activities_owner').on('activities').columns(['owner_id', 'occurred_at']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('assignee_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('team_path', path, (c) => c.notNull())
    .addColumn('due_at', text)
    .addColumn('customer_id', text, (c) => c.references('customers.id'))
    .addColumn('deal_id', text, (c) => c.references('deals.id'))
    .addColumn('status', text, (c) => c.notNull().defaultTo('open'))
    .addColumn('completed_at', text)
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_assignee').on('tasks').columns(['assignee_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tasks_team_path').on('tasks').columns(['team_path', 'status', 'due_at']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('entity', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('filename', text, (c) => c.notNull())
    .addColumn('mime', text, (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', text, (c) => c.notNull())
    .addColumn('uploaded_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_entity').on('attachments').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('entity', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('before', text)
    .addColumn('after', text)
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id', 'at']).execute();

  // The only dialect-specific line: an auto-incrementing sequence column.
  await db.schema
    .createTable('events')
    .addColumn('seq', dialect === 'postgres' ? sql`bigserial` : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('id', text, (c) => c.notNull().unique())
    .addColumn('type', text, (c) => c.notNull())
    .addColumn('entity', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('payload', text, (c) => c.notNull())
    .addColumn('occurred_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_entity').on('events').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('event_consumptions')
    .addColumn('consumer', text, (c) => c.notNull())
    .addColumn('event_id', text, (c) => c.notNull())
    .addColumn('processed_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_consumptions_pk', ['consumer', 'event_id'])
    .execute();
}
