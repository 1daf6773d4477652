/** Tables of the metrics module: materialised dashboard views (migration 0051). */

/** A dashboard view asked for whose live query was expensive: a metric with one set of filters in one scope. */
export interface MetricViewsTable {
  /** Hash of metric, filters and the scope fingerprint (snapshots.ts `viewOf`). */
  id: string;
  /** Who asked last: the worker builds the view as this user. */
  user_id: string;
  metric: string;
  filters: string; // JSON MetricFilters as given (a default period stays "the last 30 days")
  /** Scope and hidden fields (snapshots.ts `fingerprintOf`): callers alike share the view, no one else is served it. */
  fingerprint: string;
  live_ms: number;
  live_rows: number;
  requested_at: string;
  refreshed_at: string | null;
  /** A worker building it holds it until then (several processes build a view once). */
  claimed_until: string | null;
  created_at: string;
}

export interface MetricSnapshotsTable {
  id: string;
  view_id: string;
  /** The instant the facts were read: the answer's `asOf`. */
  as_of: string;
  from_date: string;
  to_date: string;
  pipeline_id: string | null;
  answer: string; // JSON: the metric's answer, computed from exactly the rows in metric_snapshot_facts
  row_count: number;
  built_ms: number;
  /** 0 while its facts are being written. */
  ready: number;
  created_at: string;
}

export interface MetricSnapshotFactsTable {
  snapshot_id: string;
  /** Position in the facts' `row_id` order: drill pages and exports keep the live query's order. */
  seq: number;
  record_id: string;
  deal_id: string | null;
  at: string | null;
  kind: string;
  d0: string | null;
  d1: string | null;
  d2: string | null;
  d3: string | null;
  d4: string | null;
  d5: string | null;
  vals: string | null; // JSON: the metric's own columns besides these and its dimensions (amount, tags …), null if none
}

export interface MetricTables {
  metric_views: MetricViewsTable;
  metric_snapshots: MetricSnapshotsTable;
  metric_snapshot_facts: MetricSnapshotFactsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends MetricTables {}
}
