/**
 * The sources a dimension can read, as configuration (zod). Their loaders live in sources.ts (one set-based query
 * per dimension and batch of customers). Adding a source: a schema here and a loader there. Pure.
 */
import { formatMessage } from '../../core/validation.js';
import { z } from 'zod';

const whole = (min: number, max: number) => z.number({ error: 'must be a whole number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const days = whole(1, 3660);

export const CUSTOMER_FIELDS = ['level', 'industry', 'region', 'source', 'kind'] as const;

export const SOURCE_SCHEMAS = [
  /** A customer field or custom field; text values are mapped to numbers with `map`, numbers are taken as they are. */
  z.strictObject({
    type: z.literal('field'),
    field: z.string({ error: 'must be text' }).regex(/^(level|industry|region|source|kind|custom:[A-Za-z0-9_]{1,64})$/, formatMessage('profile_field_format')),
    map: z.record(z.string(), z.number({ error: 'must be a number' })).optional(),
  }),
  /** Won deals closed within `days`: their summed amount (fen) or the number of product lines (pipelines) bought. */
  z.strictObject({
    type: z.literal('deals'),
    measure: z.enum(['won_amount', 'product_lines'], { error: 'must be won_amount or product_lines' }),
    days: days.default(365),
  }),
  /** Activities within `days`, of the given types (all when absent), optionally only the effective ones. */
  z.strictObject({
    type: z.literal('activities'),
    types: z.array(z.string().min(1).max(64)).max(20).optional(),
    effectiveOnly: z.boolean({ error: 'must be true or false' }).default(false),
    days: days.default(90),
  }),
  /** Work orders on the customer that are not resolved or closed. */
  z.strictObject({ type: z.literal('work_orders') }),
  /**
   * The amount-weighted share (0–1) of instalments due in the trailing 365 days paid within `graceWorkingDays` of
   * their due date (contracts/on-time-rate.ts). A customer with nothing due has no value (missing, not zero).
   */
  z.strictObject({ type: z.literal('on_time_payment_rate'), graceWorkingDays: whole(0, 60).default(0) }),
] as const;

export type SourceConfig = z.output<(typeof SOURCE_SCHEMAS)[number]>;
export type SourceType = SourceConfig['type'];

/** Sources whose raw value is an amount: hidden from roles that may not read amounts (support). */
export function isAmountSource(source: SourceConfig): boolean {
  return source.type === 'deals' && source.measure === 'won_amount';
}
