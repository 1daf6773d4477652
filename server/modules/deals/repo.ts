import { sql, type SelectQueryBuilder } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { Database, DealsTable, DealStageHistoryTable } from '../../db/schema.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { Scope } from '../org/scope.js';

export type DealRow = DealsTable & { customer_name: string; owner_name: string };

export interface DealFilters {
  q?: string;
  pipelineId?: string;
  stage?: string;
  ownerId?: string;
  customerId?: string;
  status?: string;
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

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Scope first (an indexed predicate on owner_id or the team_path range), then the caller's filters. */
function applyFilters<O>(
  query: SelectQueryBuilder<Database, 'deals' | 'customers', O>,
  scope: Scope,
  f: DealFilters,
): SelectQueryBuilder<Database, 'deals' | 'customers', O> {
  let q = query.where(scopeFilter(scope, 'deals') as never);
  if (f.pipelineId) q = q.where('deals.pipeline_id', '=', f.pipelineId);
  if (f.stage) q = q.where('deals.stage_key', '=', f.stage);
  if (f.ownerId) q = q.where('deals.owner_id', '=', f.ownerId);
  if (f.customerId) q = q.where('deals.customer_id', '=', f.customerId);
  if (f.status) q = q.where('deals.status', '=', f.status);
  const text = f.q?.trim();
  if (text) {
    const pattern = likePattern(text);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(${sql.ref('deals.title')}) like ${pattern} escape '\\'`,
        sql<boolean>`lower(${sql.ref('customers.name')}) like ${pattern} escape '\\'`,
      ]),
    );
  }
  return q;
}

export function findScopedDeal(db: Queryable, scope: Scope, id: string): Promise<DealRow | undefined> {
  return applyFilters(selectDeals(db), scope, {}).where('deals.id', '=', id).executeTakeFirst();
}

export async function listDeals(
  db: Queryable,
  scope: Scope,
  filters: DealFilters,
  order: { column: string; direction: 'asc' | 'desc' },
  page: { offset: number; limit: number },
): Promise<{ rows: DealRow[]; total: number }> {
  const rows = await applyFilters(selectDeals(db), scope, filters)
    .orderBy(sql.ref(order.column), order.direction)
    .orderBy('deals.id', order.direction)
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const count = await applyFilters(
    db.selectFrom('deals').innerJoin('customers', 'customers.id', 'deals.customer_id') as unknown as SelectQueryBuilder<Database, 'deals' | 'customers', object>,
    scope,
    filters,
  )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return { rows, total: Number((count as { n?: number } | undefined)?.n ?? 0) };
}

/** Count and amount per stage of one pipeline, within scope and filters (the kanban column headers). */
export async function stageTotals(db: Queryable, scope: Scope, pipelineId: string, filters: DealFilters) {
  const rows = await applyFilters(
    db.selectFrom('deals').innerJoin('customers', 'customers.id', 'deals.customer_id') as unknown as SelectQueryBuilder<Database, 'deals' | 'customers', object>,
    scope,
    { ...filters, pipelineId },
  )
    .select([sql<string>`deals.stage_key`.as('stage_key'), sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(deals.amount_fen), 0)`.as('amount')])
    .groupBy('deals.stage_key')
    .execute();
  return new Map((rows as { stage_key: string; n: number; amount: number }[]).map((r) => [r.stage_key, { count: Number(r.n), amountFen: Number(r.amount) }]));
}

export function stageDeals(db: Queryable, scope: Scope, pipelineId: string, stageKey: string, filters: DealFilters, limit: number) {
  return applyFilters(selectDeals(db), scope, { ...filters, pipelineId, stage: stageKey })
    .orderBy('deals.updated_at', 'desc')
    .orderBy('deals.id')
    .limit(limit)
    .execute();
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
