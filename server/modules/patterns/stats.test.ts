import { describe, expect, it } from 'vitest';
import { clearsBar, evidenceSentence, score, wilson } from './stats.js';

describe('Wilson interval', () => {
  it('matches published values', () => {
    // 134 of 150: p = 0.8933; Wilson 95 % = [0.8338, 0.9333] (computed independently: centre ± margin over 1 + z²/n).
    const w = wilson(134, 150);
    expect(w.low).toBeCloseTo(0.8338, 3);
    expect(w.high).toBeCloseTo(0.9333, 3);
    // 0 of 10: [0, 0.2775]; 10 of 10: [0.7225, 1].
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(0, 10).high).toBeCloseTo(0.2775, 3);
    expect(wilson(10, 10).low).toBeCloseTo(0.7225, 3);
    expect(wilson(10, 10).high).toBeCloseTo(1, 9);
  });
  it('is the whole range without data and narrows as n grows', () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
    const small = wilson(5, 10);
    const large = wilson(500, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(small.low).toBeLessThan(0.5);
    expect(small.high).toBeGreaterThan(0.5);
  });
});

describe('pattern score', () => {
  it('gives rate, lift over the baseline and the evidence sentence', () => {
    const s = score(134, 150, 150, 300);
    expect(s.outcomeRate).toBeCloseTo(0.8933, 4);
    expect(s.baseline).toBe(0.5);
    expect(s.lift).toBeCloseTo(1.7867, 4);
    expect(evidenceSentence(s, 'lost').zh).toBe('150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50%');
    expect(evidenceSentence(s, 'lost').en).toBe('134 of 150 similar deals were lost (89 %, 95 % CI 83–93 %), baseline 50 %');
  });
  it('clears the bar only with support, lift and an interval above the baseline', () => {
    const bar = { minSupport: 30, minLift: 1.2 };
    expect(clearsBar(score(134, 150, 150, 300), bar)).toBe(true);
    expect(clearsBar(score(20, 20, 150, 300), bar)).toBe(false); // support below 30
    expect(clearsBar(score(17, 30, 150, 300), bar)).toBe(false); // lift 1.13
    expect(clearsBar(score(22, 30, 100, 200), bar)).toBe(true); // 73 %: CI low 56 % > 50 %
    expect(clearsBar(score(20, 30, 100, 200), bar)).toBe(false); // 67 %, lift 1.33, but CI low 49 % < 50 %
  });
});
