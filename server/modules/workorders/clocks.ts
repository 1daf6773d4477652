/**
 * The two clocks of a work order on the one SLA clock (sla/clock.ts) and the team's business calendar. Pure.
 * - Response: from creation to the first response; never paused.
 * - Resolution: from creation to resolution, paused while the order waits for the requester (待销售补充). After a
 *   reopen it keeps counting from creation, the resolved gap included (total resolution), and reassigning never
 *   restarts it. The first resolution's outcome is kept apart.
 * A stopped clock shows the due instant and outcome recorded when it stopped, so a later calendar change never
 * turns a closed order's hit into a miss.
 */
import type { BusinessCalendar } from '../calendar/hours.js';
import { consumedBetween, evaluateClock, instantAfter, outcomeAt, pausesFromHistory, targetMs, type Pause } from '../sla/clock.js';
import { clockTarget } from '../sla/ladder.js';
import type { LadderLevel } from './definition.js';

export const STATUSES = ['open', 'assigned', 'in_progress', 'waiting_requester', 'resolved', 'closed', 'reopened'] as const;
export type Status = (typeof STATUSES)[number];
export const PAUSING: ReadonlySet<string> = new Set(['waiting_requester']);
/** The resolution clock has stopped in these statuses. */
export const STOPPED: ReadonlySet<string> = new Set(['resolved', 'closed']);

export type SlaStatus = 'running' | 'paused' | 'hit' | 'missed';

export interface OrderClockInput {
  createdAt: string;
  status: string;
  response: string;
  resolution: string;
  warnShare: number;
  history: ReadonlyArray<{ status: string; at: string }>;
  respondedAt: string | null;
  responseDueAt: string | null;
  responseOutcome: string | null;
  resolvedAt: string | null;
  resolutionDueAt: string | null;
  resolutionOutcome: string | null;
  firstResolvedAt: string | null;
  firstResolutionDueAt: string | null;
  firstResolutionOutcome: string | null;
  waitingMs: number;
}

export interface ClockView {
  dueAt: string | null;
  status: SlaStatus;
  /** Past the warning share and still running: the queue shows it yellow. */
  warning: boolean;
}

export interface OrderSla {
  response: ClockView;
  resolution: ClockView & { requesterWaitingMinutes: number };
  firstResolution: { dueAt: string | null; status: SlaStatus | null; at: string | null };
}

export function pausesOf(history: OrderClockInput['history']): Pause[] {
  return pausesFromHistory(history.map((h) => ({ status: h.status, at: new Date(h.at) })), PAUSING);
}

/** Business time the requester kept the order waiting, as of `until`. */
export function waitingMsUntil(calendar: BusinessCalendar, unit: ReturnType<typeof clockTarget>['unit'], pauses: readonly Pause[], until: Date): number {
  let total = 0;
  for (const p of pauses) {
    const to = p.to && p.to.getTime() < until.getTime() ? p.to : until;
    if (to.getTime() > p.from.getTime()) total += calendar.elapsed(p.from, to, unit === 'calendar_hours' ? 'calendar_hours' : 'business_hours');
  }
  return total;
}

function live(calendar: BusinessCalendar, target: string, startedAt: Date, pauses: Pause[], warnShare: number, now: Date): ClockView {
  const state = evaluateClock(calendar, { target: clockTarget(target), startedAt, pauses, warnShare }, now);
  const status: SlaStatus = state.status === 'breached' ? 'missed' : state.status === 'paused' ? 'paused' : 'running';
  return { dueAt: state.dueAt?.toISOString() ?? null, status, warning: state.status === 'warning' };
}

export function orderSla(calendar: BusinessCalendar, o: OrderClockInput, now: Date): OrderSla {
  const created = new Date(o.createdAt);
  const pauses = pausesOf(o.history);
  const response: ClockView = o.respondedAt
    ? { dueAt: o.responseDueAt, status: (o.responseOutcome as SlaStatus) ?? 'hit', warning: false }
    : live(calendar, o.response, created, [], o.warnShare, now);
  const stopped = STOPPED.has(o.status) && o.resolvedAt;
  const unit = clockTarget(o.resolution).unit;
  const resolution = stopped
    ? { dueAt: o.resolutionDueAt, status: (o.resolutionOutcome as SlaStatus) ?? 'hit', warning: false, requesterWaitingMinutes: Math.round(o.waitingMs / 60_000) }
    : { ...live(calendar, o.resolution, created, pauses, o.warnShare, now), requesterWaitingMinutes: Math.round(waitingMsUntil(calendar, unit, pauses, now) / 60_000) };
  return {
    response,
    resolution,
    firstResolution: { dueAt: o.firstResolutionDueAt, status: (o.firstResolutionOutcome as SlaStatus | null) ?? null, at: o.firstResolvedAt },
  };
}

/** Due instant and outcome of a clock stopping at `at` (recorded on the order, final from then on). */
export function stopClock(calendar: BusinessCalendar, target: string, createdAt: string, pauses: Pause[], at: Date): { dueAt: string | null; outcome: 'hit' | 'missed' } {
  const t = clockTarget(target);
  const start = new Date(createdAt);
  // Pauses end when the clock stops (a resolve from "waiting" closes the pause at that instant).
  const closed = pauses.map((p) => ({ from: p.from, to: p.to ?? at }));
  const dueAt = instantAfter(calendar, t.unit, start, targetMs(t), closed);
  return { dueAt: dueAt?.toISOString() ?? null, outcome: outcomeAt(calendar, { target: t, startedAt: start, pauses: closed }, at) };
}

/** Counting time consumed on the resolution clock until `at` (for reports). */
export function consumedMs(calendar: BusinessCalendar, target: string, createdAt: string, pauses: Pause[], at: Date): number {
  return consumedBetween(calendar, clockTarget(target).unit, new Date(createdAt), at, pauses);
}

export interface LadderState {
  createdAt: string;
  status: string;
  respondedAt: string | null;
  response: string;
  resolution: string;
  history: OrderClockInput['history'];
}

/**
 * Due instant of each ladder level, null when it can no longer fire (its clock stopped) or cannot be known yet (the
 * resolution clock is paused before reaching it).
 */
export function levelDues(calendar: BusinessCalendar, ladder: readonly LadderLevel[], o: LadderState): Array<Date | null> {
  const created = new Date(o.createdAt);
  const pauses = pausesOf(o.history);
  return ladder.map((level) => {
    if (level.clock === 'response') {
      if (o.respondedAt) return null;
      const t = clockTarget(o.response);
      return instantAfter(calendar, t.unit, created, Math.round(targetMs(t) * level.at));
    }
    if (STOPPED.has(o.status)) return null;
    const t = clockTarget(o.resolution);
    return instantAfter(calendar, t.unit, created, Math.round(targetMs(t) * level.at), pauses);
  });
}

/** The earliest due instant among levels not yet fired. */
export function nextEscalation(dues: ReadonlyArray<Date | null>, fired: ReadonlySet<number>): Date | null {
  let best: Date | null = null;
  dues.forEach((d, i) => {
    if (d && !fired.has(i + 1) && (!best || d.getTime() < best.getTime())) best = d;
  });
  return best;
}
