/**
 * A metric is one named query. Its `facts` are SQL rows — one row per counted record occurrence, carrying the
 * dimension values that place it in the answer (stage, outcome, owner, week …). Everything else derives from them:
 * - the figure groups the facts by their dimensions (`groups`) and names each countable cell by the dimension values
 *   it fixes (`cellOf`);
 * - `/records?cell=` selects the same facts where those dimensions have those values (`factsPage`);
 * - the export walks the same facts (`factsBatches`).
 * So a cell's value, its drill total and its export rows are one count by construction.
 */
import { sql, type RawBuilder } from 'kysely';
import { invalid } from '../../core/errors.js';
import type { Msg } from '../../../shared/messages.js';
import type { MetricContext } from './context.js';
import type { MetricName } from './schema.js';

/** Columns every fact row has besides its dimensions. */
export interface FactRow {
  /** Unique within the facts of one request: keyset order of drill pages and exports. */
  row_id: string;
  /** The record a drill row opens: a deal, an activity, a cadence step, an SLA clock, a stay (also for a gate item), a customer. */
  record_id: string;
  /** The deal the row is about (null for activities without a deal). */
  deal_id: string | null;
  /** The instant the row is placed at (entered a stage, due, occurred), shown in the drill list. */
  at: string | null;
  /** What the row counts: a deal, a stay in a stage, a cadence step, an SLA clock, an activity. */
  kind: RecordKind;
  [dimension: string]: unknown;
}

export type RecordKind = 'deal' | 'stay' | 'gate' | 'step' | 'timer' | 'activity' | 'customer';

export interface Table {
  title: Msg;
  columns: Array<{ key: string; title: Msg; amount?: boolean }>;
  rows: Array<Record<string, unknown>>;
}

export interface MetricDef<A = unknown> {
  name: MetricName;
  title: Msg;
  /** How the number is defined, shown on screen and in the export. */
  explain: Msg;
  /** Dimension columns of the facts; a cell fixes some of them. */
  dims: readonly string[];
  facts(ctx: MetricContext): RawBuilder<FactRow> | null | Promise<RawBuilder<FactRow> | null>;
  figure(ctx: MetricContext, run: FactSource): Promise<A>;
  /** The answer as the tables the dashboard draws (one export sheet each). */
  tables(answer: A, ctx: MetricContext): Table[];
}

export interface Cell {
  cell: string;
  value: number;
}

/** A cell names the dimension values it fixes, in the metric's dimension order: `stage=quote&outcome=lost`. */
export function cellOf(def: Pick<MetricDef, 'dims'>, values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const dim of def.dims) if (values[dim] !== undefined) params.set(dim, String(values[dim]));
  return params.toString();
}

/** `*` is the cell of all the metric's facts (a total). */
export const ALL = '*';

export function parseCell(def: Pick<MetricDef, 'dims'>, cell: string): Record<string, string> {
  if (cell === ALL) return {};
  const params = new URLSearchParams(cell);
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!def.dims.includes(key) || key in out) throw invalid('cell', 'invalid', undefined, `unknown or repeated dimension ${key}; dimensions: ${def.dims.join(', ')}`);
    out[key] = value;
  }
  if (Object.keys(out).length === 0) throw invalid('cell', 'invalid', undefined, 'a cell fixes at least one dimension, or is * for all');
  return out;
}

/** Facts where the given dimensions have the given values (all text comparisons, as the dimensions are text). */
function cellWhere(values: Record<string, string>): RawBuilder<unknown> {
  const parts = Object.entries(values).map(([dim, value]) => sql`${sql.ref(`f.${dim}`)} = ${value}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`1 = 1`;
}

export interface GroupRow {
  n: number;
  sum: number;
  [dimension: string]: unknown;
}

/**
 * Sums of the group counts by fixed dimension values, indexed in one pass per combination of dimensions asked for:
 * figures that break a metric down per seller (and week, stage …) stay linear in the groups instead of filtering all
 * groups once per seller.
 */
export class Tally {
  private readonly indexes = new Map<string, Map<string, number>>();
  constructor(private readonly groups: readonly GroupRow[]) {}

  count(fixed: Record<string, string> = {}): number {
    const dims = Object.keys(fixed).sort();
    const id = dims.join('\u0001');
    let index = this.indexes.get(id);
    if (!index) {
      index = new Map();
      for (const g of this.groups) {
        const key = dims.map((d) => String(g[d])).join('\u0000');
        index.set(key, (index.get(key) ?? 0) + g.n);
      }
      this.indexes.set(id, index);
    }
    return index.get(dims.map((d) => fixed[d]).join('\u0000')) ?? 0;
  }
}

/** What a figure reads its facts through: SQL over the live facts query, or the rows a snapshot holds. */
export interface FactSource {
  /** Counts per combination of dimension values, with an optional summed numeric column (e.g. amount). */
  groups(sumColumn?: string): Promise<GroupRow[]>;
  /** All fact rows with the named columns (statistics that are not counts: dwell medians). */
  rows<R>(columns: string[]): Promise<R[]>;
  /** How many fact rows the figure read (the largest of its reads): what makes a view worth a snapshot. */
  readonly seen: number;
}

export class FactsRunner implements FactSource {
  seen = 0;
  constructor(
    private readonly def: MetricDef<unknown>,
    private readonly ctx: MetricContext,
    private readonly facts: RawBuilder<FactRow> | null,
  ) {}

  async groups(sumColumn?: string): Promise<GroupRow[]> {
    if (!this.facts) return [];
    const dims = this.def.dims.map((d) => sql.ref(`f.${d}`));
    const sum = sumColumn ? sql`sum(${sql.ref(`f.${sumColumn}`)})` : sql`0`;
    const { rows } = await sql<GroupRow>`select ${sql.join(dims)}, count(*) as n, ${sum} as sum from (${this.facts}) f group by ${sql.join(dims)}`.execute(this.ctx.db);
    const groups = rows.map((r) => ({ ...r, n: Number(r.n), sum: Number(r.sum ?? 0) }));
    this.seen = Math.max(this.seen, groups.reduce((n, g) => n + g.n, 0));
    return groups;
  }

  async rows<R>(columns: string[]): Promise<R[]> {
    if (!this.facts) return [];
    const cols = [...this.def.dims, ...columns].map((c) => sql.ref(`f.${c}`));
    const { rows } = await sql<R>`select ${sql.join(cols)} from (${this.facts}) f`.execute(this.ctx.db);
    this.seen = Math.max(this.seen, rows.length);
    return rows;
  }
}

/**
 * The same reads over fact rows already in memory (a snapshot being built): grouped as SQL groups them — one group
 * per combination of the values as the driver returned them, NULL a value of its own — so a figure computed from the
 * rows a snapshot stores equals the one its live query would give for them.
 */
export class RowsFacts implements FactSource {
  constructor(
    private readonly def: Pick<MetricDef, 'dims'>,
    private readonly facts: readonly FactRow[],
  ) {}

  get seen(): number {
    return this.facts.length;
  }

  async groups(sumColumn?: string): Promise<GroupRow[]> {
    const groups = new Map<string, GroupRow>();
    for (const f of this.facts) {
      const key = JSON.stringify(this.def.dims.map((d) => f[d] ?? null));
      let g = groups.get(key);
      if (!g) {
        g = { ...Object.fromEntries(this.def.dims.map((d) => [d, f[d] ?? null])), n: 0, sum: 0 };
        groups.set(key, g);
      }
      g.n++;
      if (sumColumn) g.sum += Number(f[sumColumn] ?? 0);
    }
    return [...groups.values()];
  }

  async rows<R>(columns: string[]): Promise<R[]> {
    const keys = [...this.def.dims, ...columns];
    return this.facts.map((f) => Object.fromEntries(keys.map((k) => [k, f[k]])) as R);
  }
}

export async function runner(def: MetricDef<unknown>, ctx: MetricContext): Promise<FactsRunner> {
  return new FactsRunner(def, ctx, await def.facts(ctx));
}

/** One page of the facts of a cell and their total: the drill list. */
export async function factsPage(def: MetricDef<unknown>, ctx: MetricContext, cell: string, page: number, pageSize: number) {
  const values = parseCell(def, cell);
  const facts = await def.facts(ctx);
  if (!facts) return { total: 0, rows: [] as FactRow[] };
  const where = cellWhere(values);
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`select count(*) as n from (${facts}) f where ${where}`.execute(ctx.db),
    sql<FactRow>`select f.* from (${facts}) f where ${where} order by f.row_id limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(ctx.db),
  ]);
  return { total: Number(count.rows[0]?.n ?? 0), rows: rows.rows };
}

/** Every fact row (of one cell, or all), in keyset batches: exports stream without holding the result in memory. */
export async function* factsBatches(def: MetricDef<unknown>, ctx: MetricContext, cell: string | undefined, batch = 5000): AsyncGenerator<FactRow[]> {
  const facts = await def.facts(ctx);
  if (!facts) return;
  const where = cell ? cellWhere(parseCell(def, cell)) : sql`1 = 1`;
  let after: string | null = null;
  for (;;) {
    const keyset: RawBuilder<unknown> = after === null ? sql`1 = 1` : sql`f.row_id > ${after}`;
    const { rows } = await sql<FactRow>`select f.* from (${facts}) f where ${where} and ${keyset} order by f.row_id limit ${batch}`.execute(ctx.db);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1].row_id;
  }
}

export const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 100 : null);
