/** Output shapes of the metrics routes. A metric's `answer` is its own shape (documented per metric in its defs/ file);
 * every countable figure in it is a `{ cell, value }` object that `/records?cell=` answers with `total = value`. */
import { z } from 'zod';
import { userRef } from '../../core/contract.js';

const msg = z.object({ zh: z.string(), en: z.string() });

export const metricListSchema = z.object({
  items: z.array(z.object({ name: z.string(), title: msg, explain: msg, dims: z.array(z.string()) })),
});

export const metricAnswerSchema = z
  .object({
    name: z.string(),
    title: msg,
    explain: msg,
    asOf: z.string(),
    timeZone: z.string(),
    scope: z.enum(['all', 'subtree', 'own']),
    filters: z.record(z.string(), z.unknown()),
    answer: z.record(z.string(), z.unknown()).describe('the figures; every countable one is { cell, value, … }'),
  })
  .meta({ id: 'MetricAnswer' });

export const drillItemSchema = z
  .object({
    kind: z.string().describe('deal | stay | step | timer | activity'),
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
});
