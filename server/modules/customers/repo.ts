import { sql, type SqlBool, type Expression, type ExpressionBuilder } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { ContactsTable, CustomersTable, Database } from '../../db/schema.js';
import { parseJson } from '../../core/json.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { Scope } from '../org/scope.js';
import { normalizePhone } from './rules.js';
import { normalizeCompanyName } from '../leads/normalize.js';

export type CustomerRow = CustomersTable & { owner_name: string };

/** `%`, `_` and `\` typed by a user are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function contains(column: string, text: string) {
  return sql<SqlBool>`${sql.ref(column)} like ${likePattern(text)} escape '\\'`;
}

export interface CustomerFilter {
  q?: string;
  ownerId?: string;
  kind?: string;
  region?: string;
  industry?: string;
  level?: string;
  source?: string;
}

function filterExpr(filter: CustomerFilter) {
  return (eb: ExpressionBuilder<Database, 'customers'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [eb('customers.deleted_at', 'is', null)];
    if (filter.ownerId) parts.push(eb('customers.owner_id', '=', filter.ownerId));
    if (filter.kind) parts.push(eb('customers.kind', '=', filter.kind));
    if (filter.region) parts.push(eb('customers.region', '=', filter.region));
    if (filter.industry) parts.push(eb('customers.industry', '=', filter.industry));
    if (filter.level) parts.push(eb('customers.level', '=', filter.level));
    if (filter.source) parts.push(eb('customers.source', '=', filter.source));
    const q = filter.q?.trim();
    if (q) {
      const anyOf: Expression<SqlBool>[] = [
        sql<SqlBool>`lower(customers.name) like ${likePattern(q.toLowerCase())} escape '\\'`,
        contains('customers.credit_code', q.toUpperCase()),
      ];
      const digits = normalizePhone(q);
      if (digits && digits.length >= 3) anyOf.push(contains('customers.phone_normalized', digits));
      parts.push(eb.or(anyOf));
    }
    return eb.and(parts);
  };
}

export async function listCustomers(
  db: Queryable,
  scope: Scope,
  filter: CustomerFilter,
  page: { offset: number; limit: number; column: string; direction: 'asc' | 'desc' },
) {
  const where = filterExpr(filter);
  const rows = await db
    .selectFrom('customers')
    .where(scopeFilter(scope, 'customers'))
    .where(where)
    .innerJoin('users as owner', 'owner.id', 'customers.owner_id')
    .selectAll('customers')
    .select('owner.display_name as owner_name')
    .orderBy(sql.ref(`customers.${page.column}`), page.direction)
    .orderBy('customers.id', page.direction)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('customers')
    .where(scopeFilter(scope, 'customers'))
    .where(where)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows as CustomerRow[], total: Number(count.n) };
}

/** A live (not deleted) customer inside the scope, or undefined: callers answer 404 for both "missing" and "not yours". */
export async function findCustomer(db: Queryable, scope: Scope, id: string): Promise<CustomerRow | undefined> {
  const row = await db
    .selectFrom('customers')
    .where(scopeFilter(scope, 'customers'))
    .where('customers.id', '=', id)
    .where('customers.deleted_at', 'is', null)
    .innerJoin('users as owner', 'owner.id', 'customers.owner_id')
    .selectAll('customers')
    .select('owner.display_name as owner_name')
    .executeTakeFirst();
  return row as CustomerRow | undefined;
}

export async function insertCustomer(db: Queryable, row: CustomersTable) {
  await db.insertInto('customers').values({ ...row, name_normalized: normalizeCompanyName(row.name) }).execute();
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

export async function updateContact(db: Queryable, id: string, values: Partial<ContactsTable>) {
  await db.updateTable('contacts').set(values).where('id', '=', id).execute();
}

export async function deleteContact(db: Queryable, id: string) {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

export function findUserForAssignment(db: Queryable, id: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'team_path', 'active']).where('id', '=', id).executeTakeFirst();
}
