import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Activities whose next action is set, by deal and time: the stalled-deal metric asks, for each deal beyond its SLA,
 * whether an activity's next action is still ahead. SQLite probes it per deal; PostgreSQL hashes the set once — which,
 * with no index on `next_action_at`, was a parallel scan of every activity (140 ms of a lead's 176 ms at 1,000,000
 * activities). Partial: only activities with a next action are in it, so the rest of the activity writes do not pay.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await sql`create index if not exists activities_next_action on activities (deal_id, next_action_at) where next_action_at is not null`.execute(db);
}
