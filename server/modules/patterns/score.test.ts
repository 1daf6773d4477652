import { describe, expect, it } from 'vitest';
import { DIMENSIONS, featuresAt, type StreamEvent } from './dimensions.js';
import { buildRiskScore, MIN_PER_CLASS, type ScoreDeal } from './score.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const act = (at: number, tags: string[] = [], extra: Partial<StreamEvent> = {}): StreamEvent => ({ at: iso(at), src: 'activity', type: 'call', effective: true, tags, contacts: [], ...extra });

describe('behavioural dimensions', () => {
  it('counts 12 dimensions from what happened strictly before the cutoff', () => {
    const t0 = Date.parse('2026-03-02T02:00:00.000Z');
    const events: StreamEvent[] = [
      act(t0, ['price_confirmation'], { contacts: ['c1'] }),
      act(t0 + DAY, ['price_confirmation'], { contacts: ['c1', 'c2'] }),
      act(t0 + 4 * DAY, [], { type: 'visit', effective: false }),
      { at: iso(t0 + 5 * DAY), src: 'open', type: 'material_opened', effective: false, tags: [], contacts: [] },
      // At the cutoff and after it: never seen (a "loss reason" logged at the close, a late technical comparison).
      act(t0 + 6 * DAY, ['loss_reason_filled', 'technical_comparison']),
      act(t0 + 9 * DAY, ['technical_comparison']),
    ];
    const f = featuresAt(events, iso(t0 + 6 * DAY));
    expect(f).toHaveLength(DIMENSIONS.length);
    expect(DIMENSIONS).toHaveLength(12);
    const raw = Object.fromEntries(DIMENSIONS.map((d, j) => [d.key, Math.round(Math.expm1(f[j]) * 1000) / 1000]));
    expect(raw).toEqual({
      effective: 2, unanswered: 1, contacts: 2, visits: 1, demos: 0, price_confirmation: 2, technical_comparison: 0,
      competitor_sheet: 0, second_walkthrough: 0, materials_sent: 0, material_opens: 1, longest_gap: 3,
    });
    // The gap up to the cutoff is not a dimension: a deal closed a month after going quiet looks the same.
    expect(featuresAt(events, iso(t0 + 6 * DAY))).toEqual(featuresAt(events.slice(0, 4), iso(t0 + 40 * DAY)));
  });
});

describe('risk score', () => {
  /** Deals one day apart: lost ones confirm price 3 times with no technical comparison, won ones send it first. */
  function history(n: number, flip: (i: number) => boolean): ScoreDeal[] {
    const start = Date.parse('2026-01-05T02:00:00.000Z');
    return Array.from({ length: n }, (_, i) => {
      const created = start + i * DAY;
      const lost = i % 2 === 0 ? !flip(i) : flip(i);
      const tags = lost ? ['price_confirmation', 'price_confirmation', 'price_confirmation'] : ['technical_comparison', 'price_confirmation', 'price_confirmation'];
      const events = tags.map((tag, k) => act(created + (k + 1) * DAY, [tag]));
      const closedAt = iso(created + 8 * DAY);
      // The trap: every lost deal has a "visit" logged at its close — a perfect predictor, if it were seen.
      if (lost) events.push(act(Date.parse(closedAt), [], { type: 'visit' }));
      return { id: `d${i}`, status: lost ? 'lost' : 'won', createdAt: iso(created), closedAt, events };
    });
  }

  it('learns out of time: AUC above chance, Brier below the base rate, flags lost deals days ahead', () => {
    // One deal in five has the other outcome than its actions suggest (noise).
    const card = buildRiskScore(history(200, (i) => i % 5 === 0), 140, 1.2);
    if (!card.available) throw new Error(card.reasonEn);
    expect(card).toMatchObject({ trainDeals: 140, testDeals: 60, trainLossRate: 0.5, threshold: 0.6 });
    expect(card.auc).toBeGreaterThan(0.7);
    expect(card.brier!).toBeLessThan(card.baseBrier!);
    expect(card.baseBrier).toBeCloseTo(0.25, 6);
    const weight = (key: string) => card.dimensions.find((d) => d.key === key)!.weight;
    expect(weight('price_confirmation')).toBeGreaterThan(0);
    expect(weight('technical_comparison')).toBeLessThan(0);
    // The trap's visits are at the close: never seen, so the visit dimension is a constant 0 with no weight.
    expect(weight('visits')).toBe(0);
    // The 3rd price confirmation is on day 3, the close on day 8: the score flags at the 3rd (or earlier) → ≥ 5 days.
    expect(card.flaggedLost).toBeGreaterThan(0);
    expect(card.avgDaysBeforeLoss).toBeGreaterThanOrEqual(5);
    expect(card.avgDaysBeforeLoss).toBeLessThanOrEqual(7);
  });

  it('is not offered below the per-class minimum', () => {
    const deals = history(40, () => false).map((d, i) => (i < 30 ? { ...d, status: 'won' as const } : d));
    const card = buildRiskScore(deals, 30, 1.2);
    expect(card).toMatchObject({ available: false, trainDeals: 30, testDeals: 10 });
    expect(card.available ? '' : card.reason).toContain(`至少 ${MIN_PER_CLASS} 个输单`);
  });
});
