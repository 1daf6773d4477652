/**
 * The dimension-source registry: per source type, a loader that answers raw values for a batch of customers with
 * one set-based query (null/absent = no data: "missing", carried then excluded by score.ts). Other modules' figures
 * plug in here (the on-time payment rate of receivables). SQL stays in repo.ts.
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
  deals: async (ctx, config) => withZeros(ctx, await repo.wonDeals(ctx.db, ids(ctx), daysBefore(ctx.asOf, config.days), config.measure)),
  activities: async (ctx, config) => withZeros(ctx, await repo.activityCounts(ctx.db, ids(ctx), daysBefore(ctx.asOf, config.days), ctx.asOf.toISOString(), config.types, config.effectiveOnly)),
  work_orders: async (ctx) => withZeros(ctx, await repo.openWorkOrders(ctx.db, ids(ctx))),
  on_time_payment_rate: async (ctx, config) => onTimePaymentRates(ctx.db, { asOf: ctx.asOf, customerIds: ids(ctx), graceWorkingDays: config.graceWorkingDays }),
};

export function loadSource(ctx: SourceContext, config: SourceConfig): Promise<Map<string, number | null>> {
  if (!ctx.customers.length) return Promise.resolve(new Map());
  return (LOADERS[config.type] as Loader<SourceType>)(ctx, config as never);
}
