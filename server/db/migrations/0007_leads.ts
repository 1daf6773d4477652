import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';
import { normalizeCompanyName, normalizePhone } from './frozen/normalize-0007.js';

/**
 * Leads: duplicate keys on customers (name_normalized, backfilled; phone_normalized recomputed with the one
 * normaliser), assignment settings and history, round-robin counters, ownership conflicts, the customer pool (公海)
 * with its claim/return log, and the pool sweep's once-per-slot runs.
 */
interface CustomerKeysAtMigration {
  id: string;
  name: string;
  phone: string | null;
  phone_normalized: string | null;
  name_normalized: string | null;
}

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const text = 'text' as const;

  await db.schema.alterTable('customers').addColumn('name_normalized', text).execute();
  await db.schema.createIndex('customers_name_normalized').on('customers').column('name_normalized').execute();
  // The backfill sees the customers table as it is at this migration, not as the current schema types describe it.
  const data = db.withTables<{ customers: CustomerKeysAtMigration }>();
  const rows = await data.selectFrom('customers').select(['id', 'name', 'phone']).execute();
  for (const row of rows) {
    await data
      .updateTable('customers')
      .set({ name_normalized: normalizeCompanyName(row.name), phone_normalized: normalizePhone(row.phone) })
      .where('id', '=', row.id)
      .execute();
  }

  // One row (id 'org'): assignment rules and pool settings as JSON documents validated by leads/schema.ts.
  await db.schema
    .createTable('lead_settings')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('assignment', text, (c) => c.notNull())
    .addColumn('pool', text, (c) => c.notNull())
    .addColumn('updated_by', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  // Round-robin position per rule target; bumped with one UPDATE … RETURNING so concurrent creates take turns.
  await db.schema
    .createTable('lead_rr_cursors')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('counter', 'integer', (c) => c.notNull())
    .execute();

  // Every change of a customer's owner made by this module: rule assignments, transfers, claims, hand-overs.
  await db.schema
    .createTable('lead_assignments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('customer_id', text, (c) => c.notNull().references('customers.id'))
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('previous_owner_id', text)
    .addColumn('team_id', text)
    .addColumn('rule', text, (c) => c.notNull())
    .addColumn('method', text, (c) => c.notNull())
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lead_assignments_customer').on('lead_assignments').columns(['customer_id', 'at']).execute();
  await db.schema.createIndex('lead_assignments_user').on('lead_assignments').columns(['user_id', 'at']).execute();

  await db.schema
    .createTable('ownership_conflicts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('customer_id', text, (c) => c.notNull().references('customers.id'))
    .addColumn('duplicate_id', text, (c) => c.references('customers.id'))
    .addColumn('requester_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('requester_team_path', text, (c) => c.notNull())
    .addColumn('owner_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('owner_team_path', text, (c) => c.notNull())
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('resolution', text)
    .addColumn('merge_into', text)
    .addColumn('note', text)
    .addColumn('resolved_by', text)
    .addColumn('resolved_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ownership_conflicts_status').on('ownership_conflicts').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('ownership_conflicts_customer').on('ownership_conflicts').columns(['customer_id', 'status']).execute();

  // A customer is in the pool while it has a row here; its owner meanwhile is the pool team's manager (custodian).
  await db.schema
    .createTable('customer_pool')
    .addColumn('customer_id', text, (c) => c.primaryKey().references('customers.id'))
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('team_path', text, (c) => c.notNull())
    .addColumn('former_owner_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('pooled_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_pool_path').on('customer_pool').columns(['team_path', 'pooled_at']).execute();

  await db.schema
    .createTable('pool_log')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('customer_id', text, (c) => c.notNull().references('customers.id'))
    .addColumn('action', text, (c) => c.notNull()) // return | claim
    .addColumn('user_id', text, (c) => c.notNull().references('users.id')) // former owner (return) or claimer
    .addColumn('team_id', text, (c) => c.notNull())
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pool_log_user').on('pool_log').columns(['user_id', 'action', 'at']).execute();
  await db.schema.createIndex('pool_log_customer').on('pool_log').columns(['customer_id', 'at']).execute();

  // The sweep's cron slots: the primary key makes each slot run once across processes.
  await db.schema
    .createTable('pool_runs')
    .addColumn('slot', text, (c) => c.primaryKey())
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('returned', 'integer', (c) => c.notNull())
    .execute();
}
