/**
 * The model card of a pipeline's run: what the patterns were learnt from and how they fare out of time. Pure.
 * The closed deals are split by close instant: the oldest (1 − testShare) are the training history, the most recent
 * the test set. Each surfaced pattern is scored again on the training history alone (would it have been surfaced?)
 * and its precision measured on the test deals it matches; for test deals that were lost and matched by a risk
 * pattern that the training history surfaces, how many days before the loss the flag first appeared.
 */
import { clearsBar, score } from './stats.js';

export interface MatchFact {
  dealId: string;
  outcome: 'won' | 'lost';
  matchedAt: string;
  closedAt: string;
}

export interface CardPattern {
  id: string;
  description: string;
  descriptionEn: string;
  kind: 'risk' | 'positive';
  matches: MatchFact[];
}

export interface ModelCard {
  dealsUsed: number;
  won: number;
  lost: number;
  split: { trainDeals: number; testDeals: number; trainUntil: string | null; testFrom: string | null };
  patterns: {
    id: string;
    description: string;
    descriptionEn: string;
    kind: 'risk' | 'positive';
    trainSupport: number;
    trainRate: number;
    surfacedOnTrain: boolean;
    testSupport: number;
    testHits: number;
    testPrecision: number | null;
  }[];
  /** Test deals lost and flagged beforehand by a pattern the training history surfaced, and the mean lead time. */
  flaggedLostDeals: number;
  avgDaysBeforeLoss: number | null;
  testLostDeals: number;
}

const DAY_MS = 86_400_000;

export function buildCard(closed: { id: string; status: string; closed_at: string }[], patterns: CardPattern[], bar: { minSupport: number; minLift: number; testShare: number }): ModelCard {
  const n = closed.length;
  const trainCount = Math.max(0, Math.min(n, Math.round(n * (1 - bar.testShare))));
  const train = new Set(closed.slice(0, trainCount).map((d) => d.id));
  const trainLost = closed.slice(0, trainCount).filter((d) => d.status === 'lost').length;
  const testDeals = closed.slice(trainCount);
  const cardPatterns: ModelCard['patterns'] = [];
  const leadTimes = new Map<string, number>();
  for (const p of patterns) {
    const outcome = p.kind === 'risk' ? 'lost' : 'won';
    const inTrain = p.matches.filter((m) => train.has(m.dealId));
    const inTest = p.matches.filter((m) => !train.has(m.dealId));
    const baselineCount = outcome === 'lost' ? trainLost : trainCount - trainLost;
    const trainScore = score(inTrain.filter((m) => m.outcome === outcome).length, inTrain.length, baselineCount, trainCount);
    const surfacedOnTrain = clearsBar(trainScore, bar);
    const testHits = inTest.filter((m) => m.outcome === outcome).length;
    cardPatterns.push({
      id: p.id,
      description: p.description,
      descriptionEn: p.descriptionEn,
      kind: p.kind,
      trainSupport: inTrain.length,
      trainRate: trainScore.outcomeRate,
      surfacedOnTrain,
      testSupport: inTest.length,
      testHits,
      testPrecision: inTest.length > 0 ? testHits / inTest.length : null,
    });
    if (p.kind !== 'risk' || !surfacedOnTrain) continue;
    for (const m of inTest) {
      if (m.outcome !== 'lost') continue;
      const days = (Date.parse(m.closedAt) - Date.parse(m.matchedAt)) / DAY_MS;
      leadTimes.set(m.dealId, Math.max(leadTimes.get(m.dealId) ?? 0, days));
    }
  }
  const times = [...leadTimes.values()];
  return {
    dealsUsed: n,
    won: closed.filter((d) => d.status === 'won').length,
    lost: closed.filter((d) => d.status === 'lost').length,
    split: { trainDeals: trainCount, testDeals: testDeals.length, trainUntil: trainCount > 0 ? closed[trainCount - 1].closed_at : null, testFrom: testDeals[0]?.closed_at ?? null },
    patterns: cardPatterns,
    flaggedLostDeals: times.length,
    avgDaysBeforeLoss: times.length > 0 ? Math.round((times.reduce((a, b) => a + b, 0) / times.length) * 10) / 10 : null,
    testLostDeals: testDeals.filter((d) => d.status === 'lost').length,
  };
}
