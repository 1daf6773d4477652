/**
 * "What should have happened by T": runs every replayable job as of `at`, stepping a fixed clock through the
 * instants at which something is due so that kinds act in time order (a no-show at 10:30 before an 18:00 digest that
 * counts it). At each step the job with the earliest deadline acts — at that deadline, or for jobs with many
 * deadlines (`replayInBatches`) on everything it has due up to the next other kind's deadline — then the event
 * consumers (SLA, rules, cadences) catch up. Uses the jobs' own `pass`, the code the
 * worker runs, so the claims that make the worker exactly-once make a second replay fire nothing new.
 */
import { ManualClock } from '../core/clock.js';
import type { Deps } from '../core/http.js';
import type { Fired, Job } from './job.js';

const MAX_STEPS = 100_000;

async function drain(job: Job, deps: Deps, out: Fired[]): Promise<void> {
  for (let guard = 0; guard < MAX_STEPS; guard++) {
    const { did, fired } = await job.pass!(deps);
    out.push(...fired);
    if (did === 0) return;
  }
}

export async function replayUntil(base: Omit<Deps, 'clock'>, at: Date, jobs: readonly Job[]): Promise<Fired[]> {
  const replayable = jobs.filter((j) => j.pass);
  const timed = replayable.filter((j) => j.nextDue);
  const clock = new ManualClock(at);
  const deps: Deps = { ...base, clock };
  const fired: Fired[] = [];
  const consumers = replayable.filter((j) => !j.nextDue);
  for (let step = 0; step < MAX_STEPS; step++) {
    clock.set(at);
    for (const job of timed) await job.prepare?.(deps, step === 0);
    const dues: Array<{ job: Job; due: string }> = [];
    for (const job of timed) {
      const due = await job.nextDue!(deps);
      if (due) dues.push({ job, due });
    }
    // Consumers first at the earliest instant, so events waiting from before it are handled before anything fires.
    dues.sort((a, b) => a.due.localeCompare(b.due));
    const first = dues[0];
    const horizon = dues.find((d) => d.job !== first?.job)?.due ?? at.toISOString();
    clock.set(first ? first.due : at);
    for (const job of consumers) await drain(job, deps, fired);
    if (!first) break;
    clock.set(first.job.replayInBatches ? horizon : first.due);
    await drain(first.job, deps, fired);
    clock.set(horizon);
    for (const job of consumers) await drain(job, deps, fired);
  }
  // Last, everything as of `at`: the SLA engine turns the events just emitted into timers, crons run their slot at `at`.
  clock.set(at);
  for (const job of replayable) await drain(job, deps, fired);
  return fired.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}
