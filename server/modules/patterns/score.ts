/**
 * The secondary risk score of the model card: an L2-regularised logistic regression of "lost" on the 12 behavioural
 * dimensions (dimensions.ts), fitted on the training part of the run's time split and judged on the later test part
 * only — out-of-time AUC and Brier score, the latter against the Brier score of always answering the training base
 * rate. Then, as for the patterns, how many days before the loss the score first crossed its flag threshold on the
 * test deals lost: snapshots at every action and every day of each deal's life, each seeing only what happened before
 * it. The weights are published with the card, so the score is a formula anyone can check, not a black box. Pure.
 */
import { featuresAt, DIMENSIONS, type StreamEvent } from './dimensions.js';
import { auc, brier, fitLogistic, predict, type LogisticModel } from './logistic.js';
import { median } from './backtest.js';

export interface ScoreDeal {
  id: string;
  status: 'won' | 'lost';
  createdAt: string;
  closedAt: string;
  events: StreamEvent[];
}

export type RiskScoreCard =
  | {
      available: true;
      model: 'logistic_l2';
      lambda: number;
      intercept: number;
      dimensions: { key: string; label: string; labelEn: string; weight: number }[];
      trainDeals: number;
      testDeals: number;
      trainLossRate: number;
      auc: number | null;
      brier: number | null;
      /** Brier score of answering the training loss rate for every test deal: the bar the model has to beat. */
      baseBrier: number | null;
      /** A deal is flagged once its predicted loss probability reaches minLift × the training loss rate. */
      threshold: number;
      testLost: number;
      flaggedLost: number;
      flaggedWon: number;
      avgDaysBeforeLoss: number | null;
      medianDaysBeforeLoss: number | null;
    }
  | { available: false; reason: string; reasonEn: string; trainDeals: number; testDeals: number };

/** Fewer training deals of either outcome than this and no score is offered (it would be noise with a number). */
export const MIN_PER_CLASS = 10;
export const LAMBDA = 1;
const DAY_MS = 86_400_000;
const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * The instants at which a deal's score is looked at: just after each action, and each day from its first action on
 * (time alone changes nothing in the dimensions but is where a live score would be read). Before the first action
 * there is nothing to score: a flag on an empty history would only restate the base rate.
 */
function snapshots(deal: ScoreDeal): string[] {
  const close = Date.parse(deal.closedAt);
  const times = new Set<number>(deal.events.map((e) => Date.parse(e.at) + 1));
  const first = Math.min(...times);
  for (let t = Date.parse(deal.createdAt) + DAY_MS; t < close; t += DAY_MS) if (t > first) times.add(t);
  return [...times].filter((t) => t < close).sort((a, b) => a - b).map((t) => new Date(t).toISOString());
}

/** When the score first reached the threshold before the close, or null. */
function firstFlag(model: LogisticModel, deal: ScoreDeal, threshold: number): string | null {
  for (const at of snapshots(deal)) if (predict(model, featuresAt(deal.events, at)) >= threshold) return at;
  return null;
}

/** `deals` oldest close first, as the card's split orders them; the first `trainCount` are the training history. */
export function buildRiskScore(deals: ScoreDeal[], trainCount: number, minLift: number): RiskScoreCard {
  const train = deals.slice(0, trainCount);
  const test = deals.slice(trainCount);
  const lostTrain = train.filter((d) => d.status === 'lost').length;
  if (lostTrain < MIN_PER_CLASS || train.length - lostTrain < MIN_PER_CLASS) {
    return {
      available: false,
      reason: `训练集需至少 ${MIN_PER_CLASS} 个输单和 ${MIN_PER_CLASS} 个赢单（现有 ${lostTrain} / ${train.length - lostTrain}）`,
      reasonEn: `The training history needs at least ${MIN_PER_CLASS} lost and ${MIN_PER_CLASS} won deals (has ${lostTrain} / ${train.length - lostTrain})`,
      trainDeals: train.length,
      testDeals: test.length,
    };
  }
  const label = (d: ScoreDeal) => (d.status === 'lost' ? 1 : 0);
  const model = fitLogistic(train.map((d) => featuresAt(d.events, d.closedAt)), train.map(label), { lambda: LAMBDA });
  const base = lostTrain / train.length;
  const labels = test.map(label);
  const probabilities = test.map((d) => predict(model, featuresAt(d.events, d.closedAt)));
  const threshold = Math.min(0.95, base * minLift);
  const leads: number[] = [];
  let flaggedWon = 0;
  for (const d of test) {
    const at = firstFlag(model, d, threshold);
    if (!at) continue;
    if (d.status === 'lost') leads.push((Date.parse(d.closedAt) - Date.parse(at)) / DAY_MS);
    else flaggedWon++;
  }
  return {
    available: true,
    model: 'logistic_l2',
    lambda: LAMBDA,
    intercept: round(model.intercept)!,
    dimensions: DIMENSIONS.map((dim, j) => ({ ...dim, weight: round(model.weights[j])! })),
    trainDeals: train.length,
    testDeals: test.length,
    trainLossRate: round(base)!,
    auc: round(auc(probabilities, labels)),
    brier: round(brier(probabilities, labels)),
    baseBrier: round(brier(labels.map(() => base), labels)),
    threshold: round(threshold)!,
    testLost: labels.filter((l) => l === 1).length,
    flaggedLost: leads.length,
    flaggedWon,
    avgDaysBeforeLoss: leads.length > 0 ? round(leads.reduce((a, b) => a + b, 0) / leads.length, 1) : null,
    medianDaysBeforeLoss: median(leads),
  };
}
