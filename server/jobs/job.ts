import type { Deps } from '../core/http.js';

/** One thing a time-driven job did, for `tick` output and audits. */
export interface Fired {
  /** What fired: `sla.deal`, `sla.task`, `cadence.step_overdue`, `appointment.no_show`, `pool.sweep`, `digest`, … */
  kind: string;
  /** The deadline or slot it fired for (ISO instant). */
  at: string;
  subject?: { type: string; id: string };
  [detail: string]: unknown;
}

export interface Pass {
  /** How much the pass did (0 = idle): events consumed, rows claimed, levels fired. */
  did: number;
  fired: Fired[];
}

/**
 * A unit of background work. The worker loop calls `run` repeatedly; `tick --at` calls the same `pass` with a clock
 * fixed at each instant it replays, so the two share one code path. Passes are bounded (batch sizes, `breathe`), so
 * the loop can yield to HTTP between them.
 */
export interface Job {
  name: string;
  /** Pause between runs when the previous run found nothing to do. */
  idleIntervalMs: number;
  run(deps: Deps): Promise<number>;
  /** The pass `run` makes, with what it fired. Jobs without it (the outbox) are not replayed by `tick`. */
  pass?(deps: Deps): Promise<Pass>;
  /**
   * Time-driven jobs: the earliest instant, not after `deps.clock`, at which something of theirs is due and not done.
   * `tick` steps the clock through these instants so kinds act in time order.
   */
  nextDue?(deps: Deps): Promise<string | null>;
  /**
   * `tick` fires everything this job has due up to the next other kind's deadline in one step (jobs with many
   * deadlines: SLA levels, no-shows); otherwise it steps to each of its deadlines (cron slots run on time, not late).
   */
  replayInBatches?: boolean;
  /**
   * Jobs with deadlines: the earliest one still ahead of `deps.clock` (null: none). The worker sleeps until then when
   * it comes before the idle interval ends, so a deadline fires when it falls due, not up to one interval later.
   */
  nextWake?(deps: Deps): Promise<string | null>;
  /** Before `tick` asks `nextDue`: bring the job's own state up to date without firing (the SLA engine's events). */
  prepare?(deps: Deps, first: boolean): Promise<void>;
}

/** A job whose `run` is its `pass`. */
export function defineJob(job: Omit<Job, 'run'> & { pass(deps: Deps): Promise<Pass> }): Job {
  return { ...job, run: async (deps) => (await job.pass(deps)).did };
}
