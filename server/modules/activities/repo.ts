import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Queryable } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import type { ActivitiesTable, Database } from '../../db/schema.js';
import { scopeFilter, scopeOfShape, scopeShape } from '../org/scope-sql.js';
import { presentActivity } from './presenter.js';
import { tagsOfActivities } from './tags.js';
import type { Scope } from '../org/scope.js';
import { movesTeamPaths } from '../../core/team-paths.js';

const insertActivityRow = prepared((db, row: ActivitiesTable) => db.insertInto('activities').values(row));

export async function insertActivity(db: Queryable, row: ActivitiesTable) {
  await insertActivityRow(db, row);
}

/** Ids among `ids` that are contacts of `customerId`. */
export async function contactsOfCustomer(db: Queryable, customerId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.selectFrom('contacts').select('id').where('customer_id', '=', customerId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export interface ActivityFilter {
  id?: string;
  customerId?: string;
  dealId?: string;
  ownerId?: string;
  type?: string;
  tag?: string;
  from?: string;
  to?: string;
}

/** The activity list's filters (without the scope): the list and the export read this one. */
export function activityFilterExpr(filter: ActivityFilter) {
  return (eb: ExpressionBuilder<Database, 'activities'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (filter.id) parts.push(eb('activities.id', '=', filter.id));
    if (filter.customerId) parts.push(eb('activities.customer_id', '=', filter.customerId));
    if (filter.dealId) parts.push(eb('activities.deal_id', '=', filter.dealId));
    if (filter.ownerId) parts.push(eb('activities.owner_id', '=', filter.ownerId));
    if (filter.type) parts.push(eb('activities.type', '=', filter.type));
    if (filter.tag) parts.push(eb('activities.id', 'in', eb.selectFrom('activity_tags').select('activity_tags.activity_id').where('activity_tags.tag_key', '=', filter.tag)));
    if (filter.from) parts.push(eb('activities.occurred_at', '>=', filter.from));
    if (filter.to) parts.push(eb('activities.occurred_at', '<', filter.to));
    return parts.length > 0 ? eb.and(parts) : sql<SqlBool>`1 = 1`;
  };
}

/** Newest first; the page's ids come from `activities` alone, then only those rows are joined. */
export async function listActivityRows(db: Queryable, scope: Scope, filter: ActivityFilter, page: { offset: number; limit: number }) {
  const ids = db
    .selectFrom('activities')
    .select('activities.id')
    .where(scopeFilter(scope, 'activities'))
    .where(activityFilterExpr(filter))
    .orderBy('activities.occurred_at', 'desc')
    .orderBy('activities.created_at', 'desc')
    .orderBy('activities.id')
    .limit(page.limit)
    .offset(page.offset);
  const rows = await db
    .selectFrom('activities')
    .innerJoin('users as owner', 'owner.id', 'activities.owner_id')
    .innerJoin('customers', 'customers.id', 'activities.customer_id')
    .leftJoin('deals', 'deals.id', 'activities.deal_id')
    .selectAll('activities')
    .select(['owner.display_name as owner_name', 'customers.name as customer_name', 'deals.title as deal_title'])
    .where('activities.id', 'in', ids)
    .orderBy('activities.occurred_at', 'desc')
    .orderBy('activities.created_at', 'desc')
    .orderBy('activities.id')
    .execute();
  const tags = await tagsOfActivities(db, rows.map((r) => r.id));
  return rows.map((r) => presentActivity(r, tags.get(r.id) ?? []));
}

/** How many activities match: stops after `limit` rows (for `listTotal`), or counts them all. */
export async function countActivities(db: Queryable, scope: Scope, filter: ActivityFilter, limit?: number): Promise<number> {
  let inner = db.selectFrom('activities').select(sql<number>`1`.as('one')).where(scopeFilter(scope, 'activities')).where(activityFilterExpr(filter));
  if (limit !== undefined) inner = inner.limit(limit);
  const row = await db.selectFrom(inner.as('matching')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findActivity(db: Queryable, scope: Scope, id: string) {
  const items = await listActivityRows(db, scope, { id }, { offset: 0, limit: 1 });
  return items[0];
}

export type ActivityRow = ActivitiesTable & { owner_name: string; customer_name: string; deal_title: string | null };


/** Open deals of a customer within the caller's scope (quick-log links the only one, or asks among several). */
const openDealsOfCustomerRows = prepared((db, v: { customerId: string; scopeValue?: string }, shape) =>
  db
    .selectFrom('deals')
    .select(['deals.id', 'deals.title', 'deals.stage_key'])
    .where('deals.customer_id', '=', v.customerId)
    .where('deals.status', '=', 'open')
    .where(scopeFilter(scopeOfShape(shape, v), 'deals'))
    .orderBy('deals.updated_at', 'desc')
    .limit(20),
);

/** Read on every activity written without a deal (quick-log links the customer's only open deal): prepared. */
export function openDealsOfCustomer(db: Queryable, scope: Scope, customerId: string) {
  const { shape, values } = scopeShape(scope);
  return openDealsOfCustomerRows(db, { customerId, ...values }, shape);
}

export async function deleteActivity(db: Queryable, id: string) {
  await db.deleteFrom('activity_checklist_answers').where('activity_id', '=', id).execute();
  await db.deleteFrom('activities').where('id', '=', id).execute();
}

/** Attachments on an activity: an activity with any is not removed by an import's undo. */
export async function referencesTo(db: Queryable, activityId: string): Promise<number> {
  const row = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'activity').where('entity_id', '=', activityId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function activitiesByIds(db: Queryable, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('activities').selectAll().where('id', 'in', ids).execute();
}

/** Hook `org.ownerMoved`: activities copy their owner's team path (scope column, not a record change: no audit). */
export async function retagOwnerTeam(db: Queryable, userId: string, teamPath: string): Promise<void> {
  await db.updateTable('activities').set({ team_path: teamPath }).where('owner_id', '=', userId).execute();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['activities', 'team_path']]);
