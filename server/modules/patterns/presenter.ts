import { z } from 'zod';
import { userRef } from '../../core/contract.js';
import { parseJson } from '../../core/json.js';
import type { PatternsTable } from '../../db/schema-predictive.js';
import { evidenceSentence } from './stats.js';

export const patternSchema = z
  .object({
    id: z.string(),
    pipelineId: z.string(),
    description: z.string(),
    descriptionEn: z.string(),
    kind: z.enum(['risk', 'positive']),
    template: z.enum(['k_without', 'no_followup', 'k_in_stage']),
    params: z.record(z.string(), z.unknown()),
    support: z.number().int(),
    outcomeCount: z.number().int(),
    outcomeRate: z.number(),
    ciLow: z.number(),
    ciHigh: z.number(),
    baseline: z.number(),
    lift: z.number(),
    surfaced: z.boolean().describe('false: a candidate below the bar (admins only)'),
    evidence: z.string().describe('e.g. 150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50%'),
    evidenceEn: z.string(),
    suggestion: z.string().nullable(),
    suggestionEn: z.string().nullable(),
    minedAt: z.string(),
  })
  .meta({ id: 'Pattern' });

export function presentPattern(row: PatternsTable): z.infer<typeof patternSchema> {
  const kind = row.kind === 'positive' ? 'positive' : 'risk';
  const s = { support: row.support, outcomeCount: row.outcome_count, outcomeRate: row.outcome_rate, ciLow: row.ci_low, ciHigh: row.ci_high, baseline: row.baseline, lift: row.lift };
  const sentence = evidenceSentence(s, kind === 'risk' ? 'lost' : 'won');
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    description: row.description,
    descriptionEn: row.description_en,
    kind,
    template: row.template as 'k_without' | 'no_followup' | 'k_in_stage',
    params: parseJson<Record<string, unknown>>(row.params, {}),
    ...s,
    surfaced: row.surfaced === 1,
    evidence: sentence.zh,
    evidenceEn: sentence.en,
    suggestion: row.suggestion,
    suggestionEn: row.suggestion_en,
    minedAt: row.mined_at,
  };
}

export const patternDealSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    customer: z.object({ id: z.string(), name: z.string() }),
    owner: userRef,
    amountFen: z.number().int(),
    stageKey: z.string(),
    outcome: z.enum(['won', 'lost']),
    matchedAt: z.string().describe('when the deal first matched the pattern (strictly before its close)'),
    closedAt: z.string(),
  })
  .meta({ id: 'PatternDeal' });

export const patternDealsSchema = z
  .object({
    items: z.array(patternDealSchema),
    total: z.number().int().describe('deals in your scope; equals support for an org-wide reader'),
    support: z.number().int(),
  })
  .meta({ id: 'PatternDeals' });

const days = z.number().nullable();

const riskScoreSchema = z.union([
  z.object({
    available: z.literal(true),
    model: z.literal('logistic_l2'),
    lambda: z.number(),
    intercept: z.number(),
    trainDeals: z.number().int(),
    testDeals: z.number().int(),
    trainLossRate: z.number(),
    auc: z.number().nullable(),
    brier: z.number().nullable(),
    baseBrier: z.number().nullable().describe('Brier score of answering the training loss rate for every test deal'),
    threshold: z.number(),
    testLost: z.number().int(),
    flaggedLost: z.number().int(),
    flaggedWon: z.number().int(),
    avgDaysBeforeLoss: days,
    medianDaysBeforeLoss: days.optional(),
    dimensions: z.array(z.object({ key: z.string(), label: z.string(), labelEn: z.string(), weight: z.number() })),
  }),
  z.object({ available: z.literal(false), reason: z.string(), reasonEn: z.string(), trainDeals: z.number().int(), testDeals: z.number().int() }),
]);

/** What a mining run learnt from (patterns/backtest.ts ModelCard plus the risk score); empty before the first run. */
const modelCardContentSchema = z
  .object({
    won: z.number().int(),
    lost: z.number().int(),
    split: z.object({ trainDeals: z.number().int(), testDeals: z.number().int(), trainUntil: z.string().nullable(), testFrom: z.string().nullable() }),
    patterns: z.array(
      z.object({
        id: z.string(),
        description: z.string(),
        descriptionEn: z.string(),
        kind: z.enum(['risk', 'positive']),
        surfaced: z.boolean().optional().describe('surfaced on the whole history: raises live flags'),
        trainSupport: z.number().int(),
        trainRate: z.number(),
        surfacedOnTrain: z.boolean(),
        testSupport: z.number().int(),
        testHits: z.number().int(),
        testPrecision: z.number().nullable(),
      }),
    ),
    flaggedLostDeals: z.number().int(),
    avgDaysBeforeLoss: days,
    medianDaysBeforeLoss: days.optional(),
    testLostDeals: z.number().int(),
    candidatesTried: z.number().int(),
    leakageGuard: z.string(),
    riskScore: riskScoreSchema,
  })
  .partial()
  .describe('split, per-pattern out-of-time precision, days before loss (mean and median), the risk score');

export const modelCardSchema = z
  .object({
    pipelineId: z.string(),
    runId: z.string().nullable(),
    minedAt: z.string().nullable(),
    trigger: z.string().nullable(),
    settingsVersion: z.number().int().nullable(),
    coldStart: z.boolean(),
    dealsUsed: z.number().int(),
    minClosedDeals: z.number().int(),
    card: modelCardContentSchema,
  })
  .meta({ id: 'ModelCard' });

export const mineResultSchema = z
  .object({ runId: z.string(), coldStart: z.boolean(), tried: z.number().int(), surfaced: z.number().int(), candidates: z.number().int() })
  .meta({ id: 'MineResult' });

const loopGroupSchema = z.object({
  group: z.enum(['done', 'not_done', 'holdout']).describe('done / not_done: shown the suggestion; holdout: shown nothing'),
  flagged: z.number().int(),
  done: z.number().int().describe('answering action logged within loopDays working days of the flag'),
  won: z.number().int(),
  lost: z.number().int(),
  open: z.number().int(),
  winRate: z.number().nullable(),
  avgDaysToAction: z.number().nullable().describe('decision time: mean days from the flag to the answering action (those done in time)'),
  avgDaysToClose: z.number().nullable().describe('mean days from the flag to the close (closed deals)'),
});

export const loopReportSchema = z
  .object({
    pipelineId: z.string(),
    label: z.string().describe('观察性数据，非因果'),
    labelEn: z.string(),
    loopDays: z.number().int(),
    holdoutShare: z.number(),
    groups: z.array(loopGroupSchema),
    patterns: z.array(z.object({ patternId: z.string(), description: z.string(), descriptionEn: z.string(), groups: z.array(loopGroupSchema) })),
  })
  .meta({ id: 'PatternLoopReport' });
