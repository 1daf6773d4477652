import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Indexes the organisation-wide dashboard can answer from alone (PostgreSQL `include`, SQLite trailing key columns).
 * Each replaces an index whose key is its prefix, or adds one the deal writes already keep in step:
 * - `activities_by_time` (replaces `activities_occurred`, the activity list's order): the period's activities with
 *   owner, customer, deal and `effective` — IDI, consistency and the stalled check read every activity of the period;
 *   each was a visit to its table row, scattered over 3,000,000 rows. PostgreSQL from a cold cache: the director's
 *   stalled check read 46,000 activities in 5.4 s, 0.05 s from this index; IDI 0.9 → 0.4 s; SQLite consistency
 *   2.3 → 0.8 s.
 * - `activities_by_deal` (replaces `activities_deal`): a deal's activities with `effective`, for the stalled check's
 *   probe of every open deal beyond its SLA.
 * - `deals_by_pipeline_status`: the open deals of a pipeline with what the snapshot and the stalled check group and
 *   test (stage, owner, entry, team, amount): SQLite walked 300,000 wide deal rows through the board index
 *   (the director's stalled 4.5 → 2.6 s).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  if (dialect === 'postgres') {
    await run('create index if not exists activities_by_time on activities (occurred_at, created_at, id) include (owner_id, customer_id, deal_id, effective)');
    await run('create index if not exists activities_by_deal on activities (deal_id, occurred_at) include (effective)');
    await run('create index if not exists deals_by_pipeline_status on deals (pipeline_id, status, stage_key) include (owner_id, stage_entered_at, team_path, amount_fen, id, customer_id)');
  } else {
    await run('create index if not exists activities_by_time on activities (occurred_at, created_at, id, owner_id, customer_id, deal_id, effective)');
    await run('create index if not exists activities_by_deal on activities (deal_id, occurred_at, effective)');
    await run('create index if not exists deals_by_pipeline_status on deals (pipeline_id, status, stage_key, owner_id, stage_entered_at, team_path, amount_fen, id, customer_id)');
  }
  await run('drop index if exists activities_occurred');
  await run('drop index if exists activities_deal');
}
