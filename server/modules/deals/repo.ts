import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { afterCursor, applyOrder, pageOf, type Cursor, type Order } from '../../core/paging.js';
import { dealMatches } from '../customers/search.js';
import type { Queryable } from '../../db/index.js';
import type { Database, DealsTable, DealStageHistoryTable } from '../../db/schema.js';
import { scopeFilter, scopePredicate } from '../org/scope-sql.js';
import type { Scope } from '../org/scope.js';
import { movesTeamPaths } from '../../core/team-paths.js';

export type DealRow = DealsTable & { customer_name: string; owner_name: string };

export interface DealFilters {
  q?: string;
  pipelineId?: string;
  stage?: string;
  ownerId?: string;
  customerId?: string;
  status?: string;
  /** Team subtree filter (board), on top of the caller's scope. */
  teamPath?: string;
}

type DealQuery = SelectQueryBuilder<Database, 'deals' | 'customers' | 'users', DealRow>;

function selectDeals(db: Queryable): DealQuery {
  return db
    .selectFrom('deals')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .innerJoin('users', 'users.id', 'deals.owner_id')
    .selectAll('deals')
    .select(['customers.name as customer_name', 'users.display_name as owner_name']) as unknown as DealQuery;
}

/**
 * Scope first (an indexed predicate on owner_id or the team_path range), then the caller's filters — all on `deals`
 * alone, so counts and page ids never join: the text search is an indexed subquery (customers/search.ts).
 */
/** The deal list's WHERE (scope and filters): the list, its total, the board and the export all read this one. */
export function dealWhere(db: Queryable, scope: Scope, f: DealFilters) {
  return (eb: ExpressionBuilder<Database, 'deals'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [scopeFilter(scope, 'deals')(eb)];
    if (f.pipelineId) parts.push(eb('deals.pipeline_id', '=', f.pipelineId));
    if (f.stage) parts.push(eb('deals.stage_key', '=', f.stage));
    if (f.ownerId) parts.push(eb('deals.owner_id', '=', f.ownerId));
    if (f.customerId) parts.push(eb('deals.customer_id', '=', f.customerId));
    if (f.status) parts.push(eb('deals.status', '=', f.status));
    if (f.teamPath) parts.push(scopeFilter({ kind: 'subtree', path: f.teamPath }, 'deals')(eb));
    const text = f.q?.trim();
    if (text) parts.push(dealMatches(db, text)(eb));
    return eb.and(parts);
  };
}

export function findScopedDeal(db: Queryable, scope: Scope, id: string): Promise<DealRow | undefined> {
  return selectDeals(db).where(dealWhere(db, scope, {}) as never).where('deals.id', '=', id).executeTakeFirst();
}

export interface DealPage {
  order: Order;
  offset: number;
  limit: number;
  cursor?: Cursor;
}

/**
 * One page. Behind an offset, the page's ids come from `deals` alone (walking the sort index) and only those ids are
 * joined to customers and users, so a deep offset does not run the joins for every skipped row. A first page or a
 * keyset page skips nothing: it joins the rows it walks in one statement, as the hand-written query does (the
 * second pass over the ids cost a quarter of a first page's SQL).
 */
export async function listDealPage(db: Queryable, scope: Scope, filters: DealFilters, page: DealPage) {
  const valueOf = (r: DealRow) => (r as unknown as Record<string, unknown>)[page.order.column.replace('deals.', '')];
  if (page.cursor || page.offset === 0) {
    let q = selectDeals(db).where(dealWhere(db, scope, filters) as never);
    if (page.cursor) q = q.where(afterCursor(page.order, 'deals.id', page.cursor) as never);
    const rows = await applyOrder(q, page.order, 'deals.id').limit(page.limit + 1).execute();
    return pageOf(rows, page.limit, page.order, valueOf, (r) => r.id);
  }
  const ids = applyOrder(db.selectFrom('deals').select('deals.id').where(dealWhere(db, scope, filters)), page.order, 'deals.id')
    .limit(page.limit + 1)
    .offset(page.offset);
  const rows = await applyOrder(selectDeals(db).where('deals.id', 'in', ids as never), page.order, 'deals.id').execute();
  return pageOf(rows, page.limit, page.order, valueOf, (r) => r.id);
}

/** How many deals match: stops counting after `limit` rows (for `listTotal`), or counts them all. */
export async function countDeals(db: Queryable, scope: Scope, filters: DealFilters, limit?: number): Promise<number> {
  let inner = db.selectFrom('deals').select(sql<number>`1`.as('one')).where(dealWhere(db, scope, filters));
  if (limit !== undefined) inner = inner.limit(limit);
  const row = await db.selectFrom(inner.as('matching')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A short search's sample (core/paging.ts `sampledTotal`): examined and matching deals among at most `window`. */
export async function sampleDeals(db: Queryable, scope: Scope, filters: DealFilters, window: number) {
  const { q, ...rest } = filters;
  const rows = db.selectFrom('deals').selectAll('deals').where(dealWhere(db, scope, rest)).limit(window);
  const match = dealMatches(db, q?.trim() ?? '');
  const row = await db
    .selectFrom(rows.as('deals'))
    .select((eb) => [eb.fn.countAll<number>().as('examined'), sql<number>`coalesce(sum(case when ${match(eb as never)} then 1 else 0 end), 0)`.as('matches')])
    .executeTakeFirst();
  return { examined: Number(row?.examined ?? 0), matches: Number(row?.matches ?? 0) };
}

type StageTotals = Map<string, { count: number; amountFen: number }>;

/**
 * Count and amount per stage of one pipeline (board headers). Without a text search the answer is a sum over the
 * maintained counters (`deal_stage_totals`, kept exact by triggers: migration 0045) — a few rows per seller instead
 * of one index entry per deal; the scope and the owner/team filters are the same predicates on the same columns.
 * Any other filter (a search) needs the deals themselves: one GROUP BY over a covering index, no join.
 */
export async function stageTotals(db: Queryable, scope: Scope, pipelineId: string, filters: DealFilters): Promise<StageTotals> {
  const { ownerId, teamPath, ...rest } = filters;
  const countersAnswer = !rest.q?.trim() && !rest.stage && !rest.customerId && !rest.status;
  return countersAnswer ? stageTotalsFromCounters(db, scope, pipelineId, { ownerId, teamPath }) : stageTotalsFromDeals(db, scope, pipelineId, filters);
}

export async function stageTotalsFromCounters(db: Queryable, scope: Scope, pipelineId: string, filters: Pick<DealFilters, 'ownerId' | 'teamPath'>): Promise<StageTotals> {
  let query = db
    .selectFrom('deal_stage_totals')
    .where('deal_stage_totals.pipeline_id', '=', pipelineId)
    .where(() => scopePredicate(scope, 'deal_stage_totals.owner_id', 'deal_stage_totals.team_path'));
  if (filters.ownerId) query = query.where('deal_stage_totals.owner_id', '=', filters.ownerId);
  if (filters.teamPath) query = query.where(() => scopePredicate({ kind: 'subtree', path: filters.teamPath! }, 'deal_stage_totals.owner_id', 'deal_stage_totals.team_path'));
  const rows = await query
    .select([sql<string>`deal_stage_totals.stage_key`.as('stage_key'), sql<number>`sum(deal_stage_totals.n)`.as('n'), sql<number>`sum(deal_stage_totals.amount_fen)`.as('amount')])
    .groupBy('deal_stage_totals.stage_key')
    .execute();
  return totalsMap(rows);
}

/** The same answer from the deals (the ground truth the counters are tested against, and the board with a search). */
export async function stageTotalsFromDeals(db: Queryable, scope: Scope, pipelineId: string, filters: DealFilters): Promise<StageTotals> {
  const rows = await db
    .selectFrom('deals')
    .where(dealWhere(db, scope, { ...filters, pipelineId }))
    .select([sql<string>`deals.stage_key`.as('stage_key'), sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(deals.amount_fen), 0)`.as('amount')])
    .groupBy('deals.stage_key')
    .execute();
  return totalsMap(rows);
}

/** Stages whose counters went back to zero (rows are kept) read as absent, like a GROUP BY without such deals. */
function totalsMap(rows: { stage_key: string; n: number; amount: number }[]): StageTotals {
  return new Map(rows.filter((r) => Number(r.n) !== 0).map((r) => [r.stage_key, { count: Number(r.n), amountFen: Number(r.amount) }]));
}

export const BOARD_ORDER: Order = { column: 'deals.updated_at', direction: 'desc' };

/** One column's cards, most recently updated first, `limit` at a time after `cursor`. */
export function stageDeals(db: Queryable, scope: Scope, pipelineId: string, stageKey: string, filters: DealFilters, limit: number, cursor?: Cursor) {
  return listDealPage(db, scope, { ...filters, pipelineId, stage: stageKey }, { order: BOARD_ORDER, offset: 0, limit, cursor });
}

export async function evidenceCounts(db: Queryable, dealId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('attachments')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('entity', '=', 'deal')
    .where('entity_id', '=', dealId)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

export function listHistory(db: Queryable, dealId: string) {
  return db
    .selectFrom('deal_stage_history')
    .leftJoin('users', 'users.id', 'deal_stage_history.entered_by')
    .selectAll('deal_stage_history')
    .select('users.display_name as entered_by_name')
    .where('deal_stage_history.deal_id', '=', dealId)
    .orderBy('deal_stage_history.entered_at')
    .orderBy('deal_stage_history.left_at')
    .execute();
}

export async function insertDeal(db: Queryable, row: DealsTable) {
  await db.insertInto('deals').values(row).execute();
}

export async function insertHistory(db: Queryable, row: DealStageHistoryTable) {
  await db.insertInto('deal_stage_history').values(row).execute();
}

export async function closeOpenHistory(db: Queryable, dealId: string, at: string) {
  await db.updateTable('deal_stage_history').set({ left_at: at }).where('deal_id', '=', dealId).where('left_at', 'is', null).execute();
}

/** Updates only if the deal is still in `fromStage`: a concurrent move makes this return false instead of overwriting. */
export async function updateDealStage(db: Queryable, id: string, fromStage: string, set: Partial<DealsTable>): Promise<boolean> {
  const result = await db.updateTable('deals').set(set).where('id', '=', id).where('stage_key', '=', fromStage).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateDeal(db: Queryable, id: string, set: Partial<DealsTable>) {
  await db.updateTable('deals').set(set).where('id', '=', id).execute();
}

export function findScopedCustomer(db: Queryable, scope: Scope, id: string) {
  return db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where(scopeFilter(scope, 'customers'))
    .executeTakeFirst();
}

export function findActiveUser(db: Queryable, id: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'team_path', 'role']).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
}

export async function existingUserIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function deleteDeal(db: Queryable, id: string) {
  await db.deleteFrom('deal_stage_history').where('deal_id', '=', id).execute();
  await db.deleteFrom('deals').where('id', '=', id).execute();
}

export async function workCount(db: Queryable, dealId: string): Promise<number> {
  const counts = await Promise.all([
    db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('deal_id', '=', dealId).executeTakeFirst(),
    db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('deal_id', '=', dealId).executeTakeFirst(),
    db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'deal').where('entity_id', '=', dealId).executeTakeFirst(),
    db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n')).where('deal_id', '=', dealId).executeTakeFirst(),
    db.selectFrom('approval_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('subject_type', '=', 'deal').where('subject_id', '=', dealId).executeTakeFirst(),
  ]);
  return counts.reduce((sum, c) => sum + Number(c?.n ?? 0), 0);
}

/**
 * What a manager needs to prioritise an intervention (issue 15 point 3), for the deals in the caller's scope:
 * amount and stage, since when the current stage's clock has been overdue (its first fired level) and the last
 * effective activity. Read-only joins on the SLA firings and the activities; deals outside the scope are absent.
 */
export async function interventionContextRows(db: Queryable, scope: Scope, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('deals')
    .select((eb) => [
      'deals.id',
      'deals.pipeline_id',
      'deals.stage_key',
      'deals.amount_fen',
      'deals.stage_entered_at',
      eb
        .selectFrom('sla_firings as f')
        .innerJoin('sla_timers as t', 't.id', 'f.timer_id')
        .select((e) => e.fn.min('f.due_at').as('d'))
        .where('t.subject_type', '=', 'deal')
        .whereRef('t.subject_id', '=', 'deals.id')
        .whereRef('t.stage_key', '=', 'deals.stage_key')
        .whereRef('t.anchor_at', '>=', 'deals.stage_entered_at')
        .where('t.status', '!=', 'cancelled')
        .as('overdue_since'),
      // An effective activity on the customer without a deal restarts this deal's idle clock too (point 1), so it
      // counts as the deal's last effective activity.
      eb
        .selectFrom('activities as a')
        .select('a.id')
        .where('a.effective', '=', 1)
        .whereRef('a.customer_id', '=', 'deals.customer_id')
        .where((e) => e.or([e('a.deal_id', '=', e.ref('deals.id')), e('a.deal_id', 'is', null)]))
        .orderBy('a.occurred_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(1)
        .as('last_activity_id'),
    ])
    .where('deals.id', 'in', ids)
    .where(scopeFilter(scope, 'deals'))
    .execute();
}

/** The activities by id (the latest effective one of each deal, found by `interventionContextRows`). */
export async function activitiesByIds(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('activities').select(['id', 'type', 'occurred_at', 'summary']).where('id', 'in', ids).execute();
}

/** Hook `org.ownerMoved`: deals copy their owner's team path (scope column, not a record change: no audit). */
export async function retagOwnerTeam(db: Queryable, userId: string, teamPath: string): Promise<void> {
  await db.updateTable('deals').set({ team_path: teamPath }).where('owner_id', '=', userId).execute();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['deals', 'team_path']]);
