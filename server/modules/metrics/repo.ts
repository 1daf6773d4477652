/** SQL of the drill lists and exports: the display columns of the records a page of facts names. */
import { sql } from 'kysely';
import type { Queryable } from '../../db/index.js';

export function dealsForDisplay(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deals')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .innerJoin('users', 'users.id', 'deals.owner_id')
    .select([
      'deals.id',
      'deals.title',
      'deals.pipeline_id',
      'deals.stage_key',
      'deals.status',
      'deals.amount_fen',
      'deals.stage_entered_at',
      'deals.customer_id',
      'customers.name as customer_name',
      'deals.owner_id',
      'users.display_name as owner_name',
    ])
    .where('deals.id', 'in', ids)
    .execute();
}

/** The latest effective interaction per deal (the activities_deal index answers each). */
export async function lastEffective(db: Queryable, dealIds: string[]): Promise<Map<string, string>> {
  if (dealIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('activities')
    .select(['deal_id', sql<string>`max(occurred_at)`.as('last')])
    .where('deal_id', 'in', dealIds)
    .where('effective', '=', 1)
    .groupBy('deal_id')
    .execute();
  return new Map(rows.map((r) => [r.deal_id!, r.last]));
}

export function staysForDisplay(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('deal_stage_history').select(['id', 'stage_key', 'entered_at', 'left_at']).where('id', 'in', ids).execute();
}

export function stepsForDisplay(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cadence_steps')
    .innerJoin('cadence_runs', 'cadence_runs.id', 'cadence_steps.run_id')
    .select(['cadence_steps.id', 'cadence_steps.step_key', 'cadence_steps.status', 'cadence_steps.due_at', 'cadence_steps.completed_at', 'cadence_runs.cadence_key'])
    .where('cadence_steps.id', 'in', ids)
    .execute();
}

export function timersForDisplay(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('sla_timers').select(['id', 'stage_key', 'level_reached', 'status', 'anchor_at', 'due_at']).where('id', 'in', ids).execute();
}

export function activitiesForDisplay(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activities')
    .innerJoin('customers', 'customers.id', 'activities.customer_id')
    .innerJoin('users', 'users.id', 'activities.owner_id')
    .select([
      'activities.id',
      'activities.type',
      'activities.summary',
      'activities.occurred_at',
      'activities.customer_id',
      'customers.name as customer_name',
      'activities.owner_id',
      'users.display_name as owner_name',
      'activities.deal_id',
    ])
    .where('activities.id', 'in', ids)
    .execute();
}

export function customersForDisplay(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customers')
    .innerJoin('users', 'users.id', 'customers.owner_id')
    .select(['customers.id', 'customers.name', 'customers.owner_id', 'users.display_name as owner_name'])
    .where('customers.id', 'in', ids)
    .execute();
}

export function pipelineDefinitions(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('pipelines').select(['id', 'definition']).where('id', 'in', ids).execute();
}
