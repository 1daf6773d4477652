/**
 * Row types of every table, shared by both dialects. Conventions chosen once:
 * ids are text UUIDs; instants are ISO-8601 UTC text (`...Z`, with ms); calendar dates are `YYYY-MM-DD` text;
 * money is integer fen; booleans are 0/1 integers; JSON is text.
 */
import type { Generated } from 'kysely';

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
}

export interface CustomersTable {
  id: string;
  kind: string; // company | person
  name: string;
  phone: string | null;
  phone_normalized: string | null;
  /** Company-name duplicate key (leads/normalize.ts); optional on insert, the customers repo fills it. */
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
  custom_field_defs: CustomFieldDefsTable;
  activities: ActivitiesTable;
  tasks: TasksTable;
  attachments: AttachmentsTable;
  audit_log: AuditLogTable;
  events: EventsTable;
  event_consumptions: EventConsumptionsTable;
  calendar_settings: CalendarSettingsTable;
  sla_timers: SlaTimersTable;
  sla_firings: SlaFiringsTable;
  sla_interventions: SlaInterventionsTable;
  channels: ChannelsTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
  notification_requests: NotificationRequestsTable;
  channel_sends: ChannelSendsTable;
  sms_log: SmsLogTable;
  rules: RulesTable;
  rule_runs: RuleRunsTable;
  cadences: CadencesTable;
  cadence_runs: CadenceRunsTable;
  cadence_steps: CadenceStepsTable;
  customer_opt_outs: CustomerOptOutsTable;
  activity_checklists: ActivityChecklistsTable;
  activity_checklist_answers: ActivityChecklistAnswersTable;
  activity_settings: ActivitySettingsTable;
  appointments: AppointmentsTable;
  digest_settings: DigestSettingsTable;
  digests: DigestsTable;
  lead_settings: LeadSettingsTable;
  lead_rr_cursors: LeadRrCursorsTable;
  lead_assignments: LeadAssignmentsTable;
  ownership_conflicts: OwnershipConflictsTable;
  customer_pool: CustomerPoolTable;
  pool_log: PoolLogTable;
  pool_runs: PoolRunsTable;
}

/** The org's working-day calendar (one row, id 'org'); absent means the defaults. */
export interface CalendarSettingsTable {
  id: string;
  time_zone: string;
  rest_weekdays: string; // JSON array of ISO weekdays
  extra_days_off: string; // JSON array of YYYY-MM-DD
  extra_workdays: string; // JSON array of YYYY-MM-DD
  updated_by: string | null;
  updated_at: string;
}

/** One SLA clock on a subject (a deal's stage dwell or a task's due time) walking an escalation ladder. */
export interface SlaTimersTable {
  id: string;
  subject_type: string; // deal | task
  subject_id: string;
  kind: string; // stage_dwell | stage_idle | task_due
  stage_key: string | null;
  ladder: string; // JSON: the expanded ladder (sla/ladder.ts)
  anchor_at: string;
  /** 1-based level that fires next (ladder length + 1 once exhausted). */
  next_level: number;
  due_at: string | null;
  last_due_at: string | null;
  level_reached: number;
  colour: string; // on_time | yellow | red
  status: string; // active | exhausted | cancelled
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface SlaFiringsTable {
  id: string;
  timer_id: string;
  level: number;
  subject_type: string;
  subject_id: string;
  due_at: string;
  fired_at: string;
  recipients: string; // JSON array of user ids
  channels: string; // JSON array
}

export interface SlaInterventionsTable {
  id: string;
  timer_id: string;
  level: number;
  user_id: string;
  subject_type: string;
  subject_id: string;
  status: string; // open | resolved
  note: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** A delivery channel: group robot of a team (and its subtree), SMTP server or SMS provider. */
export interface ChannelsTable {
  id: string;
  kind: string; // wecom | dingtalk | feishu | email | sms
  name: string;
  /** Robots serve this team and its subtree; null = the whole company. */
  team_id: string | null;
  settings: string; // JSON, non-secret (format, locale, SMTP host, ...)
  secrets: string; // JSON, write-only through the API (webhook URL with key, signing secret, SMTP password)
  rate_per_minute: number | null; // null = the kind's documented limit
  rate_per_second: number | null;
  enabled: number;
  created_at: string;
  updated_at: string;
}

/** One message to deliver; written in the transaction of its cause, delivered by the dispatcher job. */
export interface OutboxTable {
  id: string;
  idempotency_key: string;
  channel_id: string | null;
  kind: string; // wecom | dingtalk | feishu | email | sms | webhook
  recipient: string; // user id, e-mail address, phone or URL
  payload: string; // JSON
  status: string; // pending | sent | dead
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
  created_at: string;
  sent_at: string | null;
}

/** The in-app inbox (bell). */
export interface NotificationsTable {
  id: string;
  user_id: string;
  title: string;
  title_en: string | null;
  body: string;
  body_en: string | null;
  link: string | null; // app path such as /deals/<id>
  subject_type: string | null;
  subject_id: string | null;
  read_at: string | null;
  created_at: string;
  idempotency_key: string;
}

export interface NotificationRequestsTable {
  idempotency_key: string;
  created_at: string;
}

export interface ChannelSendsTable {
  id: string;
  channel_id: string;
  sent_at: string;
}

export interface SmsLogTable {
  id: string;
  channel_id: string | null;
  phone: string;
  template: string;
  params: string; // JSON
  sent_at: string;
}

/** An automation rule (if … then …); `definition` is the JSON document the API and YAML round-trip. */
export interface RulesTable {
  id: string;
  key: string;
  name: string;
  name_en: string | null;
  enabled: number;
  trigger_type: string; // record.created | record.updated | deal.stage_changed | sla.level_reached | task.overdue | schedule
  definition: string; // JSON: rules/definition.ts
  version: number;
  /** Schedules count slots after this instant (set on create, enable and cron change) so old slots never fire. */
  schedule_from: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One run of a rule for one cause; UNIQUE(rule_id, event_id) makes it once per (rule, event or cron slot). */
export interface RuleRunsTable {
  id: string;
  rule_id: string;
  event_id: string; // events.id, or schedule:<ISO instant>
  trigger_type: string;
  scheduled_for: string | null;
  status: string; // running | succeeded | failed | skipped
  input: string; // JSON: the context the conditions saw
  outcome: string | null; // JSON: { matched, actions: [...] } or the skip reason
  error: string | null;
  started_at: string;
  duration_ms: number | null;
}

/** A store appointment (seed 000): booked → arrived | no_show | cancelled; a late arrival clears a no-show. */
export interface AppointmentsTable {
  id: string;
  customer_id: string;
  phone: string; // as entered
  phone_normalized: string;
  store_id: string; // the consultant's team at booking time
  team_path: string; // the store's path: scope predicate
  consultant_id: string;
  at: string;
  duration_minutes: number;
  note: string | null;
  status: string; // booked | arrived | no_show | cancelled
  no_show_due_at: string; // at + 30 min
  no_show_at: string | null;
  late: number; // 1 = checked in after being marked no-show
  checked_in_at: string | null;
  checked_in_by: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  followup_user_id: string | null;
  followup_task_id: string | null;
  reassigned_at: string | null;
  reassigned_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Daily digest settings of one store/team; absent until the digest job or an admin first writes it. */
export interface DigestSettingsTable {
  team_id: string;
  cron: string; // five fields, org time zone
  enabled: number;
  channel_ids: string | null; // JSON array of robot channel ids; null = the robots serving the team
  /** Slots count after this instant (set on create, enable and cron change) so old slots never fire. */
  schedule_from: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One digest as sent; UNIQUE(team_id, date, slot) is claimed before sending, so each slot's digest exists once. */
export interface DigestsTable {
  id: string;
  team_id: string;
  date: string; // local YYYY-MM-DD of the slot
  slot: string; // local HH:mm of the slot
  scheduled_for: string;
  late: number;
  content: string; // JSON: digests/content.ts DigestContent
  markdown: string; // JSON: { "zh-CN": {title, body}, en: {title, body} }
  channel_ids: string; // JSON array: robots it was queued to
  created_at: string;
}

/** A follow-up cadence (节奏); `definition` is the JSON document the API and YAML round-trip (cadences/definition.ts). */
export interface CadencesTable {
  id: string;
  key: string;
  name: string;
  name_en: string | null;
  definition: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One cadence started on one deal, for the stage it was in. */
export interface CadenceRunsTable {
  id: string;
  cadence_id: string;
  cadence_key: string;
  deal_id: string;
  customer_id: string;
  stage_key: string;
  anchor_at: string;
  status: string; // active | completed | stopped
  stop_reason: string | null; // stage_left | won | lost | opted_out | anchor_missing | owner_inactive
  started_by: string; // user id, rule:<id> or stage:<key>
  started_at: string;
  ended_at: string | null;
}

/** One step of a run: its task, due time and the deliverable given on completion. */
export interface CadenceStepsTable {
  id: string;
  run_id: string;
  step_index: number;
  step_key: string;
  spec: string; // JSON: the step as defined when the run started
  task_id: string | null;
  due_at: string;
  status: string; // open | done | cancelled | skipped
  deliverable: string | null; // JSON
  completed_at: string | null;
}

export interface CustomerOptOutsTable {
  customer_id: string;
  reason: string | null;
  by: string;
  at: string;
}

/** Checklist an activity type requires (动作锁). */
export interface ActivityChecklistsTable {
  type: string;
  mode: string; // off | require | count
  items: string; // JSON array of { key, label, labelEn?, hint?, hintEn? }
  updated_by: string | null;
  updated_at: string;
}

export interface ActivityChecklistAnswersTable {
  activity_id: string;
  type: string;
  answers: string; // JSON: item key → { done, note? }
  complete: number;
  created_at: string;
}

/** Org-wide activity settings (one row, id 'org'). */
export interface ActivitySettingsTable {
  id: string;
  effective_rule: string; // JSON: activities/effective.ts EffectRule
  updated_by: string | null;
  updated_at: string;
}

/** Lead assignment rules and pool settings (one row, id 'org'); JSON documents of leads/schema.ts. */
export interface LeadSettingsTable {
  id: string;
  assignment: string;
  pool: string;
  updated_by: string | null;
  updated_at: string;
}

export interface LeadRrCursorsTable {
  key: string;
  counter: number;
}

/** One change of a customer's owner made by the leads module (rule, transfer, claim, hand-over, merge). */
export interface LeadAssignmentsTable {
  id: string;
  customer_id: string;
  user_id: string;
  previous_owner_id: string | null;
  team_id: string | null;
  rule: string;
  method: string; // round_robin | least_load | transfer | claim | handover | manual
  reason: string;
  actor_id: string | null;
  at: string;
}

export interface OwnershipConflictsTable {
  id: string;
  customer_id: string;
  duplicate_id: string | null;
  requester_id: string;
  requester_team_path: string;
  owner_id: string;
  owner_team_path: string;
  reason: string;
  status: string; // open | resolved
  resolution: string | null; // keep | transfer | merge
  merge_into: string | null;
  note: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

/** A customer in its team's pool (公海); the row goes when someone claims it. */
export interface CustomerPoolTable {
  customer_id: string;
  team_id: string;
  team_path: string;
  former_owner_id: string;
  reason: string;
  pooled_at: string;
}

export interface PoolLogTable {
  id: string;
  customer_id: string;
  action: string; // return | claim
  user_id: string;
  team_id: string;
  reason: string;
  actor_id: string | null;
  at: string;
}

export interface PoolRunsTable {
  slot: string;
  started_at: string;
  returned: number;
}
