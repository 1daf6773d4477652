/**
 * The one SLA clock every time-limited thing uses (stage and task ladders today; work orders, approvals and
 * receivables next). Pure: a clock is a target counted on a `BusinessCalendar` timeline from a start, minus the
 * pauses read from the subject's status history, so its due instant is a function of its inputs and can be
 * recomputed whenever the calendar or the team schedule changes. A closed clock keeps the outcome recorded when it
 * closed: recomputing never turns a hit into a miss or back.
 */
import type { BusinessCalendar, DurationUnit } from '../calendar/hours.js';

const HOUR = 3_600_000;

export interface ClockTarget {
  unit: DurationUnit;
  /** Hours for `business_hours` / `calendar_hours`, whole days for `working_days`. */
  amount: number;
}

export interface Pause {
  from: Date;
  /** null: still paused. */
  to: Date | null;
}

export interface ClockSpec {
  target: ClockTarget;
  startedAt: Date;
  pauses?: Pause[];
  /** Share of the target at which the clock warns (0.8 = at 80 %); none when absent. */
  warnShare?: number;
  /** Set once the subject is done: the outcome stored then is final. */
  closed?: { at: Date; outcome: 'hit' | 'missed' };
}

export type ClockStatus = 'running' | 'paused' | 'warning' | 'breached' | 'hit' | 'missed';

export interface ClockState {
  status: ClockStatus;
  /** null while paused: the due instant depends on when it resumes. */
  dueAt: Date | null;
  warnAt: Date | null;
  /** Counting time consumed as of `now` (or the close), and the target, in ms. */
  consumedMs: number;
  targetMs: number;
}

export function targetMs(target: ClockTarget): number {
  if (!(target.amount >= 0)) throw new RangeError('target amount must be a non-negative number');
  if (target.unit === 'working_days' && !Number.isInteger(target.amount)) throw new RangeError('working days must be whole');
  return target.amount * (target.unit === 'working_days' ? 24 * HOUR : HOUR);
}

/** Running segments from `start`: the timeline minus pauses (sorted, overlaps merged). The last one may be open. */
function runningSegments(start: Date, pauses: readonly Pause[]): Array<[number, number]> {
  const sorted = [...pauses].filter((p) => !p.to || p.to.getTime() > start.getTime()).sort((a, b) => a.from.getTime() - b.from.getTime());
  const out: Array<[number, number]> = [];
  let cursor = start.getTime();
  for (const p of sorted) {
    const from = Math.max(p.from.getTime(), start.getTime());
    if (from > cursor) out.push([cursor, from]);
    if (!p.to) return out; // paused now: nothing runs after
    cursor = Math.max(cursor, p.to.getTime());
  }
  out.push([cursor, Infinity]);
  return out;
}

/**
 * The instant at which `amountMs` of counting time has run since `base`, skipping pauses; null if a still-open pause
 * comes first.
 */
export function instantAfter(calendar: BusinessCalendar, unit: DurationUnit, base: Date, amountMs: number, pauses: readonly Pause[] = []): Date | null {
  let remaining = amountMs;
  for (const [from, to] of runningSegments(base, pauses)) {
    if (to === Infinity) return calendar.addCounting(new Date(from), remaining, unit);
    const available = calendar.elapsed(new Date(from), new Date(to), unit);
    // Exactly used up at a pause: due at that instant (the earliest moment the target is met).
    if (available >= remaining) return calendar.addCounting(new Date(from), remaining, unit);
    remaining -= available;
  }
  return null;
}

/** Counting time run between `base` and `until`, skipping pauses. */
export function consumedBetween(calendar: BusinessCalendar, unit: DurationUnit, base: Date, until: Date, pauses: readonly Pause[] = []): number {
  let total = 0;
  for (const [from, to] of runningSegments(base, pauses)) {
    if (from >= until.getTime()) break;
    total += calendar.elapsed(new Date(from), new Date(Math.min(to, until.getTime())), unit);
  }
  return total;
}

export function evaluateClock(calendar: BusinessCalendar, spec: ClockSpec, now: Date): ClockState {
  const pauses = spec.pauses ?? [];
  const total = targetMs(spec.target);
  const dueAt = instantAfter(calendar, spec.target.unit, spec.startedAt, total, pauses);
  const warnAt = spec.warnShare !== undefined ? instantAfter(calendar, spec.target.unit, spec.startedAt, Math.round(total * spec.warnShare), pauses) : null;
  const until = spec.closed ? spec.closed.at : now;
  const consumedMs = consumedBetween(calendar, spec.target.unit, spec.startedAt, until, pauses);
  let status: ClockStatus;
  if (spec.closed) status = spec.closed.outcome;
  else if (dueAt && now.getTime() >= dueAt.getTime()) status = 'breached';
  else if (isPaused(pauses, now)) status = 'paused';
  else if (warnAt && now.getTime() >= warnAt.getTime()) status = 'warning';
  else status = 'running';
  return { status, dueAt, warnAt, consumedMs, targetMs: total };
}

/** The outcome to store when a clock closes at `at`: hit when the target was not yet reached. */
export function outcomeAt(calendar: BusinessCalendar, spec: Omit<ClockSpec, 'closed'>, at: Date): 'hit' | 'missed' {
  const consumed = consumedBetween(calendar, spec.target.unit, spec.startedAt, at, spec.pauses ?? []);
  return consumed <= targetMs(spec.target) ? 'hit' : 'missed';
}

function isPaused(pauses: readonly Pause[], now: Date): boolean {
  return pauses.some((p) => p.from.getTime() <= now.getTime() && (!p.to || p.to.getTime() > now.getTime()));
}

/**
 * Pauses from a subject's status history (`[{status, at}]`, any order): the clock stops while the subject is in one
 * of the `pausing` statuses (say `waiting_customer`) and runs again when it leaves them.
 */
export function pausesFromHistory(history: ReadonlyArray<{ status: string; at: Date }>, pausing: ReadonlySet<string>): Pause[] {
  const sorted = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: Pause[] = [];
  let open: Date | null = null;
  for (const h of sorted) {
    if (pausing.has(h.status)) open ??= h.at;
    else if (open) {
      out.push({ from: open, to: h.at });
      open = null;
    }
  }
  if (open) out.push({ from: open, to: null });
  return out;
}
