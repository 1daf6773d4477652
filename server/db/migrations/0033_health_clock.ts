import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Customer health, second step (issue 11): a retention plan's deadline is an SLA clock (sla/clock.ts) — its target
 * (`3wd`) counted on the owner's team calendar from when the plan was opened — so a calendar change moves an open
 * plan's deadline as it moves every other clock. `clock_team_id` names the calendar. Plans opened before this keep
 * their stored deadline (no target: nothing to recount).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('health_retention_plans').addColumn('clock_target', 'text').execute();
  await db.schema.alterTable('health_retention_plans').addColumn('clock_team_id', 'text').execute();
}
