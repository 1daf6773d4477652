/** Row types of the frontline flows: appointments, digests, cadences, activity checklists, leads and the pool. Conventions as in schema.ts. */

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

export interface FrontlineTables {
  appointments: AppointmentsTable;
  digest_settings: DigestSettingsTable;
  digests: DigestsTable;
  cadences: CadencesTable;
  cadence_runs: CadenceRunsTable;
  cadence_steps: CadenceStepsTable;
  customer_opt_outs: CustomerOptOutsTable;
  activity_checklists: ActivityChecklistsTable;
  activity_checklist_answers: ActivityChecklistAnswersTable;
  activity_settings: ActivitySettingsTable;
  lead_settings: LeadSettingsTable;
  lead_rr_cursors: LeadRrCursorsTable;
  lead_assignments: LeadAssignmentsTable;
  ownership_conflicts: OwnershipConflictsTable;
  customer_pool: CustomerPoolTable;
  pool_log: PoolLogTable;
  pool_runs: PoolRunsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends FrontlineTables {}
}
