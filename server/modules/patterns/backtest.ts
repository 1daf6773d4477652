/**
 * The model card of a pipeline's run: what the patterns were learnt from and how they fare out of time. Pure.
 * The closed deals are split by close instant (`timeSplit`): the oldest (1 − testShare) are the training history, the
 * most recent the test set. Mining decides which patterns surface on the training history alone (mine.ts); the card
 * gets those patterns, re-checks each on the training deals (surfacedOnTrain) and measures its precision on the test
 * deals it matches only; for test deals that were lost and matched by a risk pattern the training history surfaces,
 * how many days before the loss the flag first appeared (mean and median).
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
  /** Shown to users (it also clears the bar on all history); the card lists every training pick either way. */
  surfaced: boolean;
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
    surfaced: boolean;
    trainSupport: number;
    trainRate: number;
    surfacedOnTrain: boolean;
    testSupport: number;
    testHits: number;
    testPrecision: number | null;
  }[];
  /** Test deals lost and flagged beforehand by a pattern the training history surfaced, and the mean and median lead time. */
  flaggedLostDeals: number;
  avgDaysBeforeLoss: number | null;
  medianDaysBeforeLoss: number | null;
  testLostDeals: number;
}

const DAY_MS = 86_400_000;

export interface TimeSplit {
  /** The first `trainCount` of the closed deals (oldest close first) are the training history. */
  trainCount: number;
  train: Set<string>;
  trainLost: number;
}

/**
 * The time split of a pipeline's closed deals, oldest close first: the oldest (1 − testShare) train, the rest test.
 * Deals closed at the same instant as the last training deal stay in training, so every test deal closed strictly
 * after every training deal (an instant split, not a count that could cut a tie in two).
 */
export function timeSplit(closed: { id: string; status: string; closed_at: string }[], testShare: number): TimeSplit {
  const n = closed.length;
  let trainCount = Math.max(0, Math.min(n, Math.round(n * (1 - testShare))));
  while (trainCount > 0 && trainCount < n && closed[trainCount].closed_at === closed[trainCount - 1].closed_at) trainCount++;
  const trainDeals = closed.slice(0, trainCount);
  return { trainCount, train: new Set(trainDeals.map((d) => d.id)), trainLost: trainDeals.filter((d) => d.status === 'lost').length };
}

/** The median of a list (null when empty), to one decimal. */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return Math.round(m * 10) / 10;
}

export function buildCard(closed: { id: string; status: string; closed_at: string }[], patterns: CardPattern[], bar: { minSupport: number; minLift: number; testShare: number }): ModelCard {
  const n = closed.length;
  const { trainCount, train, trainLost } = timeSplit(closed, bar.testShare);
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
      surfaced: p.surfaced,
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
    medianDaysBeforeLoss: median(times),
    testLostDeals: testDeals.filter((d) => d.status === 'lost').length,
  };
}
