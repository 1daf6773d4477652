import type { Deps } from '../core/http.js';
import { yieldNow } from '../core/breathe.js';
import { configureSecrets } from '../core/secrets.js';
import { composeModules } from '../modules/index.js';
import type { Job } from './job.js';

export interface WorkerHandle {
  stop(): Promise<void>;
}

/**
 * Runs every job of the composed modules (or just `jobs`, as tests do) in its own loop: again after one turn of the
 * event loop while it has work, else after its idle interval. The turn matters on SQLite (a synchronous driver):
 * without it a job catching up on a backlog would keep HTTP from being served until the backlog is gone. Several
 * processes may run workers against one PostgreSQL; jobs claim rows so each piece of work happens once.
 */
/** The idle pause: the job's interval, cut short to its next deadline (a failing lookup keeps the interval). */
async function idleFor(job: Job, deps: Deps): Promise<number> {
  if (!job.nextWake) return job.idleIntervalMs;
  try {
    const next = await job.nextWake(deps);
    if (!next) return job.idleIntervalMs;
    return Math.max(0, Math.min(job.idleIntervalMs, Date.parse(next) - deps.clock.now().getTime()));
  } catch {
    return job.idleIntervalMs;
  }
}

export function startWorker(deps: Deps, log: (message: string, error?: unknown) => void, jobs?: readonly Job[]): WorkerHandle {
  // Composing installs the modules' hooks in this process even when only some jobs run.
  const root = composeModules();
  configureSecrets(deps.config);
  let stopped = false;
  // Idle pauses are cut short on stop: a shutdown waits for running work, never for a sleeping loop.
  const wakers = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });
  const loops = (jobs ?? root.jobs).map(async (job) => {
    while (!stopped) {
      let did = 0;
      try {
        did = await job.run(deps);
      } catch (error) {
        log(`job ${job.name} failed`, error);
      }
      if (!did && !stopped) await pause(await idleFor(job, deps));
      else await yieldNow();
    }
  });
  return {
    stop: async () => {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
