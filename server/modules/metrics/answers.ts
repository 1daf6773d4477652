/**
 * The answer of every metric as its own zod schema: the route's response (a union on `name` in the OpenAPI document,
 * from which the web app's types are generated) and the TypeScript type each defs/ file's `figure` returns, so the
 * documented shape and the computed one cannot drift. Every countable figure is a `MetricCell` ({ cell, value }).
 * Amount figures are optional: they are left out for callers who may not see amounts.
 */
import { z } from 'zod';

export const cellSchema = z.object({ cell: z.string().describe('what `/records?cell=` takes; its total equals value'), value: z.number() }).meta({ id: 'MetricCell' });
const stageRef = z.object({ key: z.string(), name: z.string(), nameEn: z.string() }).meta({ id: 'MetricStage' });
const owner = z.object({ id: z.string(), name: z.string() });
const team = z.object({ id: z.string(), name: z.string() });
const msg = z.object({ zh: z.string(), en: z.string() });
const rate = z.number().nullable().describe('percent, two decimals; null when nothing to divide by');
const withCell = <T extends z.ZodRawShape>(shape: T) => cellSchema.extend(shape);

export const funnelAnswer = z
  .object({
    pipeline: z.object({ id: z.string(), key: z.string(), name: z.string() }),
    cohort: z.array(
      z.object({
        stage: stageRef,
        entered: cellSchema,
        wentOn: cellSchema,
        next: cellSchema,
        lost: cellSchema,
        open: cellSchema,
        won: cellSchema,
        skipped: withCell({ reasons: z.array(withCell({ reason: z.string() })) }),
        conversionNext: rate,
        conversionLater: rate,
      }),
    ),
    snapshot: z.object({
      label: msg,
      stages: z.array(z.object({ stage: stageRef, probability: z.number(), deals: cellSchema, amountFen: z.number().optional(), weightedFen: z.number().optional() })),
      total: cellSchema,
      amountFen: z.number().optional(),
      weightedFen: z.number().optional(),
    }),
  })
  .meta({ id: 'FunnelAnswer' });

const stayStats = { completed: cellSchema, open: cellSchema, median: z.number().nullable(), kmMedian: z.number().nullable() };
export const dwellAnswer = z
  .object({
    unit: z.literal('working_days'),
    stages: z.array(z.object({ ...stayStats, p90: z.number().nullable(), stage: stageRef, sellers: z.array(z.object({ owner, ...stayStats })) })),
  })
  .meta({ id: 'DwellAnswer' });

export const heatmapAnswer = z
  .object({
    unit: z.literal('working_days'),
    stages: z.array(stageRef),
    cells: z.array(withCell({ owner, stage: z.string(), average: z.number().nullable() })),
    unusedCustomFields: z.array(z.object({ entity: z.string(), key: z.string(), label: z.string(), labelEn: z.string().nullable() })),
    unusedTags: z.array(z.object({ key: z.string(), label: z.string(), labelEn: z.string().nullable() })).describe('active activity tags no activity carries'),
  })
  .meta({ id: 'HeatmapAnswer' });

export const stalledAnswer = z
  .object({
    idleDays: z.number(),
    total: cellSchema,
    stalled: cellSchema,
    planned: cellSchema,
    teamShare: rate,
    stages: z.array(z.object({ stage: stageRef, open: cellSchema, stalled: cellSchema, planned: cellSchema, slaAfter: z.string().nullable() })),
    sellers: z.array(z.object({ owner, open: cellSchema, stalled: cellSchema, planned: cellSchema, share: rate, ratio: z.number().nullable(), flagged: z.boolean() })),
  })
  .meta({ id: 'StalledAnswer' });

const dueDone = { due: cellSchema, done: cellSchema, rate };
export const saturationAnswer = z
  .object({
    warnBelow: z.number(),
    weeks: z.array(z.string()),
    total: withCell({ done: cellSchema, rate }),
    sources: z.array(z.object({ source: z.enum(['cadence', 'gate']), ...dueDone })).describe('cadence steps and stage gate checklist items apart'),
    sellers: z.array(z.object({ owner, ...dueDone, warn: z.boolean(), weeks: z.array(z.object({ week: z.string(), ...dueDone, warn: z.boolean() })) })),
  })
  .meta({ id: 'SaturationAnswer' });

const onTimeParts = { onTime: cellSchema, late: cellSchema, missed: cellSchema, rate };
export const cadenceOnTimeAnswer = z
  .object({ total: cellSchema, ...onTimeParts, cadences: z.array(z.object({ cadence: z.string(), due: cellSchema, ...onTimeParts })) })
  .meta({ id: 'CadenceOnTimeAnswer' });

export const timelinessAnswer = z
  .object({
    stages: z.array(z.object({ stage: stageRef, clocks: cellSchema, breached: cellSchema, rate })),
    steps: z.array(z.object({ step: z.string(), due: cellSchema, breached: cellSchema, rate })),
    total: cellSchema,
    breached: cellSchema,
    rate,
  })
  .meta({ id: 'TimelinessAnswer' });

export const completenessAnswer = z
  .object({
    total: withCell({ filled: cellSchema, rate }),
    stages: z.array(
      z.object({
        stage: stageRef,
        required: cellSchema,
        filled: cellSchema,
        rate,
        fields: z.array(z.object({ field: z.string(), label: z.string(), labelEn: z.string(), missing: cellSchema, filled: cellSchema, rate })),
      }),
    ),
  })
  .meta({ id: 'CompletenessAnswer' });

const density = { interactions: cellSchema, customers: z.number(), idi: z.number().nullable() };
export const idiAnswer = z
  .object({
    benchmark: z.number(),
    weeks: z.number(),
    total: withCell({ customers: z.number(), idi: z.number().nullable() }),
    teams: z.array(z.object({ team, ...density })),
    sellers: z.array(z.object({ owner, team, ...density })),
  })
  .meta({ id: 'IdiAnswer' });

export const lossMatrixAnswer = z
  .object({
    segment: z.string(),
    stages: z.array(stageRef),
    rows: z.array(z.object({ segment: z.string(), lost: cellSchema, cells: z.array(z.object({ stage: z.string(), lost: cellSchema, reached: cellSchema, rate })) })),
    reasons: z.array(withCell({ reason: z.string() })).describe('lost deals by lost reason (dictionary key; empty for deals lost before reasons were required)'),
    total: cellSchema,
  })
  .meta({ id: 'LossMatrixAnswer' });

export const winRateAnswer = z
  .object({
    won: cellSchema,
    lost: cellSchema,
    closed: cellSchema,
    winRate: rate,
    averageCycleDays: z.number().nullable(),
    averageCycleWorkingDays: z.number().nullable(),
    sellers: z.array(z.object({ owner, won: cellSchema, lost: cellSchema, winRate: rate, averageCycleDays: z.number().nullable() })),
  })
  .meta({ id: 'WinRateAnswer' });

export const leadQualityAnswer = z
  .object({
    sources: z.array(z.object({ source: z.string(), deals: cellSchema, won: cellSchema, lost: cellSchema, open: cellSchema, conversion: rate, wonAmountFen: z.number().optional() })),
    total: cellSchema,
  })
  .meta({ id: 'LeadQualityAnswer' });

export const consistencyAnswer = z
  .object({
    customers: cellSchema.describe('customers logged by ≥ 2 sellers in the period'),
    states: z.array(withCell({ state: z.enum(['agree', 'partial', 'disagree', 'untagged']) })),
    agreement: z.number().nullable().describe('mean agreement in percent over customers with any tag'),
    agreeRate: rate.describe('share of tagged customers whose sellers all recorded the same tags'),
  })
  .meta({ id: 'ConsistencyAnswer' });

/** Every metric's answer schema by name (the registry checks that each metric has one). */
export const ANSWER_SCHEMAS = {
  funnel: funnelAnswer,
  dwell: dwellAnswer,
  stalled: stalledAnswer,
  saturation: saturationAnswer,
  timeliness: timelinessAnswer,
  cadence_ontime: cadenceOnTimeAnswer,
  completeness: completenessAnswer,
  idi: idiAnswer,
  loss_matrix: lossMatrixAnswer,
  win_rate: winRateAnswer,
  lead_quality: leadQualityAnswer,
  heatmap: heatmapAnswer,
  consistency: consistencyAnswer,
} as const;

export type Cell = z.infer<typeof cellSchema>;
export type FunnelAnswer = z.infer<typeof funnelAnswer>;
export type DwellAnswer = z.infer<typeof dwellAnswer>;
export type HeatmapAnswer = z.infer<typeof heatmapAnswer>;
export type StalledAnswer = z.infer<typeof stalledAnswer>;
export type SaturationAnswer = z.infer<typeof saturationAnswer>;
export type CadenceOnTimeAnswer = z.infer<typeof cadenceOnTimeAnswer>;
export type TimelinessAnswer = z.infer<typeof timelinessAnswer>;
export type CompletenessAnswer = z.infer<typeof completenessAnswer>;
export type IdiAnswer = z.infer<typeof idiAnswer>;
export type LossMatrixAnswer = z.infer<typeof lossMatrixAnswer>;
export type WinRateAnswer = z.infer<typeof winRateAnswer>;
export type LeadQualityAnswer = z.infer<typeof leadQualityAnswer>;
export type ConsistencyAnswer = z.infer<typeof consistencyAnswer>;
