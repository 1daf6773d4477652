import { describe, expect, it } from 'vitest';
import { drawCount, drawSample } from './draw.js';

const customers = Array.from({ length: 400 }, (_, i) => `c-${String(i).padStart(4, '0')}`);

describe('random call-back draw', () => {
  it('is reproducible from its seed, whatever the order of the customers', () => {
    const a = drawSample(customers, 500, 'seed-2026-11-team-east');
    const b = drawSample([...customers].reverse(), 500, 'seed-2026-11-team-east');
    expect(b).toEqual(a);
    expect(drawSample(customers, 500, 'another seed')).not.toEqual(a);
  });

  it('respects the share (rounded up, at least one, never more than the population)', () => {
    expect(drawSample(customers, 500, 's')).toHaveLength(20);
    expect(drawSample(customers.slice(0, 39), 500, 's')).toHaveLength(2);
    expect(drawSample(customers.slice(0, 3), 500, 's')).toHaveLength(1);
    expect(drawSample([], 500, 's')).toEqual([]);
    expect(drawSample(customers.slice(0, 3), 10_000, 's')).toHaveLength(3);
    expect([drawCount(0, 500), drawCount(1, 0), drawCount(20, 500), drawCount(21, 500)]).toEqual([0, 0, 1, 2]);
    expect(new Set(drawSample([...customers, ...customers], 500, 's')).size).toBe(20);
  });

  it('draws every customer about equally often over many seeds (no bias toward list order)', () => {
    const hits = new Map<string, number>();
    const pool = customers.slice(0, 40);
    for (let s = 0; s < 2000; s++) for (const id of drawSample(pool, 500, `seed-${s}`)) hits.set(id, (hits.get(id) ?? 0) + 1);
    // 2 of 40 per draw → 100 expected each; a fair draw stays well within 50–150.
    const counts = pool.map((id) => hits.get(id) ?? 0);
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });
});
