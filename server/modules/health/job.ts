/**
 * The nightly health run (02:00 in the org time zone) and the retention-plan escalation, as jobs of the shared
 * registry, so `actionflow tick --at` replays them. A run is one `health_runs` row per local date; each pass claims
 * it (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: the write lock), computes the next batch of customers after its
 * cursor and moves the cursor in the same transaction — so a batch is done once, and another process (or a restart)
 * continues where the last one stopped. The worker runs the latest missed night only; replay steps through each.
 */
import { DateTime } from 'luxon';
import type { Deps } from '../../core/http.js';
import { defineJob, type Fired } from '../../jobs/job.js';
import { computeBatch, localDate, memoDistributions, type DistributionsOf } from './compute.js';
import * as repo from './repo.js';
import { escalateDuePlans } from './retention-plan.js';
import { CALENDAR_EVENTS, RETENTION_CALENDAR_CONSUMER, redatePlansOnCalendarChange } from './retention-calendar.js';
import { oldestUnconsumedAt } from '../../core/consumers.js';
import { BATCH, loadModel, orgTimeZone } from './service.js';

const NIGHTLY_HOUR = 2;

/**
 * The segments' values for percentile dimensions, loaded once per night and model version (not per batch) — the
 * current version's and, on the night after a publish, the previous one's: a process that continues another's run,
 * or restarts, loads them again from the same data.
 */
const distributionsOfRun = new WeakMap<object, { key: string; value: DistributionsOf }>();
function runDistributions(deps: Deps, date: string): DistributionsOf {
  const cached = distributionsOfRun.get(deps.db);
  if (cached?.key === date) return cached.value;
  const value = memoDistributions(deps.db, deps.clock.now());
  distributionsOfRun.set(deps.db, { key: date, value });
  return value;
}

/** The latest nightly slot at or before `now`. */
export function slotAtOrBefore(now: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone }).set({ hour: NIGHTLY_HOUR, minute: 0, second: 0, millisecond: 0 });
  return (local.toMillis() > now.getTime() ? local.minus({ days: 1 }) : local).toJSDate();
}

/** The first nightly slot strictly after `at`. */
export function slotAfter(at: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(at, { zone: timeZone }).set({ hour: NIGHTLY_HOUR, minute: 0, second: 0, millisecond: 0 });
  return (local.toMillis() <= at.getTime() ? local.plus({ days: 1 }) : local).toJSDate();
}

/**
 * The first slot after the last run, or after the first model when there is none. A run's scheduled instant can lie
 * before its own night's slot (the demo seeds last night's run at "now − 24 h", which between 00:00 and 02:00 is
 * before that date's 02:00): the night it stands for is done, so the next slot is the first of a later local date.
 * Without this the replay stepped to that slot forever — the pass found the date's run finished and did nothing.
 */
function slotAfterLast(last: { scheduled_for: string; local_date: string } | undefined, firstModelAt: string, timeZone: string): Date {
  let next = slotAfter(new Date(last?.scheduled_for ?? firstModelAt), timeZone);
  while (last && localDate(next, timeZone) <= last.local_date) next = slotAfter(next, timeZone);
  return next;
}

/** The slot a pass at `now` works on: an unfinished run, else the latest slot after the last run (or the first model). */
async function dueSlot(deps: Deps): Promise<{ slot: Date; date: string; timeZone: string } | null> {
  const model = await repo.latestModel(deps.db);
  if (!model) return null;
  const timeZone = await orgTimeZone(deps);
  const now = deps.clock.now();
  const last = await deps.db.selectFrom('health_runs').selectAll().orderBy('local_date', 'desc').limit(1).executeTakeFirst();
  if (last && !last.finished_at) return { slot: new Date(last.scheduled_for), date: last.local_date, timeZone };
  const first = await deps.db.selectFrom('health_models').select('created_at').orderBy('version').limit(1).executeTakeFirstOrThrow();
  const next = slotAfterLast(last, first.created_at, timeZone);
  if (next > now) return null;
  const slot = slotAtOrBefore(now, timeZone);
  return { slot, date: localDate(slot, timeZone), timeZone };
}

export const healthNightlyJob = defineJob({
  name: 'health-nightly',
  idleIntervalMs: 30_000,
  nextDue: async (deps) => {
    const due = await dueSlot(deps);
    if (!due) return null;
    // Replay steps through each missed night in order: the earliest slot after the last run.
    const last = await deps.db.selectFrom('health_runs').select(['scheduled_for', 'finished_at', 'local_date']).orderBy('local_date', 'desc').limit(1).executeTakeFirst();
    if (last && !last.finished_at) return last.scheduled_for;
    const first = await deps.db.selectFrom('health_models').select('created_at').orderBy('version').limit(1).executeTakeFirstOrThrow();
    return slotAfterLast(last, first.created_at, due.timeZone).toISOString();
  },
  pass: async (deps) => {
    const due = await dueSlot(deps);
    const model = due ? await loadModel(deps.db, undefined, deps.clock.now()) : null;
    if (!due || !model) return { did: 0, fired: [] };
    const scheduledFor = due.slot.toISOString();
    const distributionsOf = runDistributions(deps, due.date);
    const distributions = await distributionsOf(model);
    await repo.ensureRun(deps.db, { local_date: due.date, model_version: model.version, scheduled_for: scheduledFor, cursor: '', customers: 0, written: 0, started_at: deps.clock.now().toISOString(), finished_at: null });
    return deps.db.transaction().execute(async (trx) => {
      const run = await repo.claimRun(trx, deps.dialect, due.date);
      if (!run) return { did: 0, fired: [] };
      const customers = await repo.customersAfter(trx, run.cursor, BATCH, deps.clock.now().toISOString());
      const result = await computeBatch(trx, deps.clock, due.timeZone, model, customers, distributions, distributionsOf);
      const done = customers.length < BATCH;
      const counts = { customers: run.customers + result.customers, written: run.written + result.written };
      await repo.advanceRun(trx, due.date, { cursor: customers.at(-1)?.id ?? run.cursor, ...counts, finished_at: done ? deps.clock.now().toISOString() : null });
      const fired: Fired[] = result.changes.map((c) => ({ kind: `health.${c.kind}`, at: scheduledFor, subject: { type: 'customer', id: c.customerId }, ...(c.kind === 'colour' ? { from: c.from, to: c.to } : {}) }));
      if (done) fired.push({ kind: 'health.run', at: scheduledFor, date: due.date, ...counts });
      return { did: 1, fired };
    });
  },
});

export const healthRetentionJob = defineJob({
  name: 'health-retention',
  idleIntervalMs: 30_000,
  replayInBatches: true,
  // A calendar change waiting to be consumed is due at its instant: replay re-dates the plans then, before firing.
  nextDue: async (deps) => {
    const now = deps.clock.now().toISOString();
    const dues = [await repo.nextPlanDue(deps.db, null, now), await oldestUnconsumedAt(deps.db, RETENTION_CALENDAR_CONSUMER, CALENDAR_EVENTS)];
    return dues.filter((d): d is string => d !== null && d <= now).sort()[0] ?? null;
  },
  nextWake: (deps) => repo.nextPlanDue(deps.db, deps.clock.now().toISOString(), null),
  pass: async (deps) => {
    // Calendar changes first: a deadline brought earlier must fire below, one pushed later must not.
    const redated = await redatePlansOnCalendarChange(deps);
    const escalated = await escalateDuePlans(deps.db, deps.dialect, deps.clock);
    return { did: redated + escalated.length, fired: escalated.map((p) => ({ kind: 'health.retention_escalated', at: p.dueAt, subject: { type: 'retention_plan', id: p.id }, customerId: p.customerId })) };
  },
});
