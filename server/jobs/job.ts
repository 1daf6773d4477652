import type { Deps } from '../core/http.js';

/** A unit of background work the worker loop runs repeatedly; `run` returns how much it did (0 = idle). */
export interface Job {
  name: string;
  /** Pause between runs when the previous run found nothing to do. */
  idleIntervalMs: number;
  run(deps: Deps): Promise<number>;
}
