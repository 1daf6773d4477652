/**
 * A memory bound for long batch passes (the import's dry run and commit). V8 collects lazily: with a few GB of heap
 * limit (its default on a machine with much memory) it lets garbage pile up to about four times the live heap before
 * a full collection. Measured on a 100,000-row import: live heap 50–90 MB, heap in use 230–370 MB, process RSS
 * 420–560 MB (docs/performance.md, Import). Node has no API to cap a running process's heap (only the
 * `--max-old-space-size` flag at start), so a pass calls `boundHeap()` between batches: above the budget it asks for a
 * full collection then and there, which costs one mark-compact of the live heap (~0.1 s) every few seconds of work.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap in use above which a pass collects between batches; with the ~150 MB the process needs outside the heap
 * (code, the loader thread, SQLite, buffers) this keeps an import under 400 MB RSS. */
export const HEAP_BUDGET_BYTES = 128 * 1024 * 1024;

let collect: (() => void) | null | undefined;

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
