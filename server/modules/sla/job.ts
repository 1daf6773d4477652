import type { Deps } from '../../core/http.js';
import type { Job } from '../../jobs/job.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import { consumeSlaEvents } from './consumer.js';
import { fireDue, type Firing } from './fire.js';

/**
 * One pass of the SLA engine: turn new events into timers, then fire what is due as of `deps.clock`.
 * Returns how much it did, so the worker loops again at once while there is work.
 */
export async function runSla(deps: Deps, options: { limit?: number; onFire?: (f: Firing) => void } = {}): Promise<number> {
  const consumed = await consumeSlaEvents(deps.db, deps.dialect, deps.clock, await loadWorkCalendar(deps.db, deps.config.timeZone));
  // Read again: an event just consumed may have been a calendar change.
  const calendar = await loadWorkCalendar(deps.db, deps.config.timeZone);
  const fired = await fireDue({ db: deps.db, dialect: deps.dialect, clock: deps.clock, calendar }, options.limit ?? 500, options.onFire);
  return consumed + fired;
}

/** Runs passes until nothing is left (events consumed, every due level fired): for `tick` and tests. */
export async function runSlaUntilIdle(deps: Deps): Promise<Firing[]> {
  const fired: Firing[] = [];
  for (let guard = 0; guard < 100_000; guard++) {
    if ((await runSla(deps, { onFire: (f) => fired.push(f) })) === 0) break;
  }
  return fired.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.timer.localeCompare(b.timer) || a.level - b.level);
}

/** Polls every second when idle, so a level fires within about a second of its deadline. */
export const slaJob: Job = { name: 'sla', idleIntervalMs: 1000, run: (deps) => runSla(deps) };
