import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { boundedPass, boundHeap, heapBounded } from './heap.js';

const used = () => v8.getHeapStatistics().used_heap_size;

describe('boundHeap', () => {
  it('leaves the heap alone under the budget', () => {
    expect(boundHeap(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('over the budget, collects the garbage a batch left behind (without --expose-gc at start)', () => {
    // ~40 MB of short-lived objects, as a batch of rows leaves them: unreachable once the block ends.
    {
      let garbage: string[][] | null = Array.from({ length: 200_000 }, (_, i) => [`行${i}`, `row ${i} `.repeat(8)]);
      expect(garbage.length).toBe(200_000);
      garbage = null;
    }
    const before = used();
    expect(boundHeap(before - 1)).toBe(true);
    expect(used()).toBeLessThan(before - 20 * 1024 * 1024);
  });
});

describe('boundedPass', () => {
  it('holds the bound while any pass runs, overlapping passes included, and lifts it after the last (also on a failure)', async () => {
    expect(heapBounded()).toBe(false);
    let release!: () => void;
    const first = boundedPass(() => new Promise<void>((resolve) => (release = resolve)));
    expect(heapBounded()).toBe(true);
    await expect(boundedPass(async () => Promise.reject(new Error('batch failed')))).rejects.toThrow('batch failed');
    // The failed second pass must not lift the bound the first still needs.
    expect(heapBounded()).toBe(true);
    release();
    await first;
    expect(heapBounded()).toBe(false);
  });

  it('keeps the heap of a pass that churns promoted garbage far below what V8 lets it grow to by default', () => {
    // Its own process each: the heap of the test runner would blur both figures.
    const fixture = fileURLToPath(new URL('../../tests/fixtures/heap-churn.ts', import.meta.url));
    const run = (mode: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fixture, mode], { encoding: 'utf8' })) as { maxMb: number };
    const bounded = run('bounded');
    const unbounded = run('default');
    // Measured: ~90 MB bounded against ~210 MB with V8's dynamic growth (live set ~60 MB plus a window of batches).
    expect(bounded.maxMb).toBeLessThan(unbounded.maxMb * 0.7);
  }, 60_000);
});
