import { sql, type SqlBool, type Expression, type ExpressionBuilder } from 'kysely';
import type { Queryable } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import type { ContactsTable, CustomersTable, Database } from '../../db/schema.js';
import { scopeFilter, scopeOfShape, scopeShape } from '../org/scope-sql.js';
import type { Scope } from '../org/scope.js';
import { afterCursor, applyOrder, pageOf, type Cursor, type Order } from '../../core/paging.js';
import { customerMatches } from './search.js';
import { normalizeCompanyName } from './normalize.js';
import { movesTeamPaths } from '../../core/team-paths.js';

export type CustomerRow = CustomersTable & { owner_name: string };

export interface CustomerFilter {
  q?: string;
  ownerId?: string;
  kind?: string;
  region?: string;
  industry?: string;
  level?: string;
  source?: string;
}

/** The customer list's filters (without the scope): the list, its total and the export read this one. */
export function customerFilterExpr(db: Queryable, filter: CustomerFilter) {
  return (eb: ExpressionBuilder<Database, 'customers'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [eb('customers.deleted_at', 'is', null)];
    if (filter.ownerId) parts.push(eb('customers.owner_id', '=', filter.ownerId));
    if (filter.kind) parts.push(eb('customers.kind', '=', filter.kind));
    if (filter.region) parts.push(eb('customers.region', '=', filter.region));
    if (filter.industry) parts.push(eb('customers.industry', '=', filter.industry));
    if (filter.level) parts.push(eb('customers.level', '=', filter.level));
    if (filter.source) parts.push(eb('customers.source', '=', filter.source));
    const q = filter.q?.trim();
    if (q) parts.push(customerMatches(db, q)(eb));
    return eb.and(parts);
  };
}

/** One page: ids from `customers` alone (offset or keyset on the sort index), then only those rows get their owner. */
export async function listCustomers(db: Queryable, scope: Scope, filter: CustomerFilter, page: { offset: number; limit: number; order: Order; cursor?: Cursor }) {
  let ids = db.selectFrom('customers').select('customers.id').where(scopeFilter(scope, 'customers')).where(customerFilterExpr(db, filter));
  if (page.cursor) ids = ids.where(afterCursor(page.order, 'customers.id', page.cursor) as never);
  ids = applyOrder(ids, page.order, 'customers.id').limit(page.limit + 1);
  if (!page.cursor && page.offset > 0) ids = ids.offset(page.offset);
  const query = db
    .selectFrom('customers')
    .innerJoin('users as owner', 'owner.id', 'customers.owner_id')
    .selectAll('customers')
    .select('owner.display_name as owner_name')
    .where('customers.id', 'in', ids as never);
  const rows = (await applyOrder(query, page.order, 'customers.id').execute()) as CustomerRow[];
  const column = page.order.column.replace('customers.', '') as keyof CustomerRow;
  return pageOf(rows, page.limit, page.order, (r) => r[column], (r) => r.id);
}

/** How many customers match: stops after `limit` rows (for `listTotal`), or counts them all. */
export async function countCustomers(db: Queryable, scope: Scope, filter: CustomerFilter, limit?: number): Promise<number> {
  let inner = db.selectFrom('customers').select(sql<number>`1`.as('one')).where(scopeFilter(scope, 'customers')).where(customerFilterExpr(db, filter));
  if (limit !== undefined) inner = inner.limit(limit);
  const row = await db.selectFrom(inner.as('matching')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * A short search's sample (core/paging.ts `sampledTotal`): of at most `window` customers in the scope passing the
 * other filters, how many were examined and how many match the search.
 */
export async function sampleCustomers(db: Queryable, scope: Scope, filter: CustomerFilter, window: number) {
  const { q, ...rest } = filter;
  const rows = db.selectFrom('customers').selectAll('customers').where(scopeFilter(scope, 'customers')).where(customerFilterExpr(db, rest)).limit(window);
  const match = customerMatches(db, q?.trim() ?? '');
  const row = await db
    .selectFrom(rows.as('customers'))
    .select((eb) => [eb.fn.countAll<number>().as('examined'), sql<number>`coalesce(sum(case when ${match(eb as never)} then 1 else 0 end), 0)`.as('matches')])
    .executeTakeFirst();
  return { examined: Number(row?.examined ?? 0), matches: Number(row?.matches ?? 0) };
}

/** A live (not deleted) customer inside the scope, or undefined: callers answer 404 for both "missing" and "not yours". */
// Every task, activity and deal written about a customer reads it first: prepared (db/prepared.ts).
const findCustomerRow = prepared((db, v: { id: string; scopeValue?: string }, shape) =>
  db
    .selectFrom('customers')
    .where(scopeFilter(scopeOfShape(shape, v), 'customers'))
    .where('customers.id', '=', v.id)
    .where('customers.deleted_at', 'is', null)
    .innerJoin('users as owner', 'owner.id', 'customers.owner_id')
    .selectAll('customers')
    .select('owner.display_name as owner_name'),
);

export async function findCustomer(db: Queryable, scope: Scope, id: string): Promise<CustomerRow | undefined> {
  const { shape, values } = scopeShape(scope);
  const [row] = await findCustomerRow(db, { id, ...values }, shape);
  return row as CustomerRow | undefined;
}

export async function insertCustomer(db: Queryable, row: CustomersTable) {
  await db.insertInto('customers').values({ ...row, name_normalized: normalizeCompanyName(row.name) }).execute();
}

/**
 * Many customer rows at once (the demo generator's bulk load), with the same company-name key as `insertCustomer`.
 * Rows come from `newCustomerRow` (write.ts), so they are normalised like every other customer.
 */
export async function insertCustomerRows(db: Queryable, rows: CustomersTable[], batch = 400) {
  for (let i = 0; i < rows.length; i += batch) {
    await db.insertInto('customers').values(rows.slice(i, i + batch).map((row) => ({ ...row, name_normalized: normalizeCompanyName(row.name) }))).execute();
  }
}

export async function updateCustomer(db: Queryable, id: string, values: Partial<CustomersTable>) {
  const withKey = values.name !== undefined ? { ...values, name_normalized: normalizeCompanyName(values.name) } : values;
  await db.updateTable('customers').set(withKey).where('id', '=', id).execute();
}

export async function countRelated(db: Queryable, customerId: string) {
  const deals = await db.selectFrom('deals').select((eb) => eb.fn.countAll().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
  const activities = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return { deals: Number(deals.n), activities: Number(activities.n) };
}

export function listContacts(db: Queryable, customerId: string) {
  return db.selectFrom('contacts').selectAll().where('customer_id', '=', customerId).orderBy('created_at').orderBy('id').execute();
}

/** A contact whose customer is live and inside the scope. */
export async function findContact(db: Queryable, scope: Scope, id: string) {
  return db
    .selectFrom('customers')
    .where(scopeFilter(scope, 'customers'))
    .innerJoin('contacts', 'contacts.customer_id', 'customers.id')
    .where('contacts.id', '=', id)
    .where('customers.deleted_at', 'is', null)
    .selectAll('contacts')
    .executeTakeFirst();
}

export async function insertContact(db: Queryable, row: ContactsTable) {
  await db.insertInto('contacts').values(row).execute();
}

export async function insertContactRows(db: Queryable, rows: ContactsTable[]) {
  if (rows.length) await db.insertInto('contacts').values(rows).execute();
}

export async function updateContact(db: Queryable, id: string, values: Partial<ContactsTable>) {
  await db.updateTable('contacts').set(values).where('id', '=', id).execute();
}

export async function deleteContact(db: Queryable, id: string) {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

export function findUserForAssignment(db: Queryable, id: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'team_path', 'active']).where('id', '=', id).executeTakeFirst();
}

/** Hook `org.ownerMoved`: customers copy their owner's team path (scope column, not a record change: no audit). */
export async function retagOwnerTeam(db: Queryable, userId: string, teamPath: string): Promise<void> {
  await db.updateTable('customers').set({ team_path: teamPath }).where('owner_id', '=', userId).execute();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['customers', 'team_path']]);
