/**
 * A health model as admins write it (API body and YAML file): groups with weights summing to 100, each with
 * dimensions whose weights sum to 100 within the group; each dimension has a source (sources.ts), a normalisation to
 * 0–100 and the segments it does not apply to. Bands, hysteresis, the severe floor, the coverage floor, how long a
 * missing value is carried and the trend rule complete it. Pure: no SQL. Checked by one zod schema, so the API and
 * YAML import give the same field paths (YAML adds line numbers).
 */
import { z } from 'zod';
import { coded, formatMessage } from '../../core/validation.js';
import { identifier } from '../pipelines/definition.js';
import { ACTIVITY_TYPES } from '../activities/effective.js';
import { SOURCE_SCHEMAS } from './source-config.js';

const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const num = (min: number, max: number) => z.number({ error: 'must be a number' }).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const whole = (min: number, max: number) => z.number({ error: 'must be a whole number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/**
 * Piecewise-linear breakpoints `[raw, score]`, raw strictly increasing; values outside are clamped to the ends. With
 * `percentile`, the raw value is first ranked among the same segment's customers (0–100, ties count half), and the
 * points map that rank: `[[0, 0], [100, 100]]` scores the rank itself.
 */
export const normalizeSchema = z.strictObject({
  percentile: z.boolean({ error: 'must be true or false' }).default(false),
  points: z
    .array(z.tuple([z.number({ error: 'must be a number' }), num(0, 100)], { error: 'each point is [raw, score 0–100]' }))
    .min(2, 'give at least two points')
    .max(20, 'at most 20 points')
    .refine((pts) => pts.every((p, i) => i === 0 || p[0] > pts[i - 1][0]), coded('points_increasing')),
});
export type Normalize = z.output<typeof normalizeSchema>;

export const dimensionSchema = z.strictObject({
  key: identifier,
  name: text(100),
  nameEn: text(100).optional(),
  weight: num(0, 100),
  source: z.discriminatedUnion('type', SOURCE_SCHEMAS, { error: 'must be one of field, deals, activities, work_orders, on_time_payment_rate' }),
  normalize: normalizeSchema,
  /** Segment values (of `segmentBy`) for which this dimension does not apply: its weight goes to the others. */
  notApplicableFor: z.array(text(100)).max(50).default([]),
});
export type Dimension = z.output<typeof dimensionSchema>;

const groupSchema = z.strictObject({
  key: identifier,
  name: text(100),
  nameEn: text(100).optional(),
  weight: num(0, 100),
  dimensions: z.array(dimensionSchema).min(1, 'add at least one dimension').max(30, 'at most 30 dimensions'),
});

const sum = (weights: number[]) => Math.round(weights.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
const sumsTo100 = (weights: number[]) => Math.abs(sum(weights) - 100) < 1e-6;

export const healthModelSchema = z
  .strictObject({
    name: text(100),
    nameEn: text(100).optional(),
    /** The customer field naming a segment: industry, level, kind, region, source or custom:<key>. */
    segmentBy: z
      .string({ error: 'must be text' })
      .regex(/^(industry|level|kind|region|source|custom:[A-Za-z0-9_]{1,64})$/, formatMessage('profile_field_format'))
      .optional(),
    bands: z.strictObject({ green: num(0, 100), yellow: num(0, 100) }).refine((b) => b.green > b.yellow, coded('bands_order')),
    hysteresis: z.strictObject({ points: num(0, 50), computations: whole(1, 30) }).default({ points: 5, computations: 3 }),
    /** Below this the customer turns red at once, without waiting for confirmation. */
    severeBelow: num(0, 100).optional(),
    /** Share (0–1) of the applicable weight that must have data; below it the customer is grey 数据不足. */
    coverageFloor: num(0, 1).default(0.6),
    /** A value missing because its feed failed keeps its last value this many days, then is excluded. */
    missingDays: whole(0, 365).default(7),
    trend: z.strictObject({ drop: num(1, 100), days: whole(1, 365) }).optional(),
    groups: z.array(groupSchema).min(1, 'add at least one group').max(10, 'at most 10 groups'),
  })
  .superRefine((m, ctx) => {
    if (!sumsTo100(m.groups.map((g) => g.weight))) ctx.addIssue({ code: 'custom', path: ['groups'], ...coded('weights_sum_100', { sum: sum(m.groups.map((g) => g.weight)) }) });
    const keys = new Set<string>();
    m.groups.forEach((g, gi) => {
      if (!sumsTo100(g.dimensions.map((d) => d.weight))) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'dimensions'], ...coded('weights_sum_100', { sum: sum(g.dimensions.map((d) => d.weight)) }) });
      g.dimensions.forEach((d, di) => {
        if (keys.has(d.key)) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'dimensions', di, 'key'], ...coded('dimension_key_twice', { key: d.key }) });
        keys.add(d.key);
        if (d.notApplicableFor.length && !m.segmentBy) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'dimensions', di, 'notApplicableFor'], ...coded('segment_by_required') });
      });
    });
    if (m.severeBelow !== undefined && m.severeBelow > m.bands.yellow) ctx.addIssue({ code: 'custom', path: ['severeBelow'], ...coded('severe_above_yellow', { yellow: m.bands.yellow }) });
  });
/**
 * What a new version must pass on top: activity types the activity log knows (an unknown one would count 0 for ever).
 * Stored versions are read with `healthModelSchema` alone, so a version published before a check was added still loads.
 */
export const publishableModelSchema = healthModelSchema.superRefine((m, ctx) => {
  m.groups.forEach((g, gi) =>
    g.dimensions.forEach((d, di) => {
      if (d.source.type !== 'activities') return;
      d.source.types?.forEach((type, ti) => {
        if (!(ACTIVITY_TYPES as readonly string[]).includes(type)) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'dimensions', di, 'source', 'types', ti], ...coded('unknown_value', { values: ACTIVITY_TYPES.join(', ') }) });
      });
    }),
  );
});
export type HealthModelInput = z.input<typeof healthModelSchema>;
export type HealthModel = z.output<typeof healthModelSchema>;

export const COLOURS = ['green', 'yellow', 'red', 'grey'] as const;
export type Colour = (typeof COLOURS)[number];

/** Every dimension with its group, in model order. */
export function dimensionsOf(model: HealthModel) {
  return model.groups.flatMap((g) => g.dimensions.map((d) => ({ group: g, dim: d })));
}
