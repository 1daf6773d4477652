/**
 * All SQL of customer health. Source loaders are set-based: one GROUP BY per dimension over a batch of customer ids
 * (`in (…)` on an indexed customer column), so the nightly run's memory is bounded by the batch size.
 */
import { sql } from 'kysely';
import type { Dialect, Queryable } from '../../db/index.js';
import type { Scope } from '../../core/policy.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { HealthRetentionPlansTable, HealthRunsTable, HealthScoresTable } from '../../db/schema-health.js';

const inserted = (r: { numInsertedOrUpdatedRows?: bigint }) => Number(r.numInsertedOrUpdatedRows ?? 0) > 0;

// ---- models ----

export function latestModel(db: Queryable) {
  return db.selectFrom('health_models').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export function modelVersions(db: Queryable) {
  return db.selectFrom('health_models').selectAll().orderBy('version', 'desc').execute();
}

/** The version in force at `asOf`: the latest published by then. */
export function modelAt(db: Queryable, asOf: string) {
  return db.selectFrom('health_models').selectAll().where('created_at', '<=', asOf).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export function modelVersion(db: Queryable, version: number) {
  return db.selectFrom('health_models').selectAll().where('version', '=', version).executeTakeFirst();
}

/** False when another publisher took the version number first. */
export async function insertModel(db: Queryable, row: { version: number; name: string; definition: string; fire_playbooks: number; created_at: string; created_by: string | null }) {
  return inserted(await db.insertInto('health_models').values(row).onConflict((oc) => oc.column('version').doNothing()).executeTakeFirst());
}

// ---- customers of a batch ----

export interface BatchCustomer {
  id: string;
  name: string;
  owner_id: string;
  team_path: string;
  level: string | null;
  industry: string | null;
  region: string | null;
  source: string | null;
  kind: string;
  custom: string;
}

const customerColumns = ['id', 'name', 'owner_id', 'team_path', 'level', 'industry', 'region', 'source', 'kind', 'custom'] as const;

/** The next live customers after `cursor` in id order that existed at `asOf` (a replayed night skips later ones). */
export function customersAfter(db: Queryable, cursor: string, limit: number, asOf: string): Promise<BatchCustomer[]> {
  return db.selectFrom('customers').select(customerColumns).where('deleted_at', 'is', null).where('id', '>', cursor).where('created_at', '<=', asOf).orderBy('id').limit(limit).execute();
}

export function customerById(db: Queryable, id: string): Promise<BatchCustomer | undefined> {
  return db.selectFrom('customers').select(customerColumns).where('deleted_at', 'is', null).where('id', '=', id).executeTakeFirst();
}

// ---- source loaders ----

type Counts = Map<string, number>;
const toMap = (rows: Array<{ customer_id: string; n: number | string | bigint | null }>): Counts => new Map(rows.map((r) => [r.customer_id, Number(r.n ?? 0)]));

export async function wonDeals(db: Queryable, ids: readonly string[], since: string, measure: 'won_amount' | 'product_lines'): Promise<Counts> {
  const q = db.selectFrom('deals').select('customer_id').where('customer_id', 'in', ids).where('status', '=', 'won').where('stage_entered_at', '>=', since).groupBy('customer_id');
  const rows = measure === 'won_amount' ? await q.select((eb) => eb.fn.sum<number>('amount_fen').as('n')).execute() : await q.select(sql<number>`count(distinct pipeline_id)`.as('n')).execute();
  return toMap(rows);
}

export async function activityCounts(db: Queryable, ids: readonly string[], since: string, until: string, types: readonly string[] | undefined, effectiveOnly: boolean): Promise<Counts> {
  let q = db.selectFrom('activities').select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')]).where('customer_id', 'in', ids).where('occurred_at', '>=', since).where('occurred_at', '<=', until);
  if (types?.length) q = q.where('type', 'in', types);
  if (effectiveOnly) q = q.where('effective', '=', 1);
  return toMap(await q.groupBy('customer_id').execute());
}

export async function openWorkOrders(db: Queryable, ids: readonly string[]): Promise<Counts> {
  return toMap(
    await db
      .selectFrom('work_orders')
      .select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('customer_id', 'in', ids)
      .where('status', 'not in', ['resolved', 'closed'])
      .groupBy('customer_id')
      .execute(),
  );
}

// ---- snapshots ----

export interface LatestRow {
  customer_id: string;
  id: string;
  score: number;
  colour: string;
  pending: string | null;
  coverage: number;
  trend_alert: number;
  contributions: string;
  model_version: number;
  computed_at: string;
}

/** The latest snapshot of each customer of the batch (through the projection's pointer). */
export function latestSnapshots(db: Queryable, ids: readonly string[]): Promise<LatestRow[]> {
  return db
    .selectFrom('customer_health as h')
    .innerJoin('health_scores as s', 's.id', 'h.snapshot_id')
    .select(['h.customer_id', 's.id', 's.score', 's.colour', 's.pending', 's.coverage', 's.trend_alert', 's.contributions', 's.model_version', 's.computed_at'])
    .where('h.customer_id', 'in', ids)
    .execute();
}

/** Scores of the batch's customers since `since` (the trend window). */
export function scoresSince(db: Queryable, ids: readonly string[], since: string) {
  return db.selectFrom('health_scores').select(['customer_id', 'id', 'score', 'computed_at']).where('customer_id', 'in', ids).where('computed_at', '>=', since).execute();
}

export function snapshotContributions(db: Queryable, id: string) {
  return db.selectFrom('health_scores').select(['contributions']).where('id', '=', id).executeTakeFirst();
}

/** Appends a snapshot; false when one with the same predecessor exists (another process wrote it). */
export async function insertSnapshot(db: Queryable, row: HealthScoresTable): Promise<boolean> {
  return inserted(await db.insertInto('health_scores').values(row).onConflict((oc) => oc.column('prev_id').doNothing()).executeTakeFirst());
}

export async function upsertProjection(db: Queryable, row: { customer_id: string; snapshot_id: string; score: number; colour: string; trend_alert: number; model_version: number; computed_at: string }) {
  const { customer_id: _c, ...rest } = row;
  await db.insertInto('customer_health').values(row).onConflict((oc) => oc.column('customer_id').doUpdateSet(rest)).execute();
}

export function history(db: Queryable, customerId: string, limit: number) {
  return db.selectFrom('health_scores').selectAll().where('customer_id', '=', customerId).orderBy('computed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function projection(db: Queryable, customerId: string) {
  return db.selectFrom('customer_health').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
}

// ---- nightly runs ----

export async function ensureRun(db: Queryable, row: HealthRunsTable) {
  await db.insertInto('health_runs').values(row).onConflict((oc) => oc.column('local_date').doNothing()).execute();
}

export function run(db: Queryable, localDate: string) {
  return db.selectFrom('health_runs').selectAll().where('local_date', '=', localDate).executeTakeFirst();
}

/** The unfinished run row, locked for this transaction; null when another process holds it (PostgreSQL). */
export function claimRun(db: Queryable, dialect: Dialect, localDate: string) {
  let q = db.selectFrom('health_runs').selectAll().where('local_date', '=', localDate).where('finished_at', 'is', null);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

export async function advanceRun(db: Queryable, localDate: string, set: Partial<HealthRunsTable>) {
  await db.updateTable('health_runs').set(set).where('local_date', '=', localDate).execute();
}

// ---- retention plans ----

export async function insertPlan(db: Queryable, row: HealthRetentionPlansTable): Promise<boolean> {
  return inserted(await db.insertInto('health_retention_plans').values(row).onConflict((oc) => oc.column('cause_event_id').doNothing()).executeTakeFirst());
}

export function plan(db: Queryable, id: string) {
  return db.selectFrom('health_retention_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function plansOfCustomer(db: Queryable, customerId: string) {
  return db.selectFrom('health_retention_plans').selectAll().where('customer_id', '=', customerId).orderBy('created_at', 'desc').execute();
}

export async function updatePlan(db: Queryable, id: string, set: Partial<HealthRetentionPlansTable>) {
  await db.updateTable('health_retention_plans').set(set).where('id', '=', id).execute();
}

/** Open plans past due and not escalated yet, locked (PostgreSQL: skipping those another process holds). */
export function duePlans(db: Queryable, dialect: Dialect, now: string, limit: number) {
  let q = db.selectFrom('health_retention_plans').selectAll().where('status', '=', 'open').where('escalated_at', 'is', null).where('due_at', '<=', now).orderBy('due_at').limit(limit);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.execute();
}

export async function markEscalated(db: Queryable, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('health_retention_plans').set({ escalated_at: at, updated_at: at }).where('id', '=', id).where('escalated_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function nextPlanDue(db: Queryable, after: string | null, upTo: string | null) {
  let q = db.selectFrom('health_retention_plans').select('due_at').where('status', '=', 'open').where('escalated_at', 'is', null);
  if (after) q = q.where('due_at', '>', after);
  if (upTo) q = q.where('due_at', '<=', upTo);
  return (await q.orderBy('due_at').limit(1).executeTakeFirst())?.due_at ?? null;
}

// ---- backtest ----

/** Customers whose last won deal closed in [from, to): the day their orders stopped. */
export function lastOrders(db: Queryable, from: string, to: string) {
  return db
    .selectFrom('deals')
    .select(['customer_id', (eb) => eb.fn.max('stage_entered_at').as('last_order')])
    .where('status', '=', 'won')
    .groupBy('customer_id')
    .having((eb) => eb.fn.max('stage_entered_at'), '>=', from)
    .having((eb) => eb.fn.max('stage_entered_at'), '<', to)
    .execute();
}

/** The warning snapshots (yellow/red) of these customers before their cut-off, oldest first. */
export function warningsBefore(db: Queryable, ids: readonly string[], before: string) {
  return db.selectFrom('health_scores').select(['customer_id', 'colour', 'computed_at']).where('customer_id', 'in', ids).where('computed_at', '<', before).orderBy('computed_at').execute();
}

// ---- lists ----

export interface HealthListFilter {
  colour?: string;
  trend?: boolean;
  ids?: readonly string[];
}

/** The health projection joined to the customers the scope predicate lets through. */
export function healthList(db: Queryable, scope: Scope, filter: HealthListFilter, limit: number, offset: number) {
  let q = db
    .selectFrom('customer_health as h')
    .innerJoin('customers', 'customers.id', 'h.customer_id')
    .select(['h.customer_id', 'customers.name', 'h.score', 'h.colour', 'h.trend_alert', 'h.model_version', 'h.computed_at'])
    .where('customers.deleted_at', 'is', null)
    .where(scopeFilter(scope, 'customers'));
  if (filter.colour) q = q.where('h.colour', '=', filter.colour);
  if (filter.trend) q = q.where('h.trend_alert', '=', 1);
  if (filter.ids) q = q.where('h.customer_id', 'in', filter.ids.length ? filter.ids : ['']);
  return q.orderBy('h.score').orderBy('h.customer_id').limit(limit).offset(offset).execute();
}
