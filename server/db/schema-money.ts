/**
 * Row types of money (issue 10): contracts, versioned payment plans, payments and allocations (append-only facts),
 * payment claims, escalation firings, finance partners and the org's receivable settings. Paid / outstanding /
 * overdue are never stored: they are derived from allocations (modules/contracts/ledger.ts).
 */

/** The org's receivable policy (one row, id 'org'); absent means the defaults (modules/contracts/settings.ts). */
export interface MoneySettingsTable {
  id: string;
  tolerance_fen: number;
  /** calendar | working: how the board counts days to the effective due date. */
  band_basis: string;
  /** next_working_day | previous_working_day | none: where a due date on a day off moves. */
  due_shift: string;
  /** Contract number: prefix + year (when yearly) + zero-padded sequence, e.g. HT2026-0001. */
  number_prefix: string;
  number_pad: number;
  number_yearly: number;
  claim_pause_days: number;
  escalation_days: number;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

/** Contract-number counters, one per prefix (and year); bumped in the creating transaction. */
export interface ContractSequencesTable {
  key: string;
  last: number;
}

export interface ContractsTable {
  id: string;
  number: string;
  deal_id: string;
  customer_id: string;
  owner_id: string;
  team_path: string;
  signed_at: string; // YYYY-MM-DD
  amount_fen: number;
  /** The plan version in force (contract_plan_versions). */
  plan_version: number;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Plan versions, append-only: 1 = the original plan, later ones are amendments (补充协议). */
export interface ContractPlanVersionsTable {
  id: string;
  contract_id: string;
  version: number;
  reason: string | null;
  amount_fen: number;
  created_by: string | null;
  created_at: string;
}

/**
 * One instalment line; its id stays across plan versions so allocations keep pointing at it. Terms per version are
 * in contract_instalment_terms. `effective_due_date` and `escalate_at` are timers recomputed from the terms, the
 * calendar, the policy and claims (never a second copy of money).
 */
export interface ContractInstalmentsTable {
  id: string;
  contract_id: string;
  invoice_status: string; // not_issued | issued
  invoice_no: string | null;
  effective_due_date: string | null;
  escalate_at: string | null;
  created_at: string;
}

export interface ContractInstalmentTermsTable {
  instalment_id: string;
  contract_id: string;
  version: number;
  seq: number;
  due_date: string;
  amount_fen: number;
  method: string;
  invoice_date: string | null;
}

/** Money received (kind payment) or a reversing entry of one (kind reversal, `reverses_id`); never edited. */
export interface PaymentsTable {
  id: string;
  contract_id: string;
  customer_id: string;
  kind: string; // payment | reversal
  amount_fen: number;
  received_on: string;
  method: string;
  reference: string | null;
  evidence_file_id: string | null;
  note: string | null;
  reverses_id: string | null;
  created_by: string | null;
  created_at: string;
}

/**
 * Ties (part of) a payment to an instalment, on a date; reversals add negative rows. The unallocated rest of a
 * payment is the customer's credit (预收款).
 */
export interface PaymentAllocationsTable {
  id: string;
  payment_id: string;
  instalment_id: string;
  contract_id: string;
  amount_fen: number;
  kind: string; // fifo | manual | credit | reversal
  on_date: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

/** A seller's "the customer has paid" with a bank slip: pauses escalation until finance confirms or rejects. */
export interface PaymentClaimsTable {
  id: string;
  contract_id: string;
  instalment_id: string | null;
  amount_fen: number;
  claimed_on: string;
  reference: string | null;
  evidence_file_id: string | null;
  note: string | null;
  pause_until: string;
  decision: string | null; // confirmed | rejected
  decision_note: string | null;
  payment_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_by: string;
  created_at: string;
}

/** One row per escalated instalment (UNIQUE instalment_id): the exactly-once claim of the escalation job. */
export interface ReceivableEscalationsTable {
  id: string;
  instalment_id: string;
  contract_id: string;
  due_at: string;
  fired_at: string;
  outstanding_fen: number;
  work_order_id: string | null;
  task_id: string | null;
  note: string | null;
}

/** The finance partner (财务对接人) of a team; a team without one uses its nearest ancestor's. */
export interface TeamFinancePartnersTable {
  team_id: string;
  user_id: string;
  updated_by: string | null;
  updated_at: string;
}

export interface MoneyTables {
  money_settings: MoneySettingsTable;
  contract_sequences: ContractSequencesTable;
  contracts: ContractsTable;
  contract_plan_versions: ContractPlanVersionsTable;
  contract_instalments: ContractInstalmentsTable;
  contract_instalment_terms: ContractInstalmentTermsTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  payment_claims: PaymentClaimsTable;
  receivable_escalations: ReceivableEscalationsTable;
  team_finance_partners: TeamFinancePartnersTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends MoneyTables {}
}
