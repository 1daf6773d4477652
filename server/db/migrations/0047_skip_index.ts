import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Skipped stages by time: the funnel lists the deals that skipped a stage in the period. Without it both databases
 * read every history row of the period to find the few skips (PostgreSQL: 107 ms of a lead's 218 ms funnel at 960,540
 * stays). Partial: only skips are in it.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await sql`create index if not exists deal_stage_history_skips on deal_stage_history (entered_at) where direction = 'skip'`.execute(db);
}
