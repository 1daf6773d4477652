import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.js';

describe('outbox retry backoff', () => {
  it('doubles from 5 s and stops growing at the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 5000, 60_000))).toEqual([5000, 10_000, 20_000, 40_000, 60_000]);
    expect(backoffMs(40, 5000, 900_000)).toBe(900_000);
  });
});
