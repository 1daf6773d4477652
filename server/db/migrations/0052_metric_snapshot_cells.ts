import { sql, type Kysely } from 'kysely';

/**
 * `metric_snapshot_facts_by_cell`: a snapshot's facts by their first two dimensions, then in row order, with the third
 * dimension carried in the entry. A drill into one cell of a large snapshot counted the cell by reading every row of
 * the snapshot and walked them in row order until its first page was full (the director's funnel, 504,015 rows, the
 * cohort cell of one stage: count 132 ms on SQLite, the page up to the whole snapshot when the cell's rows come late).
 * With the index both read the range of the cell's leading dimensions (view and stage, stage and state, …) and test the
 * third (outcome, seller) in the index entry, not in the row. The third is not a key column on purpose: a build inserts
 * its rows in row order, so each distinct key prefix is a place the index is written at — stage × state is a dozen,
 * with the seller in the key thousands, which doubled the director's builds on SQLite (dwell 12 → 30 s).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists metric_snapshot_facts_by_cell on metric_snapshot_facts (snapshot_id, d0, d1, seq, d2)`.execute(db);
}
