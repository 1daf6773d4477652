/**
 * Substring search predicates backed by an index (see migration 0013): FTS5 trigram on SQLite, pg_trgm GIN on
 * PostgreSQL. A trigram index cannot answer a query shorter than three characters (e.g. "华康"); such queries fall back
 * to a LIKE on the rows the list walks anyway, in its index order, so a page stops as soon as it is full.
 * Each function returns a predicate for the caller's own query: the caller's scope predicate stays in the same SQL.
 */
import { PostgresAdapter, sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import { likePattern } from '../../core/like.js';
import { normalizePhone } from './normalize.js';

/** Shortest query the trigram indexes answer. */
export const MIN_INDEXED_CHARS = 3;

export const isPostgres = (db: Queryable) => db.getExecutor().adapter instanceof PostgresAdapter;

export function indexable(text: string): boolean {
  return [...text].length >= MIN_INDEXED_CHARS;
}

/** Digits of a phone-like query, when there are enough of them to mean a phone. */
function phoneDigits(q: string): string | null {
  const digits = normalizePhone(q);
  return digits && digits.length >= MIN_INDEXED_CHARS ? digits : null;
}

const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** FTS5 query: the text as one phrase (a substring for the trigram tokenizer), optionally limited to columns. */
function ftsQuery(q: string, columns?: string): string {
  const scoped = (p: string) => (columns ? `{${columns}} : ${p}` : p);
  const digits = phoneDigits(q);
  return digits && digits !== q ? `${scoped(phrase(q))} OR {phone} : ${phrase(digits)}` : scoped(phrase(q));
}

/** SQLite: ids (`ref`) or owning customers (`customer_ref`) of indexed records of these kinds matching `match`. */
function ftsDocs(column: 'ref' | 'customer_ref', entities: string[], match: string) {
  return sql`select d.${sql.raw(column)} from search_fts f join search_docs d on d.id = f.rowid
    where search_fts match ${match} and d.entity in (${sql.join(entities)})`;
}

const ilike = (expr: ReturnType<typeof sql>, q: string) => sql`${expr} ilike ${likePattern(q)} escape '\\'`;
const contactDigits = sql`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')`;

/**
 * SQLite: ids of customers whose name, phone, credit code, or one of whose contacts' name or phone contains `q`.
 * PostgreSQL: the same as one OR over `customers`' own trigram indexes plus `id = any(array(<contacts' matches>))`,
 * which the planner answers with a BitmapOr of index scans: an `id in (… union …)` form was hash-joined with a
 * sequential scan of every customer (140 ms instead of 12 ms at 100,000 customers, docs/performance.md).
 */
function customerIdsMatchingFts(q: string) {
  return ftsDocs('customer_ref', ['customer', 'contact'], ftsQuery(q));
}

function pgCustomerMatch(q: string) {
  const digits = phoneDigits(q);
  const own = [ilike(sql.ref('customers.name'), q), ilike(sql.ref('customers.credit_code'), q)];
  const contacts = [ilike(sql`name`, q)];
  if (digits) {
    own.push(sql`${sql.ref('customers.phone_normalized')} like ${likePattern(digits)} escape '\\'`);
    contacts.push(sql`${contactDigits} like ${likePattern(digits)} escape '\\'`);
  }
  own.push(sql`${sql.ref('customers.id')} = any(array(select customer_id from contacts where ${sql.join(contacts, sql` or `)}))`);
  return sql<SqlBool>`(${sql.join(own, sql` or `)})`;
}

const lowerLike = (column: string, q: string) => sql<SqlBool>`lower(${sql.ref(column)}) like ${likePattern(q.toLowerCase())} escape '\\'`;

/** Predicate on `customers`: the customer or one of its contacts matches `q` (name, phone, credit code). */
export function customerMatches(db: Queryable, q: string) {
  return (eb: ExpressionBuilder<Database, 'customers'>): Expression<SqlBool> => {
    if (indexable(q)) return isPostgres(db) ? pgCustomerMatch(q) : sql<SqlBool>`${sql.ref('customers.id')} in (${customerIdsMatchingFts(q)})`;
    // Short query: checked on each row the list walks (bounded by the page), contacts through their customer index.
    const digits = phoneDigits(q);
    const own: Expression<SqlBool>[] = [lowerLike('customers.name', q), lowerLike('customers.credit_code', q)];
    if (digits) own.push(sql<SqlBool>`${sql.ref('customers.phone_normalized')} like ${likePattern(digits)} escape '\\'`);
    own.push(sql<SqlBool>`exists (select 1 from contacts sc where sc.customer_id = ${sql.ref('customers.id')} and lower(sc.name) like ${likePattern(q.toLowerCase())} escape '\\')`);
    return eb.or(own);
  };
}

/** Predicate on `deals`: its title or its customer's name contains `q`. */
export function dealMatches(db: Queryable, q: string) {
  return (eb: ExpressionBuilder<Database, 'deals'>): Expression<SqlBool> => {
    if (indexable(q)) {
      if (!isPostgres(db)) {
        const match = `{name} : ${phrase(q)}`;
        return eb.or([
          sql<SqlBool>`${sql.ref('deals.id')} in (${ftsDocs('ref', ['deal'], match)})`,
          sql<SqlBool>`${sql.ref('deals.customer_id')} in (${ftsDocs('ref', ['customer'], match)})`,
        ]);
      }
      // One OR the planner can answer with a BitmapOr (title's trigram index, deals_customer), as for customers.
      return eb.or([
        sql<SqlBool>`${ilike(sql.ref('deals.title'), q)}`,
        sql<SqlBool>`${sql.ref('deals.customer_id')} = any(array(select id from customers where ${ilike(sql`name`, q)}))`,
      ]);
    }
    return eb.or([
      lowerLike('deals.title', q),
      sql<SqlBool>`exists (select 1 from customers sc where sc.id = ${sql.ref('deals.customer_id')} and lower(sc.name) like ${likePattern(q.toLowerCase())} escape '\\')`,
    ]);
  };
}
