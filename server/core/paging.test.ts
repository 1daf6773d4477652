import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { ESTIMATE_MAX_AGE_MS, decodeCursor, encodeCursor, listTotal, sampledTotal } from './paging.js';

/** Lets the recount scheduled after an answer run (one turn of the event loop, no timers). */
const afterAnswer = () => new Promise((resolve) => setImmediate(resolve));

describe('listTotal', () => {
  const counter = (rows: { n: number }) => {
    const calls = { capped: 0, full: 0 };
    return {
      calls,
      capped: async (limit: number) => (calls.capped++, Math.min(rows.n, limit)),
      full: async () => (calls.full++, rows.n),
    };
  };

  it('is exact up to the cap without a full count', async () => {
    const c = counter({ n: 7 });
    const total = await listTotal({ db: {}, key: 'k', clock: new ManualClock('2026-01-01T00:00:00Z'), cap: 10, ...c });
    expect(total).toEqual({ total: 7, totalIsEstimate: false });
    expect(c.calls.full).toBe(0);
  });

  it('answers a lower bound first, then the recounted estimate, recounting only when it is stale', async () => {
    const rows = { n: 500 };
    const c = counter(rows);
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const db = {};
    const ask = () => listTotal({ db, key: 'k', clock, cap: 10, ...c });
    expect(await ask()).toEqual({ total: 11, totalIsEstimate: true });
    await afterAnswer();
    expect(c.calls.full).toBe(1);
    expect(await ask()).toEqual({ total: 500, totalIsEstimate: true });
    rows.n = 800;
    await afterAnswer();
    expect(c.calls.full).toBe(1);
    expect(await ask()).toEqual({ total: 500, totalIsEstimate: true });
    clock.advance(ESTIMATE_MAX_AGE_MS);
    expect(await ask()).toEqual({ total: 500, totalIsEstimate: true });
    await afterAnswer();
    expect(c.calls.full).toBe(2);
    expect(await ask()).toEqual({ total: 800, totalIsEstimate: true });
    // Another database handle never sees this one's estimates.
    expect(await listTotal({ db: {}, key: 'k', clock, cap: 10, ...c })).toEqual({ total: 11, totalIsEstimate: true });
  });

  it('counts everything now when asked for the exact total', async () => {
    const c = counter({ n: 500 });
    expect(await listTotal({ db: {}, key: 'k', clock: new ManualClock('2026-01-01T00:00:00Z'), cap: 10, exact: true, ...c })).toEqual({ total: 500, totalIsEstimate: false });
  });
});

describe('sampledTotal (short searches without an index)', () => {
  it('is exact when the whole scope fits in the window, without asking for the scope total', async () => {
    let asked = 0;
    const total = await sampledTotal({ window: 100, sample: async (w) => ({ examined: Math.min(w, 40), matches: 7 }), scopeTotal: async () => (asked++, { total: 40, totalIsEstimate: false }) });
    expect(total).toEqual({ total: 7, totalIsEstimate: false });
    expect(asked).toBe(0);
  });

  it('examines at most the window and extrapolates the matching share to the scope, as an estimate', async () => {
    const windows: number[] = [];
    const total = await sampledTotal({ window: 100, sample: async (w) => (windows.push(w), { examined: w, matches: 5 }), scopeTotal: async () => ({ total: 10_000, totalIsEstimate: true }) });
    expect(windows).toEqual([100]);
    expect(total).toEqual({ total: 500, totalIsEstimate: true });
    // Never below what was actually seen.
    expect(await sampledTotal({ window: 100, sample: async (w) => ({ examined: w, matches: 90 }), scopeTotal: async () => ({ total: 50, totalIsEstimate: true }) })).toEqual({ total: 90, totalIsEstimate: true });
  });
});

describe('cursors', () => {
  const order = { column: 'deals.updated_at', direction: 'desc' as const };

  it('round-trips the sort value and id, including NULL values', () => {
    expect(decodeCursor(encodeCursor(order, '2026-01-01T00:00:00.000Z', 'abc'), order)).toEqual({ value: '2026-01-01T00:00:00.000Z', id: 'abc' });
    expect(decodeCursor(encodeCursor(order, null, 'x'), order)).toEqual({ value: null, id: 'x' });
    expect(decodeCursor(encodeCursor(order, 42, 'x'), order)).toEqual({ value: 42, id: 'x' });
  });

  it('refuses a cursor of another order or garbage, naming cursor', () => {
    const other = encodeCursor({ ...order, direction: 'asc' }, 'v', 'x');
    for (const raw of [other, 'garbage', Buffer.from('[1,2]').toString('base64url')]) {
      expect(() => decodeCursor(raw, order)).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'cursor' })] }));
    }
  });
});
