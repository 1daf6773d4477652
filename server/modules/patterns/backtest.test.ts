import { describe, expect, it } from 'vitest';
import { buildCard, median, timeSplit } from './backtest.js';

const deal = (i: number, status: 'won' | 'lost', day: number) => ({ id: `d${i}`, status, closed_at: new Date(Date.UTC(2026, 0, day)).toISOString() });
const bar = { minSupport: 2, minLift: 1.2, testShare: 0.3 };

describe('backtest', () => {
  it('splits by close instant: a tie with the last training deal stays in training', () => {
    const closed = Array.from({ length: 10 }, (_, i) => deal(i, i % 2 ? 'lost' : 'won', i < 8 ? i + 1 : 7));
    closed.sort((a, b) => a.closed_at.localeCompare(b.closed_at));
    // 70 % of 10 is 7, but the 8th and the 9th deal close at the same instant as the 7th.
    const split = timeSplit(closed, 0.3);
    expect(split.trainCount).toBe(9);
    expect(timeSplit(closed.slice(0, 7), 0.3).trainCount).toBe(5);
  });

  it('measures precision and lead time on the test deals only', () => {
    const closed = Array.from({ length: 10 }, (_, i) => deal(i, i < 5 ? 'lost' : 'won', i + 1));
    closed.sort((a, b) => a.closed_at.localeCompare(b.closed_at));
    const at = (i: number, days: number) => new Date(Date.parse(closed.find((d) => d.id === `d${i}`)!.closed_at) - days * 86_400_000).toISOString();
    const m = (i: number, days: number) => ({ dealId: `d${i}`, outcome: closed.find((d) => d.id === `d${i}`)!.status as 'won' | 'lost', matchedAt: at(i, days), closedAt: closed.find((d) => d.id === `d${i}`)!.closed_at });
    // Train (d0–d6): 3 of 4 matches lost; test (d7–d9): 1 match, won.
    const card = buildCard(closed, [{ id: 'p', description: 'p', descriptionEn: 'p', kind: 'risk', surfaced: true, matches: [m(0, 2), m(1, 3), m(2, 4), m(5, 1), m(8, 1)] }], bar);
    expect(card.split).toMatchObject({ trainDeals: 7, testDeals: 3 });
    expect(card.patterns[0]).toMatchObject({ trainSupport: 4, testSupport: 1, testHits: 0, testPrecision: 0 });
    expect(card).toMatchObject({ testLostDeals: 0, flaggedLostDeals: 0, medianDaysBeforeLoss: null });
  });

  it('median of lead times', () => {
    expect(median([])).toBeNull();
    expect(median([4, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
