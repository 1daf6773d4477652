/** Row types of customer health (modules/health, migration 0023). Conventions as in schema.ts. */

/** Published versions of the one health model; the highest version is in force. */
export interface HealthModelsTable {
  version: number;
  name: string;
  definition: string; // JSON: health/definition.ts
  /** Colour changes caused only by switching to this version fire playbooks (0 = they do not). */
  fire_playbooks: number;
  created_at: string;
  created_by: string | null;
}

/**
 * Append-only score snapshots. A snapshot is written only when something differs from the previous one; `prev_id`
 * (UNIQUE, `root:<customer>` for the first) chains them, so two processes computing the same customer from the same
 * previous snapshot cannot both write — the loser writes and emits nothing.
 */
export interface HealthScoresTable {
  id: string;
  prev_id: string;
  customer_id: string;
  model_version: number;
  computed_at: string;
  /** Local date (org time zone) of the computation: pending colour changes count once per date. */
  local_date: string;
  score: number;
  colour: string; // green | yellow | red | grey
  /** JSON { colour, count, lastDate } | null: the unconfirmed colour the score points at. */
  pending: string | null;
  coverage: number;
  /** 1 while the trend rule (drop ≥ N in D days) holds. */
  trend_alert: number;
  contributions: string; // JSON: score.ts Contribution[]
  /** What changed the colour in this snapshot, if it did: initial | confirmed | severe | coverage | model_switch. */
  colour_reason: string | null;
}

/** The latest snapshot per customer (a projection rewritten with each snapshot), for lists and filters. */
export interface CustomerHealthTable {
  customer_id: string;
  snapshot_id: string;
  score: number;
  colour: string;
  trend_alert: number;
  model_version: number;
  computed_at: string;
}

/** One nightly run per local date; `cursor` (last customer id done) lets any process continue it after a crash. */
export interface HealthRunsTable {
  local_date: string;
  model_version: number;
  scheduled_for: string;
  cursor: string;
  customers: number;
  written: number;
  started_at: string;
  finished_at: string | null;
}

/** 挽留计划: what the seller must file, with required evidence, after a customer turned red. */
export interface HealthRetentionPlansTable {
  id: string;
  customer_id: string;
  owner_id: string;
  team_path: string;
  /** The event that opened it: UNIQUE, so one red transition opens one plan. */
  cause_event_id: string;
  status: string; // open | filed
  required: string; // JSON [{ key, name }]
  evidence: string; // JSON { key: text }
  plan: string | null;
  /** The clock's due instant, kept for ordering and wake-ups; recounted from `clock_target` when it comes. */
  due_at: string;
  /** The SLA clock's target (`3wd`), counted from `created_at` (migration 0033; null for older plans: due_at holds). */
  clock_target: string | null;
  /** The team whose calendar the clock counts on (the owner's team when opened; null: the default schedule). */
  clock_team_id: string | null;
  filed_at: string | null;
  filed_by: string | null;
  escalated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HealthTables {
  health_models: HealthModelsTable;
  health_scores: HealthScoresTable;
  customer_health: CustomerHealthTable;
  health_runs: HealthRunsTable;
  health_retention_plans: HealthRetentionPlansTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends HealthTables {}
}
