import { sql, type Kysely } from 'kysely';

/**
 * `metric_snapshot_facts_by_cell`: a snapshot's facts by their first three dimensions, then in row order. A drill
 * into one cell of a large snapshot counted the cell by reading every row of the snapshot and walked them in row order
 * until its first page was full (the director's funnel, 504,015 rows, the cohort cell of one stage: count 132 ms on
 * SQLite, the page up to the whole snapshot when the cell's rows come late). With the index both are a range of the
 * cell's own entries. Three dimensions cover the cells a chart segment names (view, stage, outcome or state); a cell
 * that leaves out a leading dimension (a saturation week without its seller) reads the snapshot's range, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists metric_snapshot_facts_by_cell on metric_snapshot_facts (snapshot_id, d0, d1, d2, seq)`.execute(db);
}
