/** Output shapes of the metrics routes. A metric's `answer` is its own schema (answers.ts);
 * every countable figure in it is a `{ cell, value }` object that `/records?cell=` answers with `total = value`. */
import { z } from 'zod';
import { userRef } from '../../core/contract.js';
import { ANSWER_SCHEMAS } from './answers.js';
import { METRIC_NAMES, type MetricName } from './schema.js';

const msg = z.object({ zh: z.string(), en: z.string() });

export const metricListSchema = z.object({
  items: z.array(z.object({ name: z.string(), title: msg, explain: msg, dims: z.array(z.string()) })),
});

/** The filters the answer was computed with (defaults filled in: period, pipeline). */
const echoedFilters = z
  .object({
    pipelineId: z.string().optional(),
    from: z.string(),
    to: z.string(),
    teamId: z.string().optional(),
    ownerId: z.string().optional(),
    industry: z.string().optional(),
    level: z.string().optional(),
    region: z.string().optional(),
    source: z.string().optional(),
    segment: z.string().optional(),
    idleDays: z.number().optional(),
  })
  .meta({ id: 'MetricFilters' });

/** Where the figures were read: now, or a snapshot the worker made at `asOf` (a view too large to compute per request). */
const source = z.enum(['live', 'snapshot']).describe('live: computed for this request; snapshot: read from the view\'s snapshot taken at asOf (metrics/snapshots.ts)');

const answerOf = <N extends MetricName>(name: N) =>
  z.object({
    name: z.literal(name),
    title: msg,
    explain: msg,
    asOf: z.string().describe('the instant the facts were read; pass it to /records to drill into the same snapshot'),
    source,
    timeZone: z.string(),
    scope: z.enum(['all', 'subtree', 'own']),
    filters: echoedFilters,
    answer: ANSWER_SCHEMAS[name],
  });

type AnswerVariant = ReturnType<typeof answerOf<MetricName>>;

/** One variant per metric, told apart by `name`: each metric's answer has its own schema (metrics/answers.ts). */
export const metricAnswerSchema = z
  .discriminatedUnion('name', METRIC_NAMES.map((n) => answerOf(n)) as unknown as [AnswerVariant, ...AnswerVariant[]])
  .meta({ id: 'MetricAnswer' });
export type MetricAnswerBody = z.infer<typeof metricAnswerSchema>;

export const drillItemSchema = z
  .object({
    kind: z.string().describe('deal | stay | gate | step | timer | activity | customer'),
    recordId: z.string(),
    dealId: z.string().nullable(),
    title: z.string(),
    customer: z.object({ id: z.string(), name: z.string() }).nullable(),
    owner: userRef.nullable(),
    stage: z.object({ key: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
    status: z.string().nullable(),
    amountFen: z.number().nullable().optional(),
    daysInStage: z.number().nullable().describe('working days'),
    lastEffectiveAt: z.string().nullable(),
    at: z.string().nullable(),
    detail: z.string().nullable(),
    dims: z.record(z.string(), z.string()),
    link: z.string(),
  })
  .meta({ id: 'DrillItem' });

export const drillPageSchema = z.object({
  items: z.array(drillItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  cell: z.string(),
  asOf: z.string(),
  source,
});
