/**
 * Row types of the action vocabulary (activity tags) and predictive intervention (modules/patterns), migration 0026.
 */
import type { Generated } from 'kysely';

/** An admin-configured action tag (price_confirmation, technical_comparison, …) that activities may carry. */
export interface ActivityTagDefsTable {
  key: string;
  label: string;
  label_en: string | null;
  /** What to do, shown when a pattern suggests logging this action (e.g. 发送技术参数对比表). */
  suggestion: string | null;
  suggestion_en: string | null;
  active: number;
  sort: number;
  /** `action` (what was done) or `need` (a customer need / pain point recorded; action consistency compares these). */
  category: Generated<string>;
  created_at: string;
  updated_at: string;
}

/** The tags an activity carries (written with the activity, never edited afterwards). */
export interface ActivityTagsTable {
  activity_id: string;
  tag_key: string;
}

/** Predictive settings: append-only versions; a mining run pins the version it used. */
export interface PatternSettingsTable {
  version: number;
  settings: string; // JSON (patterns/settings.ts)
  created_at: string;
  created_by: string | null;
}

/** One mining run of one pipeline: what it used and the model card / backtest it produced. */
export interface PatternRunsTable {
  id: string;
  pipeline_id: string;
  settings_version: number;
  /** manual | schedule */
  trigger: string;
  /** Local date of the scheduled slot (unique with the pipeline: one scheduled run a day), null for on-demand runs. */
  slot: string | null;
  started_at: string;
  /** Closed deals the run looked at, and the time split of the backtest. */
  deals_used: number;
  cold_start: number;
  card: string; // JSON model card (patterns/backtest.ts)
}

/** A mined pattern (derived: replaced by every run of its pipeline; the id is stable across runs). */
export interface PatternsTable {
  id: string;
  pipeline_id: string;
  run_id: string;
  template: string; // k_without | no_followup | k_in_stage
  params: string; // JSON
  kind: string; // risk | positive
  description: string;
  description_en: string;
  suggestion: string | null;
  suggestion_en: string | null;
  support: number;
  outcome_count: number;
  outcome_rate: number;
  ci_low: number;
  ci_high: number;
  baseline: number;
  lift: number;
  surfaced: number;
  mined_at: string;
}

/** The historical deals behind a pattern (its drill-down): support = the number of rows. */
export interface PatternDealsTable {
  pattern_id: string;
  deal_id: string;
  /** won | lost */
  outcome: string;
  matched_at: string;
  closed_at: string;
}

/** A live flag on an open deal: current state, derived from events; its raise/clear history is in `events`. */
export interface DealRiskFlagsTable {
  id: string;
  deal_id: string;
  /** pattern:<id> or rule:<key> */
  source_key: string;
  kind: string; // pattern | rule
  pattern_id: string | null;
  active: number;
  evidence: string; // JSON { sentence, sentenceEn, … }
  suggestion: string | null;
  suggestion_en: string | null;
  /** Whether this deal is in the holdout share (flag recorded, no suggestion, no notification). */
  holdout: number;
  first_raised_at: string;
  raised_at: string;
  cleared_at: string | null;
  last_notified_at: string | null;
  notify_count: number;
}

/** Scheduled sweeps (time-driven conditions such as "no interaction within N working days"): one row per slot. */
export interface RiskSweepsTable {
  slot: string;
  ran_at: string;
  deals: number;
}

export interface PredictiveTables {
  activity_tag_defs: ActivityTagDefsTable;
  activity_tags: ActivityTagsTable;
  pattern_settings: PatternSettingsTable;
  pattern_runs: PatternRunsTable;
  patterns: PatternsTable;
  pattern_deals: PatternDealsTable;
  deal_risk_flags: DealRiskFlagsTable;
  risk_sweeps: RiskSweepsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends PredictiveTables {}
}
