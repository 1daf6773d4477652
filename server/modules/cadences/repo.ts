/** All SQL of the cadence module. */
import type { Queryable } from '../../db/index.js';
import type { CadenceRunsTable, CadencesTable, CadenceStepsTable } from '../../db/schema.js';
import { parseJson } from '../../core/json.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { Scope } from '../org/scope.js';
import type { CadenceDefinition, CadenceStep } from './definition.js';

export function definitionOf(row: Pick<CadencesTable, 'definition'>): CadenceDefinition {
  return parseJson<CadenceDefinition>(row.definition, { key: '', name: '', anchor: { kind: 'stage_entered' }, steps: [] });
}

export function findCadence(db: Queryable, idOrKey: string) {
  return db.selectFrom('cadences').selectAll().where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)])).executeTakeFirst();
}

export function listCadences(db: Queryable) {
  return db.selectFrom('cadences').selectAll().orderBy('key').execute();
}

export async function insertCadenceIfMissing(db: Queryable, row: CadencesTable): Promise<boolean> {
  const result = await db.insertInto('cadences').values(row).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateCadence(db: Queryable, id: string, set: Partial<CadencesTable>) {
  await db.updateTable('cadences').set(set).where('id', '=', id).execute();
}

/** The deal with what cadences need; `scope` null = no scope check (engine). */
export function findDeal(db: Queryable, scope: Scope | null, id: string) {
  let q = db
    .selectFrom('deals')
    .innerJoin('users as owner', 'owner.id', 'deals.owner_id')
    .select([
      'deals.id',
      'deals.title',
      'deals.customer_id',
      'deals.pipeline_id',
      'deals.stage_key',
      'deals.status',
      'deals.owner_id',
      'deals.team_path',
      'deals.amount_fen',
      'deals.expected_close_date',
      'deals.custom',
      'deals.stage_entered_at',
      'owner.active as owner_active',
    ])
    .where('deals.id', '=', id);
  if (scope) q = q.where(scopeFilter(scope, 'deals'));
  return q.executeTakeFirst();
}
export type CadenceDeal = NonNullable<Awaited<ReturnType<typeof findDeal>>>;

export async function insertRun(db: Queryable, row: CadenceRunsTable) {
  await db.insertInto('cadence_runs').values(row).execute();
}

export function activeRuns(db: Queryable, where: { dealId?: string; customerId?: string }) {
  let q = db.selectFrom('cadence_runs').selectAll().where('status', '=', 'active');
  if (where.dealId) q = q.where('deal_id', '=', where.dealId);
  if (where.customerId) q = q.where('customer_id', '=', where.customerId);
  return q.orderBy('started_at').execute();
}

export function runsOfDeal(db: Queryable, dealId: string) {
  return db
    .selectFrom('cadence_runs')
    .innerJoin('cadences', 'cadences.id', 'cadence_runs.cadence_id')
    .selectAll('cadence_runs')
    .select(['cadences.name as cadence_name', 'cadences.name_en as cadence_name_en'])
    .where('deal_id', '=', dealId)
    .orderBy('started_at', 'desc')
    .orderBy('cadence_runs.id')
    .execute();
}

export async function endRun(db: Queryable, id: string, status: 'completed' | 'stopped', reason: string | null, now: string) {
  await db.updateTable('cadence_runs').set({ status, stop_reason: reason, ended_at: now }).where('id', '=', id).where('status', '=', 'active').execute();
}

export async function insertStep(db: Queryable, row: CadenceStepsTable) {
  await db.insertInto('cadence_steps').values(row).execute();
}

export function stepsOfRuns(db: Queryable, runIds: string[]) {
  if (runIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('cadence_steps').selectAll().where('run_id', 'in', runIds).orderBy('run_id').orderBy('step_index').execute();
}

export function stepOfTask(db: Queryable, taskId: string) {
  return db
    .selectFrom('cadence_steps')
    .innerJoin('cadence_runs', 'cadence_runs.id', 'cadence_steps.run_id')
    .selectAll('cadence_steps')
    .select(['cadence_runs.deal_id', 'cadence_runs.cadence_key', 'cadence_runs.status as run_status'])
    .where('cadence_steps.task_id', '=', taskId)
    .executeTakeFirst();
}

export async function updateStep(db: Queryable, id: string, set: Partial<CadenceStepsTable>) {
  await db.updateTable('cadence_steps').set(set).where('id', '=', id).execute();
}

export function specOf(row: Pick<CadenceStepsTable, 'spec'>): CadenceStep {
  return parseJson<CadenceStep>(row.spec, { key: '', offset: 'T+0', unit: 'calendar_days', action: 'other', title: '', deliverable: {} });
}

/** Attachments of `kind` on the deal uploaded at or after `since`. */
export async function countAttachments(db: Queryable, dealId: string, kind: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('entity', '=', 'deal')
    .where('entity_id', '=', dealId)
    .where('kind', '=', kind)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function isOptedOut(db: Queryable, customerId: string): Promise<boolean> {
  return !!(await db.selectFrom('customer_opt_outs').select('customer_id').where('customer_id', '=', customerId).executeTakeFirst());
}

/** Open step tasks of the caller's scope with the step's guidance, soonest first (seller home). */
export function openSteps(db: Queryable, scope: Scope, assigneeId: string | undefined, limit: number) {
  let q = db
    .selectFrom('cadence_steps')
    .innerJoin('tasks', 'tasks.id', 'cadence_steps.task_id')
    .innerJoin('cadence_runs', 'cadence_runs.id', 'cadence_steps.run_id')
    .innerJoin('cadences', 'cadences.id', 'cadence_runs.cadence_id')
    .innerJoin('deals', 'deals.id', 'cadence_runs.deal_id')
    .where(scopeFilter(scope, 'tasks', 'assignee_id'))
    .where('tasks.status', '=', 'open')
    .selectAll('cadence_steps')
    .select([
      'tasks.title as task_title',
      'tasks.assignee_id',
      'tasks.created_at as task_created_at',
      'cadence_runs.deal_id',
      'cadence_runs.cadence_key',
      'cadences.name as cadence_name',
      'cadences.name_en as cadence_name_en',
      'deals.title as deal_title',
    ]);
  if (assigneeId) q = q.where('tasks.assignee_id', '=', assigneeId);
  return q.orderBy('cadence_steps.due_at').orderBy('cadence_steps.id').limit(limit).execute();
}

/** Steps due in [from, to) that count for the on-time rate: done, or open and already due; stopped ones never count. */
export function statSteps(db: Queryable, scope: Scope, from: string, to: string, now: string) {
  return db
    .selectFrom('cadence_steps')
    .innerJoin('tasks', 'tasks.id', 'cadence_steps.task_id')
    .innerJoin('cadence_runs', 'cadence_runs.id', 'cadence_steps.run_id')
    .innerJoin('cadences', 'cadences.id', 'cadence_runs.cadence_id')
    .innerJoin('users', 'users.id', 'tasks.assignee_id')
    .where(scopeFilter(scope, 'tasks', 'assignee_id'))
    .where('cadence_steps.due_at', '>=', from)
    .where('cadence_steps.due_at', '<', to)
    // The task is the truth (the step mirrors it only once the consumer ran).
    .where((eb) => eb.or([eb('tasks.status', '=', 'done'), eb.and([eb('tasks.status', '=', 'open'), eb('cadence_steps.due_at', '<=', now)])]))
    .select([
      'cadence_steps.due_at',
      'tasks.status',
      'tasks.completed_at',
      'tasks.assignee_id',
      'users.display_name',
      'cadences.key as cadence_key',
      'cadences.name as cadence_name',
      'cadences.name_en as cadence_name_en',
    ])
    .execute();
}
