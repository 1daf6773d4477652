import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Money (issue 10): contracts with versioned payment plans, payments and allocations as append-only facts, payment
 * claims, the escalation firings (UNIQUE per instalment: exactly once), finance partners per team and the
 * receivable settings. Paid / outstanding / overdue are derived, never stored.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = 'text' as const;
  const int = 'bigint' as const;
  void dialect;
  const small = 'integer' as const;
  await db.schema
    .createTable('money_settings')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('tolerance_fen', int, (c) => c.notNull())
    .addColumn('band_basis', text, (c) => c.notNull())
    .addColumn('due_shift', text, (c) => c.notNull())
    .addColumn('number_prefix', text, (c) => c.notNull())
    .addColumn('number_pad', small, (c) => c.notNull())
    .addColumn('number_yearly', small, (c) => c.notNull())
    .addColumn('claim_pause_days', small, (c) => c.notNull())
    .addColumn('escalation_days', small, (c) => c.notNull())
    .addColumn('version', small, (c) => c.notNull())
    .addColumn('updated_by', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createTable('contract_sequences').addColumn('key', text, (c) => c.primaryKey()).addColumn('last', small, (c) => c.notNull()).execute();
  await db.schema
    .createTable('contracts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('number', text, (c) => c.notNull().unique())
    .addColumn('deal_id', text, (c) => c.notNull().references('deals.id'))
    .addColumn('customer_id', text, (c) => c.notNull().references('customers.id'))
    .addColumn('owner_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('team_path', text, (c) => c.notNull())
    .addColumn('signed_at', text, (c) => c.notNull())
    .addColumn('amount_fen', int, (c) => c.notNull())
    .addColumn('plan_version', small, (c) => c.notNull())
    .addColumn('note', text)
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contracts_deal').on('contracts').columns(['deal_id']).execute();
  await db.schema.createIndex('contracts_customer').on('contracts').columns(['customer_id']).execute();
  await db.schema.createIndex('contracts_owner').on('contracts').columns(['owner_id']).execute();
  await db.schema.createIndex('contracts_team').on('contracts').columns(['team_path']).execute();
  await db.schema
    .createTable('contract_plan_versions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('contract_id', text, (c) => c.notNull().references('contracts.id'))
    .addColumn('version', small, (c) => c.notNull())
    .addColumn('reason', text)
    .addColumn('amount_fen', int, (c) => c.notNull())
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('contract_plan_versions_version', ['contract_id', 'version'])
    .execute();
  await db.schema
    .createTable('contract_instalments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('contract_id', text, (c) => c.notNull().references('contracts.id'))
    .addColumn('invoice_status', text, (c) => c.notNull())
    .addColumn('invoice_no', text)
    .addColumn('effective_due_date', text)
    .addColumn('escalate_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contract_instalments_contract').on('contract_instalments').columns(['contract_id']).execute();
  await db.schema.createIndex('contract_instalments_escalate').on('contract_instalments').columns(['escalate_at']).execute();
  await db.schema.createIndex('contract_instalments_due').on('contract_instalments').columns(['effective_due_date']).execute();
  await db.schema
    .createTable('contract_instalment_terms')
    .addColumn('instalment_id', text, (c) => c.notNull().references('contract_instalments.id'))
    .addColumn('contract_id', text, (c) => c.notNull())
    .addColumn('version', small, (c) => c.notNull())
    .addColumn('seq', small, (c) => c.notNull())
    .addColumn('due_date', text, (c) => c.notNull())
    .addColumn('amount_fen', int, (c) => c.notNull())
    .addColumn('method', text, (c) => c.notNull())
    .addColumn('invoice_date', text)
    .addPrimaryKeyConstraint('contract_instalment_terms_pk', ['instalment_id', 'version'])
    .execute();
  await db.schema.createIndex('contract_instalment_terms_contract').on('contract_instalment_terms').columns(['contract_id', 'version']).execute();
  await db.schema
    .createTable('payments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('contract_id', text, (c) => c.notNull().references('contracts.id'))
    .addColumn('customer_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('amount_fen', int, (c) => c.notNull())
    .addColumn('received_on', text, (c) => c.notNull())
    .addColumn('method', text, (c) => c.notNull())
    .addColumn('reference', text)
    .addColumn('evidence_file_id', text)
    .addColumn('note', text)
    .addColumn('reverses_id', text, (c) => c.unique())
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_contract').on('payments').columns(['contract_id']).execute();
  await db.schema.createIndex('payments_customer').on('payments').columns(['customer_id']).execute();
  await db.schema.createIndex('payments_received').on('payments').columns(['received_on']).execute();
  await db.schema
    .createTable('payment_allocations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('payment_id', text, (c) => c.notNull().references('payments.id'))
    .addColumn('instalment_id', text, (c) => c.notNull().references('contract_instalments.id'))
    .addColumn('contract_id', text, (c) => c.notNull())
    .addColumn('amount_fen', int, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('on_date', text, (c) => c.notNull())
    .addColumn('note', text)
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payment_allocations_instalment').on('payment_allocations').columns(['instalment_id']).execute();
  await db.schema.createIndex('payment_allocations_payment').on('payment_allocations').columns(['payment_id']).execute();
  await db.schema.createIndex('payment_allocations_contract').on('payment_allocations').columns(['contract_id']).execute();
  await db.schema
    .createTable('payment_claims')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('contract_id', text, (c) => c.notNull().references('contracts.id'))
    .addColumn('instalment_id', text)
    .addColumn('amount_fen', int, (c) => c.notNull())
    .addColumn('claimed_on', text, (c) => c.notNull())
    .addColumn('reference', text)
    .addColumn('evidence_file_id', text)
    .addColumn('note', text)
    .addColumn('pause_until', text, (c) => c.notNull())
    .addColumn('decision', text)
    .addColumn('decision_note', text)
    .addColumn('payment_id', text)
    .addColumn('decided_by', text)
    .addColumn('decided_at', text)
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payment_claims_contract').on('payment_claims').columns(['contract_id']).execute();
  await db.schema
    .createTable('receivable_escalations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('instalment_id', text, (c) => c.notNull().unique())
    .addColumn('contract_id', text, (c) => c.notNull())
    .addColumn('due_at', text, (c) => c.notNull())
    .addColumn('fired_at', text, (c) => c.notNull())
    .addColumn('outstanding_fen', int, (c) => c.notNull())
    .addColumn('work_order_id', text)
    .addColumn('task_id', text)
    .addColumn('note', text)
    .execute();
  await db.schema
    .createTable('team_finance_partners')
    .addColumn('team_id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('updated_by', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
}
