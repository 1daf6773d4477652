import type { Deps } from '../core/http.js';
import { yieldNow } from '../core/breathe.js';
import type { Job } from './job.js';
import { slaJob } from '../modules/sla/job.js';
import { cadencesJob } from '../modules/cadences/engine.js';
import { rulesJob } from '../modules/rules/job.js';
import { outboxJob } from '../modules/notifications/job.js';
import { noShowJob } from '../modules/appointments/job.js';
import { digestsJob } from '../modules/digests/job.js';
import { poolJob } from '../modules/leads/pool-job.js';

export const JOBS: Job[] = [slaJob, rulesJob, outboxJob, noShowJob, digestsJob, poolJob, cadencesJob];

export interface WorkerHandle {
  stop(): Promise<void>;
}

/**
 * Runs every job in its own loop: again after one turn of the event loop while it has work, else after its idle
 * interval. The turn matters on SQLite (a synchronous driver): without it a job catching up on a backlog would keep
 * HTTP from being served until the backlog is gone. Several processes may run workers against one PostgreSQL; jobs
 * claim rows so each piece of work happens once.
 */
export function startWorker(deps: Deps, log: (message: string, error?: unknown) => void, jobs: Job[] = JOBS): WorkerHandle {
  let stopped = false;
  const loops = jobs.map(async (job) => {
    while (!stopped) {
      let did = 0;
      try {
        did = await job.run(deps);
      } catch (error) {
        log(`job ${job.name} failed`, error);
      }
      if (!did && !stopped) await new Promise((resolve) => setTimeout(resolve, job.idleIntervalMs));
      else await yieldNow();
    }
  });
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
