import type { Deps } from '../../core/http.js';
import { defineJob, type Fired } from '../../jobs/job.js';
import { loadCalendars } from '../calendar/schedules.js';
import { consumeSlaEvents, reconcileTimers } from './consumer.js';
import { fireDue, type Firing } from './fire.js';
import { cadenceStepTasks, earliestDue, nextDueAfter } from './repo.js';

/**
 * One pass of the SLA engine: turn new events into timers, then fire what is due as of `deps.clock`.
 * Returns how much it did, so the worker loops again at once while there is work.
 */
export async function runSla(deps: Deps, options: { limit?: number; onFire?: (f: Firing) => void; reconcile?: boolean; batchSize?: number } = {}): Promise<number> {
  if (options.reconcile) {
    await reconcileTimers(deps.db, deps.dialect, await loadCalendars(deps.db, deps.config.timeZone), deps.clock.now().toISOString());
  }
  const consumed = await consumeSlaEvents(deps.db, deps.dialect, deps.clock, await loadCalendars(deps.db, deps.config.timeZone));
  // Read again: an event just consumed may have been a calendar change.
  const calendars = await loadCalendars(deps.db, deps.config.timeZone);
  const fired = await fireDue({ db: deps.db, dialect: deps.dialect, clock: deps.clock, calendars, batchSize: options.batchSize }, options.limit ?? 2000, options.onFire);
  return consumed + fired;
}

/** Runs passes until nothing is left (events consumed, every due level fired): for tests. */
export async function runSlaUntilIdle(deps: Deps): Promise<Firing[]> {
  const fired: Firing[] = [];
  // Events first, then records that never had an event (bulk loads), then everything due.
  await runSla(deps, { limit: 0 });
  for (let guard = 0; guard < 100_000; guard++) {
    if ((await runSla(deps, { onFire: (f) => fired.push(f), reconcile: guard === 0 })) === 0) break;
  }
  return fired.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.timer.localeCompare(b.timer) || a.level - b.level);
}

/** Firings as `tick` reports them: a cadence step's task reports as the step. */
async function asFired(deps: Deps, firings: Firing[]): Promise<Fired[]> {
  const steps = await cadenceStepTasks(deps.db, firings.filter((f) => f.subject.type === 'task').map((f) => f.subject.id));
  return firings.map((f) => ({
    kind: f.subject.type === 'deal' ? 'sla.deal' : steps.has(f.subject.id) ? 'cadence.step_overdue' : 'sla.task',
    at: f.dueAt,
    timer: f.timer,
    subject: f.subject,
    level: f.level,
    colour: f.colour,
    recipients: f.recipients,
    channels: f.channels,
    intervention: f.intervention,
  }));
}

let reconciled = false;

/**
 * Polls every second when idle, so a level fires within about a second of its deadline. The first pass of each
 * process also reconciles records that never produced an event.
 */
export const slaJob = defineJob({
  name: 'sla',
  idleIntervalMs: 1000,
  replayInBatches: true,
  pass: async (deps) => {
    const reconcile = !reconciled;
    reconciled = true;
    const firings: Firing[] = [];
    const did = await runSla(deps, { reconcile, onFire: (f) => firings.push(f) });
    return { did, fired: await asFired(deps, firings) };
  },
  nextDue: (deps) => earliestDue(deps.db, deps.clock.now().toISOString()),
  nextWake: (deps) => nextDueAfter(deps.db, deps.clock.now().toISOString()),
  prepare: async (deps, first) => {
    // Timers from the events (and, once, from records that never had one) before asking what is due; fire nothing.
    for (let guard = 0; guard < 100_000 && (await runSla(deps, { limit: 0, reconcile: first && guard === 0 })) > 0; guard++);
  },
});
