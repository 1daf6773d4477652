import { describe, expect, it } from 'vitest';
import { chinaStatutorySource } from '../calendar/china.js';
import { BusinessCalendar } from '../calendar/hours.js';
import { DEFAULT_CALENDAR, WorkCalendar } from '../calendar/workdays.js';
import { levelDues, nextEscalation, orderSla, stopClock, type OrderClockInput } from './clocks.js';
import { DEFAULT_LADDER } from './definition.js';

const team = new BusinessCalendar(new WorkCalendar(DEFAULT_CALENDAR, chinaStatutorySource));
const sh = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => sh(local).toISOString();

const base: OrderClockInput = {
  createdAt: iso('2026-09-30T16:00:00'),
  status: 'open',
  response: '4bh',
  resolution: '8bh',
  warnShare: 0.8,
  history: [{ status: 'open', at: iso('2026-09-30T16:00:00') }],
  respondedAt: null,
  responseDueAt: null,
  responseOutcome: null,
  resolvedAt: null,
  resolutionDueAt: null,
  resolutionOutcome: null,
  firstResolvedAt: null,
  firstResolutionDueAt: null,
  firstResolutionOutcome: null,
  waitingMs: 0,
};

describe('work-order clocks', () => {
  it('count business hours across the National Day holiday and the lunch break', () => {
    const sla = orderSla(team, base, sh('2026-10-01T10:00:00'));
    expect(sla.response).toEqual({ dueAt: iso('2026-10-08T11:00:00'), status: 'running', warning: false });
    expect(sla.resolution).toMatchObject({ dueAt: iso('2026-10-08T16:30:00'), status: 'running' });
    // 80 % of 4 h = 3.2 h: 2 h on 9/30 and 1.2 h on 10/8 → 10:12.
    expect(orderSla(team, base, sh('2026-10-08T10:12:00')).response.warning).toBe(true);
    expect(orderSla(team, base, sh('2026-10-08T11:00:00')).response.status).toBe('missed');
  });

  it('pauses the resolution clock (not the response clock) while waiting for the requester and counts the wait', () => {
    const history = [...base.history, { status: 'in_progress', at: iso('2026-10-08T09:30:00') }, { status: 'waiting_requester', at: iso('2026-10-08T11:00:00') }];
    const paused = orderSla(team, { ...base, status: 'waiting_requester', history, respondedAt: iso('2026-10-08T09:30:00'), responseDueAt: iso('2026-10-08T11:00:00'), responseOutcome: 'hit' }, sh('2026-10-08T14:00:00'));
    expect(paused.response.status).toBe('hit');
    // 11:00–12:00 and 13:30–14:00.
    expect(paused.resolution).toMatchObject({ status: 'paused', dueAt: null, requesterWaitingMinutes: 90 });
  });

  it('a stopped clock keeps its recorded outcome; stopping computes due and outcome once', () => {
    expect(stopClock(team, '8bh', base.createdAt, [], sh('2026-10-08T16:30:00'))).toEqual({ dueAt: iso('2026-10-08T16:30:00'), outcome: 'hit' });
    expect(stopClock(team, '8bh', base.createdAt, [], sh('2026-10-08T16:31:00')).outcome).toBe('missed');
    const closed = orderSla(team, { ...base, status: 'closed', resolvedAt: iso('2026-10-09T09:00:00'), resolutionDueAt: iso('2026-10-08T16:30:00'), resolutionOutcome: 'missed', waitingMs: 60_000 * 30 }, sh('2027-01-01T00:00:00'));
    expect(closed.resolution).toEqual({ dueAt: iso('2026-10-08T16:30:00'), status: 'missed', warning: false, requesterWaitingMinutes: 30 });
  });

  it('ladder levels fire on their clock, skip a stopped clock and wait out a pause', () => {
    const state = { createdAt: base.createdAt, status: 'open', respondedAt: null, response: '4bh', resolution: '8bh', history: base.history };
    const dues = levelDues(team, DEFAULT_LADDER, state);
    expect(dues.map((d) => d?.toISOString())).toEqual([iso('2026-10-08T11:00:00'), iso('2026-10-08T16:30:00'), iso('2026-10-09T11:30:00')]);
    expect(nextEscalation(dues, new Set([1]))?.toISOString()).toBe(iso('2026-10-08T16:30:00'));
    const responded = levelDues(team, DEFAULT_LADDER, { ...state, respondedAt: iso('2026-10-08T09:00:00'), status: 'waiting_requester', history: [...base.history, { status: 'waiting_requester', at: iso('2026-10-08T09:00:00') }] });
    expect(responded).toEqual([null, null, null]);
  });
});
