/**
 * A memory bound for long batch passes (the import's dry run and commit), in the process that runs them (the CLI, or
 * the server's background phase), without start-up flags.
 *
 * V8 collects lazily: after each full collection it lets the heap grow by a dynamic factor of up to 4× the live heap
 * before the next one. Measured on a 100,000-row import with Node's defaults: live heap ~50 MB (mostly code), heap in
 * use 120–370 MB, process RSS 420–580 MB (docs/performance.md, Import). Two levers, both applied here:
 *
 * 1. While a pass runs, `--heap-growing-percent` makes V8 grow the heap by a fixed share over the live heap after a
 *    full collection instead: the next collection comes at ~1.5× live, still V8's own incremental, concurrent marking.
 *    The flag is read each time V8 recomputes its limit, so setting it at run time works; the default (0, dynamic) is
 *    put back when the last pass ends, so the server between imports behaves as before.
 * 2. `boundHeap()` between batches: a backstop for a heap in use above a fixed budget (a pass with unusually large live
 *    data); it forces a full collection then and there. Forced collections shrink and regrow the heap (page faults,
 *    system time), so they are the exception, not the mechanism.
 *
 * Why not a worker thread with `resourceLimits`: a worker is a second isolate that loads the module graph again
 * (the commit writes through most modules' write paths); measured, that alone adds ~135 MB RSS, more than the garbage it
 * would bound (docs/architecture.md, Import memory).
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap in use above which a pass collects between batches (the backstop). */
export const HEAP_BUDGET_BYTES = 128 * 1024 * 1024;

/** How much V8 may grow the heap over the live heap after a full collection while a pass runs. */
export const PASS_HEAP_GROWING_PERCENT = 50;

let collect: (() => void) | null | undefined;
let passes = 0;

/** V8's full collection, exposed at run time (started with --expose-gc, `gc` is already there). */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return (collect = existing);
  try {
    v8.setFlagsFromString('--expose-gc');
    // The flag applies to contexts created after it: a fresh one hands over the function.
    collect = runInNewContext('gc') as () => void;
  } catch {
    collect = null;
  }
  return collect;
}

/** Collects now when the heap in use is over the budget; answers whether it did. */
export function boundHeap(budget = HEAP_BUDGET_BYTES): boolean {
  if (v8.getHeapStatistics().used_heap_size < budget) return false;
  const gc = collector();
  if (!gc) return false;
  gc();
  return true;
}

/** Whether a bounded pass is running in this process (V8 then grows its heap by the fixed share). */
export function heapBounded(): boolean {
  return passes > 0;
}

/**
 * Runs a long pass with V8's heap growth held to `PASS_HEAP_GROWING_PERCENT` over the live heap. Passes may overlap
 * (two imports in one server): the setting stays until the last one ends.
 */
export async function boundedPass<T>(work: () => Promise<T>): Promise<T> {
  if (passes++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${PASS_HEAP_GROWING_PERCENT}`);
  try {
    return await work();
  } finally {
    if (--passes === 0) v8.setFlagsFromString('--heap-growing-percent=0');
  }
}
