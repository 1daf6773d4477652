/** All SQL of work orders and assist points. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Dialect, Queryable } from '../../db/index.js';
import type { AssistPointsTable, Database, WorkOrderHistoryTable, WorkOrdersTable, WorkOrderTypesTable } from '../../db/schema.js';
import { isSystem, scopeOf, subtreeUpperBound, type AnyActor } from '../../core/policy.js';
import { movesTeamPaths } from '../../core/team-paths.js';

// ---- types ------------------------------------------------------------------------------------------------------

export function findType(db: Queryable, idOrKey: string) {
  return db.selectFrom('work_order_types').selectAll().where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)])).executeTakeFirst();
}

export function listTypes(db: Queryable, activeOnly: boolean) {
  let q = db.selectFrom('work_order_types').innerJoin('teams', 'teams.id', 'work_order_types.team_id').selectAll('work_order_types').select('teams.name as team_name');
  if (activeOnly) q = q.where('work_order_types.active', '=', 1);
  return q.orderBy('work_order_types.key').execute();
}

export async function insertType(db: Queryable, row: WorkOrderTypesTable) {
  await db.insertInto('work_order_types').values(row).execute();
}

export async function updateType(db: Queryable, id: string, values: Partial<WorkOrderTypesTable>) {
  await db.updateTable('work_order_types').set(values).where('id', '=', id).execute();
}

export async function insertTypeVersion(db: Queryable, row: { type_id: string; version: number; definition: string; created_at: string; created_by: string | null }) {
  await db.insertInto('work_order_type_versions').values(row).execute();
}

export function typeVersion(db: Queryable, typeId: string, version: number) {
  return db.selectFrom('work_order_type_versions').selectAll().where('type_id', '=', typeId).where('version', '=', version).executeTakeFirst();
}

export function findTeam(db: Queryable, idOrName: string) {
  return db.selectFrom('teams').select(['id', 'name', 'path']).where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)])).orderBy('path').executeTakeFirst();
}

/** Every team whose id or exact name is `idOrName` (an id matches one; a name may match several). */
export function teamsByIdOrName(db: Queryable, idOrName: string) {
  return db.selectFrom('teams').select(['id', 'name', 'path']).where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)])).orderBy('path').execute();
}

/** How many teams carry this exact name (the export writes the id instead of an ambiguous name). */
export async function countTeamsNamed(db: Queryable, name: string): Promise<number> {
  const row = await db.selectFrom('teams').select((eb) => eb.fn.countAll().as('n')).where('name', '=', name).executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- orders -------------------------------------------------------------------------------------------------------

export async function insertOrder(db: Queryable, row: WorkOrdersTable) {
  await db.insertInto('work_orders').values(row).execute();
}

export async function updateOrder(db: Queryable, id: string, values: Partial<WorkOrdersTable>) {
  await db.updateTable('work_orders').set(values).where('id', '=', id).execute();
}

/**
 * Who sees an order: org-wide roles all; anyone else the orders they requested or are assigned to, their queue's
 * orders (managers: queues of their subtree), orders requested inside their subtree, and orders about a deal or
 * customer in their scope. A helper thus sees an order about a deal they could not open; the order itself shows no
 * hidden deal field.
 */
export function visibleTo(actor: AnyActor) {
  return (eb: ExpressionBuilder<Database, 'work_orders'>): Expression<SqlBool> => {
    const scope = scopeOf(actor);
    if (scope.kind === 'all' || isSystem(actor)) return sql<SqlBool>`1 = 1`;
    const parts: Expression<SqlBool>[] = [eb('work_orders.requester_id', '=', actor.id), eb('work_orders.assignee_id', '=', actor.id)];
    if (scope.kind === 'own') {
      parts.push(eb('work_orders.queue_team_id', '=', actor.teamId));
      parts.push(eb.exists(eb.selectFrom('deals').select('deals.id').whereRef('deals.id', '=', 'work_orders.deal_id').where('deals.owner_id', '=', actor.id)));
      parts.push(eb.exists(eb.selectFrom('customers').select('customers.id').whereRef('customers.id', '=', 'work_orders.customer_id').where('customers.owner_id', '=', actor.id)));
    } else {
      const upper = subtreeUpperBound(scope.path);
      parts.push(eb.and([eb('work_orders.queue_path', '>=', scope.path), eb('work_orders.queue_path', '<', upper)]));
      parts.push(eb.and([eb('work_orders.team_path', '>=', scope.path), eb('work_orders.team_path', '<', upper)]));
      parts.push(
        eb.exists(
          eb.selectFrom('deals').select('deals.id').whereRef('deals.id', '=', 'work_orders.deal_id').where('deals.team_path', '>=', scope.path).where('deals.team_path', '<', upper),
        ),
      );
    }
    return eb.or(parts);
  };
}

export interface OrderFilter {
  id?: string;
  status?: readonly string[];
  requesterId?: string;
  assigneeId?: string;
  queueTeamId?: string;
  /** Unassigned orders of these queue teams or assigned to this user: a helper's queue. */
  queueOf?: { userId: string; teamId: string };
  subjectType?: string;
  subjectId?: string;
  typeId?: string;
}

const orderColumns = [
  'requester.display_name as requester_name',
  'assignee.display_name as assignee_name',
  'queue.name as queue_name',
  'work_order_types.key as type_key',
  'work_order_types.name as type_name',
  'work_order_types.name_en as type_name_en',
  'customers.name as customer_name',
  'deals.title as deal_title',
  'contracts.number as contract_number',
  'v.definition as type_definition',
] as const;

export type OrderRow = WorkOrdersTable & {
  requester_name: string;
  assignee_name: string | null;
  queue_name: string;
  type_key: string;
  type_name: string;
  type_name_en: string | null;
  customer_name: string | null;
  deal_title: string | null;
  contract_number: string | null;
  type_definition: string;
};

export async function listOrders(db: Queryable, actor: AnyActor, filter: OrderFilter, page: { offset: number; limit: number }, sort: 'due' | 'created') {
  const where = (eb: ExpressionBuilder<Database, 'work_orders'>) => {
    const parts: Expression<SqlBool>[] = [visibleTo(actor)(eb)];
    if (filter.id) parts.push(eb('work_orders.id', '=', filter.id));
    if (filter.status?.length) parts.push(eb('work_orders.status', 'in', filter.status as string[]));
    if (filter.requesterId) parts.push(eb('work_orders.requester_id', '=', filter.requesterId));
    if (filter.assigneeId) parts.push(eb('work_orders.assignee_id', '=', filter.assigneeId));
    if (filter.queueTeamId) parts.push(eb('work_orders.queue_team_id', '=', filter.queueTeamId));
    if (filter.queueOf) {
      parts.push(eb.or([eb('work_orders.assignee_id', '=', filter.queueOf.userId), eb.and([eb('work_orders.queue_team_id', '=', filter.queueOf.teamId), eb('work_orders.assignee_id', 'is', null)])]));
    }
    if (filter.subjectType) parts.push(eb('work_orders.subject_type', '=', filter.subjectType));
    if (filter.subjectId) parts.push(eb('work_orders.subject_id', '=', filter.subjectId));
    if (filter.typeId) parts.push(eb('work_orders.type_id', '=', filter.typeId));
    return eb.and(parts);
  };
  let q = db
    .selectFrom('work_orders')
    .where(where)
    .innerJoin('users as requester', 'requester.id', 'work_orders.requester_id')
    .leftJoin('users as assignee', 'assignee.id', 'work_orders.assignee_id')
    .innerJoin('teams as queue', 'queue.id', 'work_orders.queue_team_id')
    .innerJoin('work_order_types', 'work_order_types.id', 'work_orders.type_id')
    .innerJoin('work_order_type_versions as v', (j) => j.onRef('v.type_id', '=', 'work_orders.type_id').onRef('v.version', '=', 'work_orders.type_version'))
    .leftJoin('customers', 'customers.id', 'work_orders.customer_id')
    .leftJoin('deals', 'deals.id', 'work_orders.deal_id')
    .leftJoin('contracts', (j) => j.onRef('contracts.id', '=', 'work_orders.subject_id').on('work_orders.subject_type', '=', 'contract'))
    .selectAll('work_orders')
    .select(orderColumns);
  q =
    sort === 'due'
      ? q.orderBy(sql`case when work_orders.due_at is null then 1 else 0 end`).orderBy('work_orders.due_at').orderBy('work_orders.created_at')
      : q.orderBy('work_orders.created_at', 'desc');
  const rows = (await q.orderBy('work_orders.id').limit(page.limit).offset(page.offset).execute()) as OrderRow[];
  const count = await db.selectFrom('work_orders').where(where).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function findOrder(db: Queryable, actor: AnyActor, id: string): Promise<OrderRow | undefined> {
  return (await listOrders(db, actor, { id }, { offset: 0, limit: 1 }, 'created')).rows[0];
}

/** Locks the order for a change (PostgreSQL row lock; SQLite transactions already hold the write lock). */
/** Orders whose clocks still run (not in `stopped`), of one queue team or all; sorted so processes lock alike. */
export function openOrderIds(db: Queryable, stopped: string[], queueTeamId: string | null) {
  let q = db.selectFrom('work_orders').select(['id', 'queue_team_id']).where('status', 'not in', stopped);
  if (queueTeamId) q = q.where('queue_team_id', '=', queueTeamId);
  return q.orderBy('id').execute();
}

export async function lockOrder(db: Queryable, dialect: Dialect, id: string) {
  let q = db.selectFrom('work_orders').select('id').where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export function historyOf(db: Queryable, orderIds: readonly string[]) {
  if (orderIds.length === 0) return Promise.resolve([] as Array<WorkOrderHistoryTable & { actor_name: string | null; assignee_name: string | null }>);
  return db
    .selectFrom('work_order_history as h')
    .leftJoin('users as actor', 'actor.id', 'h.actor_id')
    .leftJoin('users as assignee', 'assignee.id', 'h.assignee_id')
    .selectAll('h')
    .select(['actor.display_name as actor_name', 'assignee.display_name as assignee_name'])
    .where('h.order_id', 'in', orderIds as string[])
    .orderBy('h.order_id')
    .orderBy('h.seq')
    .execute();
}

export async function appendHistory(db: Queryable, row: Omit<WorkOrderHistoryTable, 'seq'>) {
  const last = await db.selectFrom('work_order_history').select((eb) => eb.fn.max('seq').as('seq')).where('order_id', '=', row.order_id).executeTakeFirst();
  await db.insertInto('work_order_history').values({ ...row, seq: Number(last?.seq ?? 0) + 1 }).execute();
}

export function commentsOf(db: Queryable, orderId: string) {
  return db
    .selectFrom('work_order_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select('u.display_name as author_name')
    .where('c.order_id', '=', orderId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export async function insertComment(db: Queryable, row: { id: string; order_id: string; author_id: string; body: string; created_at: string }) {
  await db.insertInto('work_order_comments').values(row).execute();
}

export function userById(db: Queryable, id: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'team_id', 'team_path', 'active']).where('id', '=', id).executeTakeFirst();
}

export function activeUsersOfTeam(db: Queryable, teamId: string) {
  return db.selectFrom('users').select('id').where('team_id', '=', teamId).where('active', '=', 1).orderBy('id').execute();
}

// ---- escalation ---------------------------------------------------------------------------------------------------

export function dueOrderIds(db: Queryable, asOf: string, limit: number) {
  return db.selectFrom('work_orders').select('id').where('escalation_due_at', '<=', asOf).orderBy('escalation_due_at').orderBy('id').limit(limit).execute();
}

/** Claims an order whose escalation is due; on PostgreSQL another process holding it makes this answer nothing. */
export async function claimDueOrder(db: Queryable, dialect: Dialect, id: string, asOf: string) {
  let q = db.selectFrom('work_orders').select('id').where('id', '=', id).where('escalation_due_at', '<=', asOf);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

export async function earliestEscalation(db: Queryable, asOf: string): Promise<string | null> {
  const row = await db.selectFrom('work_orders').select((eb) => eb.fn.min('escalation_due_at').as('at')).where('escalation_due_at', '<=', asOf).executeTakeFirst();
  return (row?.at as string | null) ?? null;
}

export async function firedLevels(db: Queryable, orderId: string): Promise<Set<number>> {
  const rows = await db.selectFrom('work_order_escalations').select('level').where('order_id', '=', orderId).execute();
  return new Set(rows.map((r) => Number(r.level)));
}

/** Records a level; false when it was already recorded (never notify twice). */
export async function insertEscalation(db: Queryable, row: { order_id: string; level: number; due_at: string; fired_at: string; recipients: string }): Promise<boolean> {
  const result = await db.insertInto('work_order_escalations').values(row).onConflict((oc) => oc.columns(['order_id', 'level']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function escalationsOf(db: Queryable, orderId: string) {
  return db.selectFrom('work_order_escalations').selectAll().where('order_id', '=', orderId).orderBy('level').execute();
}

// ---- assist points --------------------------------------------------------------------------------------------------

export function ruleSets(db: Queryable) {
  return db.selectFrom('assist_rule_sets').selectAll().orderBy('version').execute();
}

export async function insertRuleSet(db: Queryable, row: { id: string; version: number; effective_from: string; definition: string; created_at: string; created_by: string | null }) {
  await db.insertInto('assist_rule_sets').values(row).execute();
}

export async function insertPoints(db: Queryable, row: AssistPointsTable): Promise<boolean> {
  const result = await db
    .insertInto('assist_points')
    .values(row)
    .onConflict((oc) => oc.columns(['order_id', 'rule_key', 'helper_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function pointsOfOrder(db: Queryable, orderId: string) {
  return db.selectFrom('assist_points').selectAll().where('order_id', '=', orderId).orderBy('at').orderBy('id').execute();
}

export async function netPoints(db: Queryable, where: { orderId?: string; helperId?: string; week?: string }): Promise<number> {
  let q = db.selectFrom('assist_points').select((eb) => eb.fn.sum<number>('points').as('n'));
  if (where.orderId) q = q.where('order_id', '=', where.orderId);
  if (where.helperId) q = q.where('helper_id', '=', where.helperId);
  if (where.week) q = q.where('week', '=', where.week);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Serialises grants to one helper (the weekly cap) across processes. */
export async function lockHelper(db: Queryable, dialect: Dialect, helperId: string) {
  if (dialect === 'postgres') await db.selectFrom('users').select('id').where('id', '=', helperId).forUpdate().executeTakeFirst();
}

export function pointEntries(db: Queryable, helperId: string, month: string) {
  return db
    .selectFrom('assist_points as p')
    .innerJoin('work_orders as o', 'o.id', 'p.order_id')
    .selectAll('p')
    .select('o.title as order_title')
    .where('p.helper_id', '=', helperId)
    .where('p.month', '=', month)
    .orderBy('p.at')
    .orderBy('p.id')
    .execute();
}

export function leaderboard(db: Queryable, month: string, teamIds: readonly string[] | null) {
  let q = db
    .selectFrom('assist_points as p')
    .innerJoin('users as u', 'u.id', 'p.helper_id')
    .innerJoin('teams as t', 't.id', 'p.team_id')
    .select(['p.team_id', 't.name as team_name', 'p.helper_id', 'u.display_name as helper_name'])
    .select((eb) => eb.fn.sum<number>('p.points').as('total'))
    .where('p.month', '=', month)
    .groupBy(['p.team_id', 't.name', 'p.helper_id', 'u.display_name']);
  if (teamIds) q = q.where('p.team_id', 'in', teamIds.length ? (teamIds as string[]) : ['-']);
  return q.execute();
}

/** Resolved orders on a deal whose deal-outcome rules may still be earned (resolved on or after `since`). */
export function resolvedDealOrders(db: Queryable, since: string) {
  return db
    .selectFrom('work_orders')
    .select(['id', 'deal_id', 'assignee_id', 'requester_id', 'first_resolved_at', 'resolved_at', 'queue_team_id', 'status'])
    .where('deal_id', 'is not', null)
    .where('status', 'in', ['resolved', 'closed'])
    .where('resolved_at', '>=', since)
    .execute();
}

export function stageMovesAfter(db: Queryable, dealId: string, after: string) {
  return db.selectFrom('deal_stage_history').selectAll().where('deal_id', '=', dealId).where('entered_at', '>', after).orderBy('entered_at').execute();
}

/** Per type: resolved orders of a period with their recorded outcomes and the requester waiting time. */
export function reportRows(db: Queryable, actor: AnyActor, from: string, to: string) {
  return db
    .selectFrom('work_orders')
    .innerJoin('work_order_types as t', 't.id', 'work_orders.type_id')
    .where(visibleTo(actor))
    .where('work_orders.resolved_at', '>=', from)
    .where('work_orders.resolved_at', '<', to)
    .select(['t.key', 't.name', 't.name_en', 'work_orders.response_outcome', 'work_orders.resolution_outcome', 'work_orders.first_resolution_outcome', 'work_orders.waiting_ms'])
    .execute();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['work_orders', 'team_path'], ['work_orders', 'queue_path']]);
