/**
 * The record registry: one decision per table of `Database`. Every table is either a record type (with its scope
 * columns, web link, audit, custom fields, attachments, rule fields and hand-over policy) or explicitly internal.
 * Tables with a `customer_id` column also decide what a customer merge does to them. Adding a table to schema*.ts
 * without an entry here does not compile; tests/api/registry.test.ts compares the registry with a migrated database.
 *
 * The lists other modules used to keep by hand (audit kinds, scoped tables, rule entities and links, attachment
 * owners, custom-field objects, merge references, hand-over) are derived below; the web app gets the same lists as a
 * generated constant (web/src/api/entities.gen.ts, checked by server/core/entities.test.ts).
 */
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { calendarDate } from './dates.js';

export type Table = keyof Database;
type Column<T extends Table> = keyof Database[T] & string;

/** Who may see a record, hence its audit trail: its own owner/team-path columns, or those of the record it hangs off. */
export type ScopeSpec<T extends Table> =
  | { owner: Column<T>; teamPath: Column<T> }
  /** Scoped through the customer it belongs to (contacts). */
  | { viaCustomer: Column<T> }
  /** Scoped through the record named by a (kind, id) pair of columns (attachments, SLA interventions). */
  | { viaRecord: { kind: Column<T>; id: Column<T> } }
  /** Settings and definitions: admins and directors. */
  | 'config';

/** A field a `set_field` rule action may write, with the check its value must pass after interpolation. */
export interface SettableField<T extends Table> {
  column: Column<T>;
  schema: z.ZodType;
}

export interface RuleSpec<T extends Table> {
  /** Columns a rule's conditions and templates see as `record.<camelCase>`. */
  read: readonly Column<T>[];
  /** Fields a `set_field` action may write, by their API (camelCase) name. */
  settable: Readonly<Record<string, SettableField<T>>>;
  /** The event types a rule trigger `record.created` / `record.updated` on this kind listens to (null: none). */
  created: string;
  updated: string | null;
}

/**
 * What a hand-over does with a leaver's rows of this kind: `all` live rows, or only the `open` ones (status column
 * equal to 'open'); done work stays with the leaver as history.
 */
export interface HandoverSpec<T extends Table> {
  rows: 'live' | 'open';
  owner: Column<T>;
}

export interface RecordDecision<T extends Table> {
  /** The record kind: audit `entity`, event `entity`, rule trigger entity, attachment/custom-field owner kind. */
  kind: string;
  scope: ScopeSpec<T>;
  /**
   * Web-app path templates, first whose `:placeholders` (camelCase record fields) are all set wins; null: no page.
   */
  link: readonly string[] | null;
  audited: boolean;
  customFields: boolean;
  attachments: boolean;
  rules: RuleSpec<T> | null;
  handover: HandoverSpec<T> | null;
}

export interface InternalDecision {
  /** Why the table is not a record type of its own (log, queue, join or settings of another record). */
  internal: string;
}

/**
 * What a customer merge does to rows pointing at the merged customer: `move` re-points them, `move_touch` also bumps
 * `updated_at`, `custom` is handled by name in leads/merge.ts (its handler map is typed from this).
 */
export type MergePolicy = 'move' | 'move_touch' | 'custom';

type MergeDecision<T extends Table> = 'customer_id' extends keyof Database[T] ? { merge: MergePolicy } : { merge?: never };

export type TableDecision<T extends Table> = (RecordDecision<T> | InternalDecision) & MergeDecision<T>;

const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Settings and definitions: audited, readable by admins and directors, no owner. */
const settings = <K extends string>(kind: K) =>
  ({ kind, scope: 'config', link: null, audited: true, customFields: false, attachments: false, rules: null, handover: null }) as const;

export const REGISTRY = {
  customers: {
    kind: 'customer',
    scope: { owner: 'owner_id', teamPath: 'team_path' },
    link: ['/customers/:id'],
    audited: true,
    customFields: true,
    attachments: true,
    rules: {
      read: ['id', 'kind', 'name', 'phone', 'phone_normalized', 'name_normalized', 'region', 'industry', 'source', 'level', 'credit_code', 'owner_id', 'team_path', 'custom', 'created_at', 'updated_at', 'deleted_at'],
      settable: {
        level: { column: 'level', schema: z.string().max(50).nullable() },
        industry: { column: 'industry', schema: z.string().max(100).nullable() },
        source: { column: 'source', schema: z.string().max(100).nullable() },
        region: { column: 'region', schema: z.string().max(100).nullable() },
      },
      created: 'customer.created',
      updated: 'customer.updated',
    },
    handover: { rows: 'live', owner: 'owner_id' },
  },
  contacts: {
    kind: 'contact',
    scope: { viaCustomer: 'customer_id' },
    link: ['/customers/:customerId'],
    audited: true,
    customFields: false,
    attachments: false,
    rules: null,
    handover: null,
    merge: 'move_touch',
  },
  deals: {
    kind: 'deal',
    scope: { owner: 'owner_id', teamPath: 'team_path' },
    link: ['/deals/:id'],
    audited: true,
    customFields: true,
    attachments: true,
    rules: {
      read: ['id', 'title', 'customer_id', 'pipeline_id', 'stage_key', 'status', 'owner_id', 'team_path', 'amount_fen', 'expected_close_date', 'checklist', 'custom', 'stage_entered_at', 'created_at', 'updated_at'],
      settable: {
        title: { column: 'title', schema: text(200) },
        amountFen: { column: 'amount_fen', schema: z.coerce.number().int('must be whole fen').min(0) },
        expectedCloseDate: { column: 'expected_close_date', schema: calendarDate.nullable() },
      },
      created: 'deal.created',
      updated: 'deal.updated',
    },
    handover: { rows: 'open', owner: 'owner_id' },
    merge: 'move_touch',
  },
  activities: {
    kind: 'activity',
    scope: { owner: 'owner_id', teamPath: 'team_path' },
    link: ['/deals/:dealId', '/customers/:customerId'],
    audited: true,
    customFields: true,
    attachments: true,
    rules: {
      read: ['id', 'type', 'occurred_at', 'customer_id', 'deal_id', 'owner_id', 'team_path', 'contact_ids', 'summary', 'outcome', 'next_action', 'next_action_at', 'effective', 'custom', 'created_at'],
      settable: { outcome: { column: 'outcome', schema: z.string().max(2000).nullable() } },
      created: 'activity.logged',
      // Activities are logged, not updated.
      updated: null,
    },
    handover: null,
    merge: 'move',
  },
  tasks: {
    kind: 'task',
    scope: { owner: 'assignee_id', teamPath: 'team_path' },
    link: ['/deals/:dealId', '/customers/:customerId', '/tasks'],
    audited: true,
    customFields: false,
    attachments: false,
    rules: {
      read: ['id', 'title', 'assignee_id', 'team_path', 'due_at', 'customer_id', 'deal_id', 'status', 'completed_at', 'created_by', 'created_at', 'updated_at'],
      settable: {
        title: { column: 'title', schema: text(200) },
        dueAt: { column: 'due_at', schema: z.iso.datetime({ offset: true, error: 'must be an ISO instant' }).nullable() },
      },
      created: 'task.created',
      updated: 'task.updated',
    },
    handover: { rows: 'open', owner: 'assignee_id' },
    merge: 'move_touch',
  },
  appointments: {
    kind: 'appointment',
    scope: { owner: 'consultant_id', teamPath: 'team_path' },
    link: ['/appointments'],
    audited: true,
    customFields: false,
    attachments: false,
    rules: null,
    handover: null,
    merge: 'move_touch',
  },
  attachments: {
    kind: 'attachment',
    scope: { viaRecord: { kind: 'entity', id: 'entity_id' } },
    link: null,
    audited: true,
    customFields: false,
    attachments: false,
    rules: null,
    handover: null,
  },
  sla_interventions: {
    kind: 'sla_intervention',
    scope: { viaRecord: { kind: 'subject_type', id: 'subject_id' } },
    link: ['/interventions'],
    audited: true,
    customFields: false,
    attachments: false,
    rules: null,
    handover: null,
  },
  approval_requests: {
    kind: 'approval',
    scope: { owner: 'owner_id', teamPath: 'team_path' },
    link: ['/approvals/:id'],
    audited: true,
    customFields: false,
    attachments: false,
    rules: null,
    handover: null,
  },
  approval_delegations: {
    kind: 'approval_delegation',
    scope: { owner: 'owner_id', teamPath: 'team_path' },
    link: ['/approvals'],
    audited: true,
    customFields: false,
    attachments: false,
    rules: null,
    handover: null,
  },
  work_orders: {
    kind: 'work_order',
    // Audit and attachments follow the requester; the list also shows orders to their helpers (workorders/repo.ts).
    scope: { owner: 'requester_id', teamPath: 'team_path' },
    link: ['/work-orders/:id'],
    audited: true,
    customFields: false,
    attachments: true,
    rules: null,
    handover: null,
    merge: 'move',
  },
  work_order_types: { ...settings('work_order_type'), link: ['/admin/work-order-types'] },
  contracts: {
    kind: 'contract',
    scope: { owner: 'owner_id', teamPath: 'team_path' },
    link: ['/contracts/:id'],
    audited: true,
    customFields: false,
    attachments: true,
    rules: null,
    handover: null,
    merge: 'move',
  },
  money_settings: { ...settings('receivable_settings'), link: ['/receivables'] },
  assist_rule_sets: { ...settings('assist_rule_set'), link: ['/admin/assist-points'] },
  ownership_conflicts: { ...settings('ownership_conflict'), link: ['/ownership-conflicts'], merge: 'custom' },
  teams: settings('team'),
  users: { ...settings('user'), link: ['/admin/users'] },
  pipelines: { ...settings('pipeline'), link: ['/admin/pipelines/:id'] },
  custom_field_defs: { ...settings('custom_field'), link: ['/admin/fields'] },
  calendar_settings: { ...settings('calendar'), link: ['/admin/calendar'] },
  // A team's business hours and closures: audited under their own kind since they are edited on their own page.
  team_schedules: { ...settings('team_schedule'), link: ['/admin/team-hours'] },
  channels: { ...settings('channel'), link: ['/admin/channels'] },
  outbox: settings('outbox'),
  rules: { ...settings('rule'), link: ['/admin/rules/:id'] },
  cadences: { ...settings('cadence'), link: ['/admin/cadences'] },
  digest_settings: { ...settings('digest_settings'), link: ['/digests'] },
  dashboard_subscriptions: { ...settings('dashboard_subscription'), link: ['/dashboard'] },
  activity_checklists: settings('activity_checklist'),
  activity_settings: settings('activity_settings'),
  lead_settings: settings('lead_settings'),
  approval_routes: { ...settings('approval_route'), link: ['/admin/approval-routes'] },
  dictionary_entries: { ...settings('dictionary'), link: ['/admin/dictionaries'] },
  deal_settings: settings('deal_settings'),
  org_settings: { ...settings('org_settings'), link: ['/admin/settings'] },
  health_models: { ...settings('health_model'), link: ['/admin/health-model'] },
  health_retention_plans: {
    kind: 'retention_plan',
    scope: { owner: 'owner_id', teamPath: 'team_path' },
    link: ['/retention-plans/:id'],
    audited: true,
    customFields: false,
    attachments: false,
    rules: null,
    handover: null,
    merge: 'move',
  },

  sessions: { internal: 'login sessions of users' },
  api_tokens: { internal: 'API tokens of users' },
  login_throttle: { internal: 'failed-login counters' },
  idempotency_keys: { internal: 'stored answers of idempotent requests' },
  deal_stage_history: { internal: 'stage history of a deal' },
  deal_stage_totals: { internal: 'board counters per pipeline, stage, owner and team path, kept by database triggers on deals' },
  audit_log: { internal: 'the audit trail itself' },
  events: { internal: 'the event log' },
  event_consumptions: { internal: 'exactly-once bookkeeping of event consumers' },
  sla_timers: { internal: 'SLA engine state of deals and tasks' },
  consumer_watermarks: { internal: 'exactly-once bookkeeping of event consumers' },
  sla_firings: { internal: 'SLA engine log' },
  notifications: { internal: 'in-app inbox of a user' },
  notification_requests: { internal: 'idempotency keys of the outbox' },
  channel_sends: { internal: 'rate-limit log of channels' },
  sms_log: { internal: 'SMS provider log' },
  rule_runs: { internal: 'rule run log' },
  digests: { internal: 'sent digests' },
  dashboard_sends: { internal: 'pushed dashboard slots' },
  metric_views: { internal: 'expensive dashboard views of a user, materialised by the worker (metrics/snapshots.ts)' },
  metric_snapshots: { internal: 'materialised figures of a metric view' },
  metric_snapshot_facts: { internal: 'the fact rows a metric snapshot was computed from (its drill and export)' },
  // Runs of the moved deals and of the customer's other cadences move; their steps' tasks move with `tasks`.
  cadence_runs: { internal: 'cadence engine state of a deal', merge: 'move' },
  cadence_steps: { internal: 'cadence engine state of a run' },
  customer_opt_outs: { internal: 'a customer’s opt-out of cadences', merge: 'custom' },
  activity_checklist_answers: { internal: 'checklist answers of an activity' },
  lead_rr_cursors: { internal: 'round-robin counters of lead assignment' },
  // Assignment and pool history are the same real customer's story: the survivor's history tells all of it.
  lead_assignments: { internal: 'ownership history of a customer', merge: 'move' },
  customer_pool: { internal: 'pool (公海) membership of a customer', merge: 'custom' },
  pool_log: { internal: 'pool history of a customer', merge: 'move' },
  pool_runs: { internal: 'pool job slots' },
  approval_route_versions: { internal: 'published versions of an approval route (part of the route)' },
  approval_steps: { internal: 'steps of an approval request' },
  approval_assignees: { internal: 'approvers of an approval step' },
  approval_trail: { internal: 'the trail of an approval request (its own audit)' },
  approval_sla_firings: { internal: 'exactly-once SLA firings of approval steps' },
  work_order_type_versions: { internal: 'published versions of a work-order type (orders pin one)' },
  work_order_history: { internal: 'status history of a work order' },
  work_order_comments: { internal: 'comments of a work order' },
  work_order_escalations: { internal: 'escalation log of a work order' },
  assist_points: { internal: 'assist-point ledger of work orders' },
  imports: { internal: 'staged imports: an upload, its mapping, progress and counts (modules/imports)' },
  import_rows: { internal: 'per-row verdicts of a staged import' },
  import_row_keys: { internal: 'natural keys a running dry run has seen, for in-file duplicates (emptied when it ends)' },
  import_presets: { internal: 'saved column mappings of imports' },
  // Snapshots are the customer's history; the survivor keeps both chains (each is linked by prev_id, not by customer).
  health_scores: { internal: 'append-only health score snapshots of a customer', merge: 'move' },
  customer_health: { internal: 'latest health snapshot per customer (a projection)', merge: 'custom' },
  health_runs: { internal: 'nightly health run per local date' },
  customer_aliases: { internal: 'other spellings of a customer for the free-text quick-log (modules/quicklog)', merge: 'move' },
  material_links: { internal: 'tracked material links of a customer (modules/materials)', merge: 'move' },
  material_opens: { internal: 'opens of a tracked material link', merge: 'move' },
  material_link_firings: { internal: '"not opened within N hours" firings of material links' },
  callback_settings: { internal: 'random call-back share and checker per team' },
  callback_draws: { internal: 'monthly random call-back draws (seed recorded)' },
  callback_items: { internal: 'customers drawn for a call-back', merge: 'move' },
  callback_results: { internal: 'call-back results (facts)' },
  contract_sequences: { internal: 'contract-number counters' },
  contract_plan_versions: { internal: 'payment-plan versions of a contract (audited on the contract)' },
  contract_instalments: { internal: 'instalment lines of a contract and their timers' },
  contract_instalment_terms: { internal: 'terms of an instalment per plan version' },
  payments: { internal: 'payments of a contract: append-only ledger facts (audited on the contract)', merge: 'move' },
  payment_allocations: { internal: 'allocations of payments to instalments (ledger facts)' },
  payment_claims: { internal: 'payment claims of a contract (audited on the contract)' },
  receivable_escalations: { internal: 'exactly-once escalation firings of instalments' },
  team_finance_partners: { internal: 'finance partner of a team (org settings, audited on the team)' },
  activity_tag_defs: { internal: 'action vocabulary: admin-configured activity tags (config, /api/activity-tags)' },
  activity_tags: { internal: 'tags an activity carries (part of the activity)' },
  pattern_settings: { internal: 'versions of the predictive thresholds (modules/patterns)' },
  pattern_runs: { internal: 'mining runs and model cards of a pipeline (modules/patterns)' },
  patterns: { internal: 'mined patterns of a pipeline, derived by each run (modules/patterns)' },
  pattern_deals: { internal: 'historical deals behind a mined pattern (its drill-down)' },
  deal_risk_flags: { internal: 'live risk flags of a deal, derived from its events (modules/patterns)' },
  risk_sweeps: { internal: 'slots of the risk sweep job' },
  platform_connections: { ...settings('platform_connection'), link: ['/admin/platforms'] },
  platform_tokens: { internal: 'cached access tokens of platform apps' },
  platform_links: { internal: 'platform ids bound to users, teams and customers' },
  platform_user_prefs: { internal: 'a user’s choice of personal platform messages' },
  platform_cards: { internal: 'interactive cards sent to a person' },
  platform_card_actions: { internal: 'once-only actions taken through a card' },
  platform_sync_runs: { internal: 'contact-sync runs (plans and results)' },
  platform_sends: { internal: 'rate-limit log of platform app messages' },
} as const satisfies { [T in Table]: TableDecision<T> };

type Registry = typeof REGISTRY;
type RecordTable = { [T in Table]: Registry[T] extends { kind: string } ? T : never }[Table];
export type RecordKind = { [T in RecordTable]: Registry[T] extends { kind: infer K } ? K : never }[RecordTable];
/** The table of a record kind. */
export type TableOf<K extends RecordKind> = { [T in RecordTable]: Registry[T] extends { kind: K } ? T : never }[RecordTable];

type KindWhere<P> = { [T in RecordTable]: Registry[T] extends P & { kind: infer K } ? K : never }[RecordTable];
export type AuditedKind = KindWhere<{ audited: true }>;
export type CustomFieldKind = KindWhere<{ customFields: true }>;
export type AttachmentKind = KindWhere<{ attachments: true }>;
export type RuleKind = KindWhere<{ rules: object }>;
export type HandoverKind = KindWhere<{ handover: object }>;
/** Tables a hand-over moves (leads/handover.ts must report a count for each). */
export type HandoverTable = { [T in RecordTable]: Registry[T] extends { handover: object } ? T : never }[RecordTable];
/** Record kinds that carry their own owner and team-path columns: the tables `scopeFilter` works on. */
export type OwnedTable = { [T in RecordTable]: Registry[T]['scope'] extends { owner: string } ? T : never }[RecordTable];
export type CustomerReferenceTable = { [T in Table]: Registry[T] extends { merge: MergePolicy } ? T : never }[Table];
export type CustomMergeTable = { [T in Table]: Registry[T] extends { merge: 'custom' } ? T : never }[Table];

export interface RecordEntry<T extends Table = Table> extends RecordDecision<T> {
  table: T;
}

const entries = Object.entries(REGISTRY) as Array<[Table, (RecordDecision<Table> | InternalDecision) & { merge?: MergePolicy }]>;

/** Every record type, in registry order. */
export const RECORDS: readonly RecordEntry[] = entries.flatMap(([table, d]) => ('kind' in d ? [{ ...(d as RecordDecision<Table>), table }] : []));

const byKind = new Map(RECORDS.map((r) => [r.kind, r]));

export function recordOf<K extends RecordKind>(kind: K): RecordEntry<TableOf<K>>;
export function recordOf(kind: string): RecordEntry | undefined;
export function recordOf(kind: string): unknown {
  return byKind.get(kind);
}

const kindsWhere = <K extends string>(test: (r: RecordEntry) => boolean) => RECORDS.filter(test).map((r) => r.kind) as unknown as readonly [K, ...K[]];

export const AUDITED_KINDS = kindsWhere<AuditedKind>((r) => r.audited);
export const CUSTOM_FIELD_KINDS = kindsWhere<CustomFieldKind>((r) => r.customFields);
export const ATTACHMENT_KINDS = kindsWhere<AttachmentKind>((r) => r.attachments);
export const RULE_KINDS = kindsWhere<RuleKind>((r) => r.rules !== null);
export const HANDOVER_KINDS = kindsWhere<HandoverKind>((r) => r.handover !== null);

/** Tables with a `customer_id` column and what a merge does to each. */
export const CUSTOMER_REFERENCES = Object.fromEntries(entries.flatMap(([table, d]) => (d.merge ? [[table, d.merge]] : []))) as unknown as Record<CustomerReferenceTable, MergePolicy>;

type SoftDeletedTable = { [T in Table]: 'deleted_at' extends keyof Database[T] ? T : never }[Table];
/** Tables whose rows are soft-deleted (`deleted_at`): such a row is gone for reads that want live records. */
export const SOFT_DELETED: Record<SoftDeletedTable, true> = { customers: true };

/** The rule spec of a rule kind (conditions' readable columns, settable fields, trigger events). */
export function ruleSpecOf(kind: RuleKind): RuleSpec<Table> {
  return recordOf(kind).rules as RuleSpec<Table>;
}

/** The web-app path of a record: the first template whose placeholders the record fills; null when none. */
export function linkOf(kind: string, record: Record<string, unknown>): string | null {
  for (const template of recordOf(kind)?.link ?? []) {
    let complete = true;
    const path = template.replace(/:([A-Za-z]+)/g, (_m, key: string) => {
      const value = record[key];
      if (value === null || value === undefined || value === '') complete = false;
      return encodeURIComponent(String(value));
    });
    if (complete) return path;
  }
  return null;
}

/** What the web app needs of the registry; written to web/src/api/entities.gen.ts by `npm run gen:entities`. */
export function webEntities() {
  return {
    auditedKinds: [...AUDITED_KINDS],
    customFieldKinds: [...CUSTOM_FIELD_KINDS],
    attachmentKinds: [...ATTACHMENT_KINDS],
    ruleKinds: [...RULE_KINDS],
    ruleUpdatable: RULE_KINDS.filter((k) => ruleSpecOf(k).updated !== null),
    settableFields: Object.fromEntries(RULE_KINDS.map((k) => [k, Object.keys(ruleSpecOf(k).settable)])),
  };
}
