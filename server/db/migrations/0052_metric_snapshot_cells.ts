import { sql, type Kysely } from 'kysely';

/**
 * `metric_snapshot_facts_by_cell`: a snapshot's facts by their first two dimensions, then in row order. A drill into
 * one cell of a large snapshot counted the cell by reading every row of the snapshot and walked them in row order until
 * its first page was full (the director's funnel, 504,015 rows, the cohort cell of one stage: count 132 ms on SQLite,
 * the page up to the whole snapshot when the cell's rows come late). With the index both read the range of the cell's
 * leading dimensions (view and stage, stage and state, …). Two, not more: a build inserts its rows in row order, so
 * each distinct prefix is a place the index is written at — stage × state is a dozen, with the seller as a third
 * dimension thousands, which doubled the director's builds on SQLite (dwell 12 → 30 s) for little on the drill.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists metric_snapshot_facts_by_cell on metric_snapshot_facts (snapshot_id, d0, d1, seq)`.execute(db);
}
