import { describe, expect, it } from 'vitest';
import { bandOf, nextColour, switchStep, trendDrop, type ColourState } from './colour.js';
import { healthModelSchema, type HealthModelInput } from './definition.js';
import { normalizeValue, percentileRank, redistribute, scoreCustomer } from './score.js';

const base: HealthModelInput = {
  name: '康捷医疗',
  segmentBy: 'industry',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 3 },
  severeBelow: 15,
  coverageFloor: 0.6,
  missingDays: 7,
  trend: { drop: 15, days: 14 },
  groups: [
    {
      key: 'base',
      name: '基础',
      weight: 60,
      dimensions: [
        { key: 'purchase', name: '年采购额', weight: 50, source: { type: 'deals', measure: 'won_amount' }, normalize: { points: [[0, 0], [100, 100]] } },
        { key: 'lines', name: '产品线覆盖', weight: 50, source: { type: 'deals', measure: 'product_lines' }, normalize: { points: [[0, 0], [100, 100]] } },
      ],
    },
    {
      key: 'process',
      name: '过程',
      weight: 40,
      dimensions: [
        { key: 'visits', name: '近3月拜访', weight: 50, source: { type: 'activities', types: ['visit'] }, normalize: { points: [[0, 0], [100, 100]] } },
        { key: 'clinical', name: '临床反馈', weight: 50, source: { type: 'activities', types: ['feedback'] }, normalize: { points: [[0, 0], [100, 100]] }, notApplicableFor: ['经销商'] },
      ],
    },
  ],
};
const model = healthModelSchema.parse(base);
const now = new Date('2026-11-10T00:00:00.000Z');
const raws = (o: Record<string, number | null>) => new Map(Object.entries(o));

describe('normalisation', () => {
  it('is piecewise linear between breakpoints and clamped outside', () => {
    const pts: Array<[number, number]> = [[0, 0], [4, 60], [12, 100]];
    expect(normalizeValue(pts, -3)).toBe(0);
    expect(normalizeValue(pts, 2)).toBe(30);
    expect(normalizeValue(pts, 4)).toBe(60);
    expect(normalizeValue(pts, 8)).toBe(80);
    expect(normalizeValue(pts, 50)).toBe(100);
  });
  it('percentile rank counts ties half', () => {
    expect(percentileRank([1, 2, 3, 4], 3)).toBe(62.5);
    expect(percentileRank([1, 2, 3, 4], 0)).toBe(0);
    expect(percentileRank([1, 2, 3, 4], 9)).toBe(100);
    expect(percentileRank([1, 2, 2, 2, 5], 2)).toBe(50);
    expect(percentileRank([], 7)).toBe(50);
    // The binary search agrees with counting, on a long list with many ties.
    const sorted = Array.from({ length: 1000 }, (_, i) => Math.floor(i / 7));
    for (const raw of [-1, 0, 3, 50, 142, 143, 500]) {
      const below = sorted.filter((v) => v < raw).length;
      const equal = sorted.filter((v) => v === raw).length;
      expect(percentileRank(sorted, raw)).toBeCloseTo(((below + equal / 2) / sorted.length) * 100, 10);
    }
  });
  it('percentile normalisation ranks a raw value within its own segment, then maps the rank through the points', () => {
    const input = structuredClone(base);
    input.groups[0].dimensions[0].normalize = { percentile: true, points: [[0, 0], [50, 40], [100, 100]] };
    const m = healthModelSchema.parse(input);
    // Hospitals buy far more than distributors: the same 300 is top of the distributors and bottom of the hospitals.
    const segments: Record<string, number[]> = { 医院: [300, 800, 900, 1000], 经销商: [50, 100, 200, 300] };
    const score = (segment: string) =>
      scoreCustomer(m, {
        segment,
        raw: raws({ purchase: 300, lines: 50, visits: 50, clinical: 50 }),
        previous: null,
        now,
        percentile: (key, raw) => (key === 'purchase' ? percentileRank(segments[segment], raw) : undefined),
      }).contributions.find((c) => c.dimension === 'purchase')!;
    // Hospitals: rank 12.5 → 0 + 12.5/50 × 40 = 10; distributors: rank 87.5 → 40 + 37.5/50 × 60 = 85.
    expect(score('医院')).toMatchObject({ raw: 300, normalized: 10 });
    expect(score('经销商')).toMatchObject({ raw: 300, normalized: 85 });
    // A dimension without `percentile` ignores ranks: the points map the raw value.
    const plain = scoreCustomer(model, { segment: '医院', raw: raws({ purchase: 30, lines: 50, visits: 50, clinical: 50 }), previous: null, now, percentile: () => 99 });
    expect(plain.contributions[0]).toMatchObject({ normalized: 30 });
    expect(healthModelSchema.parse(base).groups[0].dimensions[0].normalize.percentile).toBe(false);
  });
  it('refuses weights that do not sum to 100 and decreasing breakpoints, with the path', () => {
    const bad = structuredClone(base);
    bad.groups[0].dimensions[0].weight = 40;
    bad.groups[1].dimensions[0].normalize = { points: [[5, 0], [1, 100]] };
    const issues = healthModelSchema.safeParse(bad).error!.issues.map((i) => i.path.join('.'));
    expect(issues).toContain('groups.0.dimensions');
    expect(issues).toContain('groups.1.dimensions.0.normalize.points');
  });
});

describe('redistribution and coverage', () => {
  it('a dimension not applicable to the segment gives its weight to its group', () => {
    const w = redistribute(model, (k) => k !== 'clinical');
    expect(Object.fromEntries(w)).toEqual({ purchase: 30, lines: 30, visits: 40, clinical: 0 });
    const s = scoreCustomer(model, { segment: '经销商', raw: raws({ purchase: 50, lines: 50, visits: 100, clinical: 0 }), previous: null, now });
    expect(s.score).toBe(70);
    expect(s.coverage).toBe(1);
    expect(s.contributions.find((c) => c.dimension === 'clinical')).toMatchObject({ status: 'not_applicable', weight: 0, contribution: 0 });
  });
  it('the contributions sum to the score', () => {
    const s = scoreCustomer(model, { segment: '医院', raw: raws({ purchase: 80, lines: 20, visits: 55, clinical: 10 }), previous: null, now });
    expect(s.score).toBeCloseTo(s.contributions.reduce((a, c) => a + c.contribution, 0), 1);
    expect(s.score).toBe(0.3 * 80 + 0.3 * 20 + 0.2 * 55 + 0.2 * 10);
  });
  it('a missing value is carried for missingDays, then excluded and counted in the coverage', () => {
    const first = scoreCustomer(model, { segment: '医院', raw: raws({ purchase: 80, lines: 80, visits: 80, clinical: 80 }), previous: null, now });
    const later = new Date(now.getTime() + 3 * 86_400_000);
    const stale = scoreCustomer(model, { segment: '医院', raw: raws({ purchase: null, lines: 80, visits: 80, clinical: 80 }), previous: first.contributions, now: later });
    expect(stale.contributions[0]).toMatchObject({ status: 'stale', raw: 80, missingSince: later.toISOString() });
    expect(stale.coverage).toBe(1);
    // Seven days after the feed failed the value is still carried; the eighth it is excluded.
    const week = new Date(later.getTime() + 7 * 86_400_000);
    expect(scoreCustomer(model, { segment: '医院', raw: raws({ purchase: null, lines: 40, visits: 40, clinical: 40 }), previous: stale.contributions, now: week }).contributions[0].status).toBe('stale');
    const muchLater = new Date(later.getTime() + 8 * 86_400_000);
    const gone = scoreCustomer(model, { segment: '医院', raw: raws({ purchase: null, lines: 40, visits: 40, clinical: 40 }), previous: stale.contributions, now: muchLater });
    expect(gone.contributions[0]).toMatchObject({ status: 'missing', raw: null, weight: 0 });
    expect(gone.coverage).toBe(0.7);
    expect(gone.score).toBe(40);
    const poor = scoreCustomer(model, { segment: '医院', raw: raws({ purchase: null, lines: null, visits: 40, clinical: null }), previous: null, now });
    expect(poor.coverage).toBe(0.2);
    expect(nextColour(model, { colour: 'green', pending: null }, { score: poor.score, coverage: poor.coverage, date: '2026-11-10' }).state.colour).toBe('grey');
  });
});

describe('colour with hysteresis', () => {
  const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
  it('a long score oscillating around the green boundary changes colour far less often than fixed thresholds', () => {
    // 200 nights: 70 ± 4 around the green/yellow boundary, a real drop to 55 for 10 nights, the wobble again
    // (which must not turn it green: it never clears 70 + h), then a real recovery to 80.
    const scores = Array.from({ length: 200 }, (_, i) => (i >= 100 && i < 110 ? 55 : i >= 150 ? 80 : 70 + (i % 2 === 0 ? 4 : -4)));
    let state: ColourState = { colour: null, pending: null };
    let changes = 0;
    let fixedChanges = 0;
    let fixed: string | null = null;
    scores.forEach((score, i) => {
      const step = nextColour(model, state, { score, coverage: 1, date: day(i) });
      if (step.changed && step.changed.from !== null) changes++;
      state = step.state;
      const band = bandOf(model.bands, score);
      if (fixed !== null && band !== fixed) fixedChanges++;
      fixed = band;
    });
    expect(fixedChanges).toBeGreaterThan(120);
    // Only the real drop and the real recovery: green → yellow → green.
    expect(changes).toBe(2);
  });
  it('needs k consecutive days beyond the boundary by h, a same-day recompute does not count twice', () => {
    let state: ColourState = { colour: 'green', pending: null };
    const step = (score: number, date: string) => {
      const s = nextColour(model, state, { score, coverage: 1, date });
      state = s.state;
      return s.changed;
    };
    expect(step(66, day(0))).toBeNull(); // within h of 70: no candidate
    expect(state.pending).toBeNull();
    expect(step(60, day(1))).toBeNull();
    expect(step(60, day(1))).toBeNull();
    expect(state.pending).toMatchObject({ colour: 'yellow', count: 1 });
    expect(step(61, day(2))).toBeNull();
    expect(step(72, day(3))).toBeNull(); // back: the pending change is dropped
    expect(state.pending).toBeNull();
    expect(step(60, day(4))).toBeNull();
    expect(step(60, day(5))).toBeNull();
    expect(step(60, day(6))).toEqual({ from: 'green', to: 'yellow', reason: 'confirmed' });
  });
  it('the severe floor turns red at once', () => {
    expect(nextColour(model, { colour: 'green', pending: null }, { score: 10, coverage: 1, date: day(0) }).changed).toEqual({ from: 'green', to: 'red', reason: 'severe' });
  });
  it('a model switch takes the colour afresh, but a change the old model would confirm at that computation keeps its reason', () => {
    // Same bands, only renamed: the switch changes nothing by itself. k = 3.
    const renamed = healthModelSchema.parse({ ...base, name: '康捷医疗 v2' });
    const input = { score: 60, coverage: 1, date: day(3) };
    const old = { model, input };
    // One computation away from yellow (two of three days counted): the old model confirms it now → not quiet.
    const due = { colour: 'green' as const, pending: { colour: 'yellow' as const, count: 2, lastDate: day(2) } };
    expect(switchStep(renamed, due, input, old)).toMatchObject({ changed: { from: 'green', to: 'yellow', reason: 'confirmed' }, state: { colour: 'yellow', pending: null } });
    // The same day already counted (a same-day recompute): the old model would not confirm it yet → the switch's doing.
    expect(switchStep(renamed, { ...due, pending: { ...due.pending, lastDate: day(3) } }, input, old).changed).toEqual({ from: 'green', to: 'yellow', reason: 'model_switch' });
    // Two away (one day counted), or nothing pending: the switch alone turns it yellow → quiet.
    expect(switchStep(renamed, { colour: 'green', pending: { colour: 'yellow', count: 1, lastDate: day(2) } }, input, old).changed?.reason).toBe('model_switch');
    expect(switchStep(renamed, { colour: 'green', pending: null }, input, old).changed?.reason).toBe('model_switch');
    // Without the old model's score nothing can be attributed: the switch takes the blame.
    expect(switchStep(renamed, due, input, null).changed?.reason).toBe('model_switch');
    // The old model would confirm yellow, but the new bands say red: a different change, the switch's doing.
    const stricter = healthModelSchema.parse({ ...base, bands: { green: 90, yellow: 65 } });
    expect(switchStep(stricter, due, input, old).changed).toEqual({ from: 'green', to: 'red', reason: 'model_switch' });
    // Below the old model's severe floor: red anyway.
    expect(switchStep(stricter, due, { ...input, score: 10 }, { model, input: { ...input, score: 10 } }).changed).toEqual({ from: 'green', to: 'red', reason: 'severe' });
    // A pending change the new model's colour agrees with the current one: no change at all.
    const lenient = healthModelSchema.parse({ ...base, bands: { green: 55, yellow: 30 } });
    expect(switchStep(lenient, due, input, old)).toMatchObject({ changed: null, state: { colour: 'green', pending: null } });
  });
});

describe('trend rule', () => {
  it('fires on a drop of at least N from the window peak, even while green', () => {
    const window = [{ score: 92, at: '2026-11-01' }, { score: 88, at: '2026-11-05' }];
    expect(trendDrop(model.trend, { score: 77, window })).toEqual({ drop: 15, peak: { score: 92, at: '2026-11-01' } });
    expect(trendDrop(model.trend, { score: 78, window })).toBeNull();
    expect(trendDrop(undefined, { score: 0, window })).toBeNull();
  });
});
