/**
 * All SQL of customer health. Source loaders are set-based: one GROUP BY per dimension over a batch of customer ids
 * (`in (…)` on an indexed customer column), so the nightly run's memory is bounded by the batch size.
 */
import { sql } from 'kysely';
import type { Dialect, Queryable } from '../../db/index.js';
import type { Scope } from '../../core/policy.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { HealthRetentionPlansTable, HealthRunsTable, HealthScoresTable } from '../../db/schema-health.js';
import { movesTeamPaths } from '../../core/team-paths.js';

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

/** One dimension's share of a combined source query: a column computed over the rows since `since`. */
export interface DealSpec {
  since: string;
  measure: 'won_amount' | 'product_lines';
}
export interface ActivitySpec {
  since: string;
  types?: readonly string[];
  effectiveOnly: boolean;
}

/** Per customer, one figure per spec (in spec order): every deal dimension of a model in one scan of won deals. */
export async function wonDealsMulti(db: Queryable, ids: readonly string[], specs: readonly DealSpec[]): Promise<Map<string, number[]>> {
  const since = specs.reduce((a, s) => (s.since < a ? s.since : a), specs[0].since);
  const columns = specs.map((s, i) =>
    s.measure === 'won_amount'
      ? sql<number>`sum(case when stage_entered_at >= ${s.since} then amount_fen else 0 end)`.as(`d${i}`)
      : sql<number>`count(distinct case when stage_entered_at >= ${s.since} then pipeline_id end)`.as(`d${i}`),
  );
  const rows = await db.selectFrom('deals').select('customer_id').select(columns).where('customer_id', 'in', ids).where('status', '=', 'won').where('stage_entered_at', '>=', since).groupBy('customer_id').execute();
  return figures(rows as never, specs.length);
}

/**
 * Per customer, one count per spec: every activity dimension of a model (visits, requests, feedback — each its own
 * window, types and effective flag) in one scan of the batch's activities since the widest window.
 */
export async function activityCountsMulti(db: Queryable, ids: readonly string[], until: string, specs: readonly ActivitySpec[]): Promise<Map<string, number[]>> {
  const since = specs.reduce((a, s) => (s.since < a ? s.since : a), specs[0].since);
  const columns = specs.map((s, i) => {
    const parts = [sql`occurred_at >= ${s.since}`];
    if (s.types?.length) parts.push(sql`type in (${sql.join(s.types)})`);
    if (s.effectiveOnly) parts.push(sql`effective = 1`);
    return sql<number>`sum(case when ${sql.join(parts, sql` and `)} then 1 else 0 end)`.as(`d${i}`);
  });
  const rows = await db.selectFrom('activities').select('customer_id').select(columns).where('customer_id', 'in', ids).where('occurred_at', '>=', since).where('occurred_at', '<=', until).groupBy('customer_id').execute();
  return figures(rows as never, specs.length);
}

function figures(rows: Array<Record<string, unknown> & { customer_id: string }>, n: number): Map<string, number[]> {
  return new Map(rows.map((r) => [r.customer_id, Array.from({ length: n }, (_, i) => Number(r[`d${i}`] ?? 0))]));
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

export function contributionsOf(db: Queryable, ids: readonly string[]) {
  return db.selectFrom('health_scores').select(['id', 'contributions']).where('id', 'in', ids).execute();
}

/**
 * Appends snapshots with multi-row inserts; answers the ids written. A row whose predecessor already has a successor
 * (another process wrote it) is skipped by UNIQUE(prev_id) and is not in the answer.
 */
export async function insertSnapshots(db: Queryable, rows: readonly HealthScoresTable[]): Promise<Set<string>> {
  const written = new Set<string>();
  // 13 columns × 500 rows stays inside both databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    const out = await db.insertInto('health_scores').values(rows.slice(i, i + 500)).onConflict((oc) => oc.column('prev_id').doNothing()).returning('id').execute();
    for (const r of out) written.add(r.id);
  }
  return written;
}

type ProjectionRow = { customer_id: string; snapshot_id: string; score: number; colour: string; trend_alert: number; model_version: number; computed_at: string };

/** The latest snapshot per customer, rewritten for a batch with multi-row upserts. */
export async function upsertProjections(db: Queryable, rows: readonly ProjectionRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('customer_health')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet((eb) => ({
          snapshot_id: eb.ref('excluded.snapshot_id'),
          score: eb.ref('excluded.score'),
          colour: eb.ref('excluded.colour'),
          trend_alert: eb.ref('excluded.trend_alert'),
          model_version: eb.ref('excluded.model_version'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
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

/** Open plans not escalated yet — their clocks still run — optionally only those counted on one team's calendar. */
export function runningPlans(db: Queryable, teamId: string | null) {
  let q = db.selectFrom('health_retention_plans').selectAll().where('status', '=', 'open').where('escalated_at', 'is', null).where('clock_target', 'is not', null);
  if (teamId) q = q.where('clock_team_id', '=', teamId);
  return q.orderBy('id').execute();
}

/**
 * A running plan's new deadline. Conditional on the clock still running: a plan filed or escalated meanwhile (by
 * another process; on PostgreSQL this update waits for that one's row lock, then re-reads) keeps its recorded deadline.
 */
export async function redatePlan(db: Queryable, id: string, dueAt: string, at: string): Promise<boolean> {
  const r = await db.updateTable('health_retention_plans').set({ due_at: dueAt, updated_at: at }).where('id', '=', id).where('status', '=', 'open').where('escalated_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Open plans whose stored deadline has come, not escalated yet, locked (PostgreSQL: skipping those another holds). */
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
  if (filter.trend !== undefined) q = q.where('h.trend_alert', '=', filter.trend ? 1 : 0);
  if (filter.ids) q = q.where('h.customer_id', 'in', filter.ids.length ? filter.ids : ['']);
  return q.orderBy('h.score').orderBy('h.customer_id').limit(limit).offset(offset).execute();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['health_retention_plans', 'team_path']]);
