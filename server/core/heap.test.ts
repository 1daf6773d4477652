import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { boundHeap } from './heap.js';

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
