/**
 * The dimension-source registry: per source type, a loader that answers raw values for a batch of customers with
 * set-based queries (null/absent = no data: "missing", carried then excluded by score.ts). Sources that read the same
 * table are combined: every deal dimension of a model is one scan of won deals, every activity dimension one scan of
 * the batch's activities (a CASE column per dimension), so a batch costs one query per table, not per dimension.
 * Other modules' figures plug in here (the on-time payment rate of receivables). SQL stays in repo.ts.
 */
import type { Queryable } from '../../db/index.js';
import { parseJson } from '../../core/json.js';
import type { SourceConfig, SourceType } from './source-config.js';
import { onTimePaymentRates } from '../contracts/on-time-rate.js';
import * as repo from './repo.js';

export interface SourceContext {
  db: Queryable;
  asOf: Date;
  customers: readonly repo.BatchCustomer[];
}

type Loader<T extends SourceType> = (ctx: SourceContext, config: Extract<SourceConfig, { type: T }>) => Promise<Map<string, number | null>>;

const daysBefore = (asOf: Date, days: number) => new Date(asOf.getTime() - days * 86_400_000).toISOString();
const ids = (ctx: SourceContext) => ctx.customers.map((c) => c.id);
/** Counts are zero, not missing, for customers without rows. */
const withZeros = (ctx: SourceContext, counts: Map<string, number>) => new Map(ctx.customers.map((c) => [c.id, counts.get(c.id) ?? 0]));

/** A customer's field or custom field as text (null when empty). */
export function fieldValue(customer: repo.BatchCustomer, field: string): string | null {
  const value = field.startsWith('custom:') ? parseJson<Record<string, unknown>>(customer.custom, {})[field.slice(7)] : customer[field as 'level'];
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

const LOADERS: { [T in SourceType]: Loader<T> } = {
  field: async (ctx, config) =>
    new Map(
      ctx.customers.map((c) => {
        const text = fieldValue(c, config.field);
        if (text === null) return [c.id, null];
        const value = config.map ? config.map[text] : Number(text);
        return [c.id, value === undefined || !Number.isFinite(value) ? null : value];
      }),
    ),
  deals: async (ctx, config) => (await loadSources(ctx, [{ key: 'x', source: config }])).get('x')!,
  activities: async (ctx, config) => (await loadSources(ctx, [{ key: 'x', source: config }])).get('x')!,
  work_orders: async (ctx) => withZeros(ctx, await repo.openWorkOrders(ctx.db, ids(ctx))),
  on_time_payment_rate: async (ctx, config) => onTimePaymentRates(ctx.db, { asOf: ctx.asOf, customerIds: ids(ctx), graceWorkingDays: config.graceWorkingDays }),
};

export function loadSource(ctx: SourceContext, config: SourceConfig): Promise<Map<string, number | null>> {
  if (!ctx.customers.length) return Promise.resolve(new Map());
  return (LOADERS[config.type] as Loader<SourceType>)(ctx, config as never);
}

type Values = Map<string, number | null>;
type Of<T extends SourceType> = Extract<SourceConfig, { type: T }>;

/** Raw values of every dimension for the batch, by dimension key: deal and activity dimensions one query each. */
export async function loadSources(ctx: SourceContext, dims: ReadonlyArray<{ key: string; source: SourceConfig }>): Promise<Map<string, Values>> {
  const out = new Map<string, Values>();
  if (!ctx.customers.length) {
    for (const d of dims) out.set(d.key, new Map());
    return out;
  }
  const deals = dims.filter((d): d is { key: string; source: Of<'deals'> } => d.source.type === 'deals');
  const activities = dims.filter((d): d is { key: string; source: Of<'activities'> } => d.source.type === 'activities');
  const spread = (list: ReadonlyArray<{ key: string }>, rows: Map<string, number[]>) =>
    list.forEach((d, i) => out.set(d.key, withZeros(ctx, new Map([...rows].map(([id, v]) => [id, v[i]])))));
  if (deals.length) spread(deals, await repo.wonDealsMulti(ctx.db, ids(ctx), deals.map((d) => ({ since: daysBefore(ctx.asOf, d.source.days), measure: d.source.measure }))));
  if (activities.length) {
    const specs = activities.map((d) => ({ since: daysBefore(ctx.asOf, d.source.days), types: d.source.types, effectiveOnly: d.source.effectiveOnly }));
    spread(activities, await repo.activityCountsMulti(ctx.db, ids(ctx), ctx.asOf.toISOString(), specs));
  }
  for (const d of dims) if (!out.has(d.key)) out.set(d.key, await loadSource(ctx, d.source));
  return out;
}
