/**
 * List paging that stays cheap on large tables: keyset cursors for deep pages and infinite scroll, and totals that are
 * exact when a bounded count can tell, an estimate otherwise (refreshed in the background, never on the request).
 */
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { Clock } from './clock.js';
import { invalid } from './errors.js';

/** Query fields every cursor-paged list accepts, on top of `listQuery`. */
export const cursorQuery = {
  cursor: z.string().max(600).optional().describe('opaque `nextCursor` of the previous answer; takes precedence over `page`'),
  exactTotal: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional()
    .describe('count every match now instead of answering an estimate for large totals'),
};

/** Counting stops after this many rows: a total up to here is exact and costs a bounded index walk. */
export const EXACT_TOTAL_CAP = 1000;
/** An estimate older than this is recounted after the answer is sent. */
export const ESTIMATE_MAX_AGE_MS = 30_000;

export interface Order {
  column: string;
  direction: 'asc' | 'desc';
  /** The column may hold NULL: such rows come last in both directions, on both databases. */
  nullable?: boolean;
}

export interface Cursor {
  value: string | number | null;
  id: string;
}

const sortKeyOf = (order: Order) => `${order.column}:${order.direction}`;

export function encodeCursor(order: Order, value: unknown, id: string): string {
  const v = value === null || value === undefined ? null : typeof value === 'number' ? value : String(value);
  return Buffer.from(JSON.stringify([sortKeyOf(order), v, id])).toString('base64url');
}

/** A cursor made for another sort (or not made by us) is a 400 naming `cursor`, never a wrong page. */
export function decodeCursor(raw: string, order: Order): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', 'cursor_invalid');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[2] !== 'string') throw invalid('cursor', 'cursor_invalid');
  const [key, value, id] = parsed as [unknown, unknown, string];
  if (key !== sortKeyOf(order)) throw invalid('cursor', 'cursor_other_sort');
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw invalid('cursor', 'cursor_invalid');
  return { value: value as Cursor['value'], id };
}

/** `ORDER BY` terms for (column, id), NULLs last when the column is nullable. */
export function orderTerms(order: Order, idColumn: string): RawBuilder<unknown>[] {
  const dir = sql.raw(order.direction);
  const main = order.nullable
    ? sql`${sql.ref(order.column)} ${dir} nulls last`
    : sql`${sql.ref(order.column)} ${dir}`;
  return [main, sql`${sql.ref(idColumn)} ${dir}`];
}

export function applyOrder<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>, order: Order, idColumn: string) {
  let out = q;
  for (const term of orderTerms(order, idColumn)) out = out.orderBy(term as never);
  return out;
}

/** Rows strictly after the cursor in `order` — a range the (column, id) index answers directly. */
export function afterCursor(order: Order, idColumn: string, cursor: Cursor): Expression<SqlBool> {
  const col = sql.ref(order.column);
  const id = sql.ref(idColumn);
  const op = sql.raw(order.direction === 'desc' ? '<' : '>');
  if (cursor.value === null) return sql<SqlBool>`(${col} is null and ${id} ${op} ${cursor.id})`;
  // A row-value comparison is one index range on both databases; the expanded OR form is not on PostgreSQL.
  const after = sql<SqlBool>`((${col}, ${id}) ${op} (${cursor.value}, ${cursor.id}))`;
  return order.nullable ? sql<SqlBool>`(${after} or ${col} is null)` : after;
}

/** Fetch `limit + 1` rows, answer `limit` and the cursor of the last one when more follow. */
export function pageOf<R>(rows: R[], limit: number, order: Order, valueOf: (r: R) => unknown, idOf: (r: R) => string) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor(order, valueOf(last), idOf(last)) : null };
}

export interface Total {
  total: number;
  totalIsEstimate: boolean;
}

interface Estimate {
  total: number;
  at: number;
  refreshing: boolean;
}

const estimates = new WeakMap<object, Map<string, Estimate>>();

/**
 * The total of a list. `capped` counts at most `cap + 1` rows; `full` counts all of them. Up to the cap the answer
 * is exact. Above it the answer is the last full count of the same query (per database handle, per process), marked
 * as an estimate; a missing or stale one is recounted after this request, so no request pays for a full count unless
 * it asks for `exactTotal`.
 */
export async function listTotal(options: {
  db: object;
  key: string;
  clock: Clock;
  exact?: boolean;
  cap?: number;
  capped: (limit: number) => Promise<number>;
  full: () => Promise<number>;
}): Promise<Total> {
  const { db, key, clock } = options;
  if (options.exact) return { total: await options.full(), totalIsEstimate: false };
  const cap = options.cap ?? EXACT_TOTAL_CAP;
  const bounded = await options.capped(cap + 1);
  if (bounded <= cap) return { total: bounded, totalIsEstimate: false };
  let byKey = estimates.get(db);
  if (!byKey) estimates.set(db, (byKey = new Map()));
  const known = byKey.get(key);
  const now = clock.now().getTime();
  if (!known || (now - known.at >= ESTIMATE_MAX_AGE_MS && !known.refreshing)) {
    const entry: Estimate = known ?? { total: bounded, at: now, refreshing: true };
    entry.refreshing = true;
    byKey.set(key, entry);
    setImmediate(() => {
      options
        .full()
        .then((n) => Object.assign(entry, { total: n, at: clock.now().getTime() }))
        // The estimate stays as it was; the next request tries again.
        .catch(() => undefined)
        .finally(() => (entry.refreshing = false));
    });
  }
  return { total: Math.max(bounded, byKey.get(key)!.total), totalIsEstimate: true };
}

/** Rows a short (unindexed) search examines to answer its total: the cost is bounded whatever the table's size. */
export const SAMPLE_WINDOW = 5000;

/**
 * The total of a search no index can answer (1–2 characters): `sample` checks the predicate on at most `window` rows
 * of the scope (with the other filters) and says how many it examined and how many matched. When the whole scope fit
 * in the window the count is exact; otherwise the share that matched, times the scope's total (itself exact or an
 * estimate, without the search), is returned as an estimate — never a scan of the whole table.
 */
export async function sampledTotal(options: {
  window?: number;
  sample: (window: number) => Promise<{ examined: number; matches: number }>;
  scopeTotal: () => Promise<Total>;
}): Promise<Total> {
  const window = options.window ?? SAMPLE_WINDOW;
  const { examined, matches } = await options.sample(window);
  if (examined < window) return { total: matches, totalIsEstimate: false };
  const scope = await options.scopeTotal();
  return { total: Math.max(matches, Math.round((matches / examined) * scope.total)), totalIsEstimate: true };
}
