/** SQL of the free-text quick-log: the seller's customers with their aliases, a customer's contacts and open deals. */
import type { Queryable } from '../../db/index.js';
import type { Scope } from '../org/scope.js';
import { scopeFilter } from '../org/scope-sql.js';

/**
 * The customers a sentence may name: those in scope, most recently touched first, at most `limit` (a seller's own
 * book is far below it; an org-wide reader's sentence is matched against the most active customers).
 */
export async function customersForMatching(db: Queryable, scope: Scope, limit: number) {
  const rows = await db
    .selectFrom('customers')
    .select(['customers.id', 'customers.name'])
    .where('customers.deleted_at', 'is', null)
    .where(scopeFilter(scope, 'customers'))
    .orderBy('customers.updated_at', 'desc')
    .orderBy('customers.id')
    .limit(limit)
    .execute();
  const aliases = rows.length === 0 ? [] : await aliasesOf(db, rows.map((r) => r.id));
  const byCustomer = new Map<string, string[]>();
  for (const a of aliases) byCustomer.set(a.customer_id, [...(byCustomer.get(a.customer_id) ?? []), a.alias]);
  return rows.map((r) => ({ id: r.id, name: r.name, aliases: byCustomer.get(r.id) ?? [] }));
}

export async function aliasesOf(db: Queryable, customerIds: string[]) {
  const out: Array<{ id: string; customer_id: string; alias: string; alias_key: string; created_at: string }> = [];
  // Chunked: a long IN list is slow on both databases and SQLite caps bound parameters.
  for (let i = 0; i < customerIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('customer_aliases')
        .select(['id', 'customer_id', 'alias', 'alias_key', 'created_at'])
        .where('customer_id', 'in', customerIds.slice(i, i + 500))
        .orderBy('created_at')
        .orderBy('id')
        .execute()),
    );
  }
  return out;
}

export function contactsOf(db: Queryable, customerId: string) {
  return db.selectFrom('contacts').select(['id', 'name', 'title']).where('customer_id', '=', customerId).orderBy('created_at').orderBy('id').execute();
}

export function openDealsOf(db: Queryable, scope: Scope, customerId: string) {
  return db
    .selectFrom('deals')
    .select(['deals.id', 'deals.title'])
    .where('deals.customer_id', '=', customerId)
    .where('deals.status', '=', 'open')
    .where(scopeFilter(scope, 'deals'))
    .orderBy('deals.updated_at', 'desc')
    .limit(20)
    .execute();
}

export async function insertAlias(db: Queryable, row: { id: string; customer_id: string; alias: string; alias_key: string; created_by: string | null; created_at: string }) {
  await db.insertInto('customer_aliases').values(row).execute();
}

export function findAlias(db: Queryable, id: string) {
  return db.selectFrom('customer_aliases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteAlias(db: Queryable, id: string) {
  await db.deleteFrom('customer_aliases').where('id', '=', id).execute();
}
