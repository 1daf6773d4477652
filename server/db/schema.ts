/**
 * Row types shared by both dialects: the foundation tables here, the engine and frontline tables in the sibling files,
 * all joined in `Database`. Conventions chosen once:
 * ids are text UUIDs; instants are ISO-8601 UTC text (`...Z`, with ms); calendar dates are `YYYY-MM-DD` text;
 * money is integer fen; booleans are 0/1 integers; JSON is text.
 */
import type { Generated } from 'kysely';

export type * from './schema-engine.js';
export type * from './schema-frontline.js';
export type * from './schema-workorders.js';

export type Role = 'seller' | 'lead' | 'regional_manager' | 'director' | 'finance' | 'support' | 'admin';
export const ROLES: readonly Role[] = ['seller', 'lead', 'regional_manager', 'director', 'finance', 'support', 'admin'];

export interface TeamsTable {
  id: string;
  parent_id: string | null;
  name: string;
  kind: string; // company | region | store | team
  /** Materialised path of ids, `/root/region/store/`: a subtree is a prefix range, so scope filters use an index. */
  path: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  team_id: string;
  /** Copy of the team's path; kept in step by the org module whenever a user moves. */
  team_path: string;
  phone: string | null;
  email: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Null for tokens created before expiry existed (they do not expire). */
  expires_at: string | null;
}

export interface CustomersTable {
  id: string;
  kind: string; // company | person
  name: string;
  phone: string | null;
  phone_normalized: string | null;
  /** Company-name duplicate key (customers/normalize.ts); optional on insert, the customers repo fills it. */
  name_normalized?: string | null;
  region: string | null;
  industry: string | null;
  source: string | null;
  level: string | null;
  credit_code: string | null;
  owner_id: string;
  /** Owner's team path at the time of writing: the scope predicate of every list. */
  team_path: string;
  custom: string; // JSON object of custom field values
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ContactsTable {
  id: string;
  customer_id: string;
  name: string;
  title: string | null;
  decision_power: string | null; // decision_maker | influencer | user | none
  phone: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
}

export interface PipelinesTable {
  id: string;
  key: string;
  name: string;
  name_en: string | null;
  template_key: string | null;
  /** The pipeline definition (stages and their gates) as JSON; the same document YAML import/export round-trips. */
  definition: string;
  version: number;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface DealsTable {
  id: string;
  title: string;
  customer_id: string;
  pipeline_id: string;
  stage_key: string;
  status: string; // open | won | lost
  owner_id: string;
  team_path: string;
  amount_fen: number;
  expected_close_date: string | null;
  /** JSON: checklist item key → { done, note?, by, at } */
  checklist: string;
  custom: string;
  stage_entered_at: string;
  created_at: string;
  updated_at: string;
  /** Key of the `lost_reason` dictionary entry while the deal is lost (migration 0018); null otherwise. */
  lost_reason?: string | null;
  lost_at?: string | null;
}

/**
 * Number and amount of the deals per (pipeline, stage, owner, team path): the board's headers (issue 19). Maintained
 * only by the database triggers of migration 0045 on `deals`; no code writes it. Rows at n = 0 are kept.
 */
export interface DealStageTotalsTable {
  pipeline_id: string;
  stage_key: string;
  owner_id: string;
  team_path: string;
  n: number;
  amount_fen: number;
}

export interface DealStageHistoryTable {
  id: string;
  deal_id: string;
  stage_key: string;
  entered_at: string;
  left_at: string | null;
  entered_by: string | null;
  /** How the deal entered this stage: created | forward | backward | skip */
  direction: string;
  skip_reason: string | null;
  /** Lost-reason key when the deal entered a lost stage (migration 0018). */
  lost_reason?: string | null;
}

export interface CustomFieldDefsTable {
  id: string;
  entity: string; // customer | deal | activity
  key: string;
  label: string;
  label_en: string | null;
  type: string; // text | number | money | date | select | multiselect | user | attachment
  options: string; // JSON array of select options
  required: number;
  created_at: string;
}

export interface ActivitiesTable {
  id: string;
  type: string; // call | visit | wechat | email | demo | materials | other
  occurred_at: string;
  customer_id: string;
  deal_id: string | null;
  owner_id: string;
  team_path: string;
  contact_ids: string; // JSON array
  summary: string;
  outcome: string | null;
  next_action: string | null;
  next_action_at: string | null;
  effective: number;
  custom: string;
  created_at: string;
}

export interface TasksTable {
  id: string;
  title: string;
  assignee_id: string;
  team_path: string;
  due_at: string | null;
  customer_id: string | null;
  deal_id: string | null;
  status: string; // open | done | cancelled
  completed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AttachmentsTable {
  id: string;
  entity: string; // customer | deal | activity
  entity_id: string;
  kind: string; // evidence kind such as trial_agreement, or "other"
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  entity: string;
  entity_id: string;
  action: string; // create | update | delete | move | ...
  actor_id: string | null;
  at: string;
  before: string | null;
  after: string | null;
}

export interface EventsTable {
  /** Monotonic sequence; consumers remember what they processed per consumer. */
  seq: Generated<number>;
  id: string;
  type: string; // deal.created, deal.stage_changed, activity.logged, task.completed, ...
  entity: string;
  entity_id: string;
  actor_id: string | null;
  payload: string;
  occurred_at: string;
}

export interface EventConsumptionsTable {
  consumer: string;
  event_id: string;
  processed_at: string;
}

/**
 * Every table of both dialects. The foundation tables are listed here; each sibling `schema-<area>.ts` joins its own
 * tables by augmenting this interface (`declare module './schema.js' { interface Database extends AreaTables {} }`),
 * so adding a schema file touches no shared list and the registry (core/entities.ts) still sees every table.
 */
export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  pipelines: PipelinesTable;
  deals: DealsTable;
  deal_stage_history: DealStageHistoryTable;
  deal_stage_totals: DealStageTotalsTable;
  custom_field_defs: CustomFieldDefsTable;
  activities: ActivitiesTable;
  tasks: TasksTable;
  attachments: AttachmentsTable;
  audit_log: AuditLogTable;
  events: EventsTable;
  event_consumptions: EventConsumptionsTable;
}
