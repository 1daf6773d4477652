import { describe, expect, it } from 'vitest';
import { chinaStatutorySource } from '../calendar/china.js';
import { BusinessCalendar, DEFAULT_SCHEDULE } from '../calendar/hours.js';
import { DEFAULT_CALENDAR, WorkCalendar } from '../calendar/workdays.js';
import { evaluateClock, instantAfter, outcomeAt, pausesFromHistory, type ClockSpec } from './clock.js';

const days = new WorkCalendar(DEFAULT_CALENDAR, chinaStatutorySource);
const team = new BusinessCalendar(days);
const sh = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => sh(local).toISOString();

describe('SLA clock', () => {
  it('counts a business-hours target over the lunch break and warns at its share', () => {
    const spec: ClockSpec = { target: { unit: 'business_hours', amount: 4 }, startedAt: sh('2026-11-30T10:00:00'), warnShare: 0.8 };
    const at = (local: string) => evaluateClock(team, spec, sh(local));
    expect(at('2026-11-30T10:00:00')).toMatchObject({ status: 'running', dueAt: sh('2026-11-30T15:30:00'), warnAt: sh('2026-11-30T14:42:00') });
    expect(at('2026-11-30T12:45:00').consumedMs).toBe(2 * 3_600_000);
    expect(at('2026-11-30T14:41:59').status).toBe('running');
    expect(at('2026-11-30T14:42:00').status).toBe('warning');
    expect(at('2026-11-30T15:30:00').status).toBe('breached');
  });

  it('a pause across National Day only costs the business hours it covered', () => {
    const base = { target: { unit: 'business_hours' as const, amount: 16 }, startedAt: sh('2026-09-29T09:00:00') };
    expect(evaluateClock(team, base, sh('2026-09-29T09:00:00')).dueAt?.toISOString()).toBe(iso('2026-10-08T10:00:00'));
    const pauses = [{ from: sh('2026-09-30T10:00:00'), to: sh('2026-10-08T10:00:00') }];
    // Paused 9-30 10:00–18:00 (6.5 h) and 10-08 09:00–10:00 (1 h): due 7.5 business hours later.
    expect(evaluateClock(team, { ...base, pauses }, sh('2026-10-08T11:00:00'))).toMatchObject({ status: 'running', dueAt: sh('2026-10-09T10:00:00') });
    expect(evaluateClock(team, { ...base, pauses }, sh('2026-10-05T11:00:00')).status).toBe('paused');
    expect(evaluateClock(team, { ...base, pauses }, sh('2026-10-08T11:00:00')).consumedMs).toBe(9.5 * 3_600_000);
  });

  it('a still-open pause has no due instant until it resumes', () => {
    const spec: ClockSpec = { target: { unit: 'calendar_hours', amount: 24 }, startedAt: sh('2026-11-30T10:00:00'), pauses: [{ from: sh('2026-11-30T12:00:00'), to: null }] };
    expect(evaluateClock(team, spec, sh('2026-12-05T10:00:00'))).toMatchObject({ status: 'paused', dueAt: null, consumedMs: 2 * 3_600_000 });
    const resumed = { ...spec, pauses: [{ from: sh('2026-11-30T12:00:00'), to: sh('2026-11-30T15:00:00') }] };
    expect(evaluateClock(team, resumed, sh('2026-11-30T16:00:00')).dueAt).toEqual(sh('2026-12-01T13:00:00'));
  });

  it('a target met exactly when a pause starts is due at that instant', () => {
    const pauses = [{ from: sh('2026-11-30T11:00:00'), to: sh('2026-12-03T09:00:00') }];
    expect(instantAfter(team, 'business_hours', sh('2026-11-30T09:00:00'), 2 * 3_600_000, pauses)).toEqual(sh('2026-11-30T11:00:00'));
  });

  it('working-day targets count whole working days and skip pauses', () => {
    const spec: ClockSpec = { target: { unit: 'working_days', amount: 2 }, startedAt: sh('2026-09-29T10:00:00') };
    expect(evaluateClock(team, spec, sh('2026-09-29T10:00:00')).dueAt).toEqual(sh('2026-10-08T10:00:00'));
    const paused = { ...spec, pauses: [{ from: sh('2026-09-30T10:00:00'), to: sh('2026-09-30T16:00:00') }] };
    expect(evaluateClock(team, paused, sh('2026-09-29T10:00:00')).dueAt).toEqual(sh('2026-10-08T16:00:00'));
  });

  it('a closure added while the clock is open moves its due instant; a closed clock keeps its outcome', () => {
    const spec = { target: { unit: 'business_hours' as const, amount: 2 }, startedAt: sh('2026-11-30T17:00:00') };
    const closedTeam = new BusinessCalendar(days, { ...DEFAULT_SCHEDULE, closures: [{ from: '2026-12-01', to: '2026-12-01' }] });
    expect(evaluateClock(team, spec, sh('2026-11-30T17:30:00')).dueAt).toEqual(sh('2026-12-01T10:00:00'));
    expect(evaluateClock(closedTeam, spec, sh('2026-11-30T17:30:00')).dueAt).toEqual(sh('2026-12-02T10:00:00'));

    // Closed at Tue 11:00, under the old schedule: missed. The closure added later would make it a hit if recomputed.
    const outcome = outcomeAt(team, spec, sh('2026-12-01T11:00:00'));
    expect(outcome).toBe('missed');
    expect(outcomeAt(closedTeam, spec, sh('2026-12-01T11:00:00'))).toBe('hit');
    const closed = { ...spec, closed: { at: sh('2026-12-01T11:00:00'), outcome } };
    expect(evaluateClock(closedTeam, closed, sh('2026-12-10T00:00:00')).status).toBe('missed');
    expect(evaluateClock(team, { ...spec, closed: { at: sh('2026-12-01T09:30:00'), outcome: 'hit' } }, sh('2026-12-10T00:00:00')).status).toBe('hit');
  });

  it('reads pauses from a status history, in any order', () => {
    const pausing = new Set(['waiting_customer', 'on_hold']);
    const history = [
      { status: 'open', at: sh('2026-11-30T09:00:00') },
      { status: 'on_hold', at: sh('2026-12-01T09:00:00') },
      { status: 'waiting_customer', at: sh('2026-11-30T10:00:00') },
      { status: 'in_progress', at: sh('2026-11-30T14:00:00') },
      { status: 'in_progress', at: sh('2026-12-01T10:00:00') },
      { status: 'waiting_customer', at: sh('2026-12-02T10:00:00') },
    ];
    expect(pausesFromHistory(history, pausing)).toEqual([
      { from: sh('2026-11-30T10:00:00'), to: sh('2026-11-30T14:00:00') },
      { from: sh('2026-12-01T09:00:00'), to: sh('2026-12-01T10:00:00') },
      { from: sh('2026-12-02T10:00:00'), to: null },
    ]);
    // 8 business hours from Mon 09:00 with those pauses: Mon 09–10 (1) + 14–18 (4) + Tue 10–12 (2) + 13:30–14:30 (1).
    const spec: ClockSpec = { target: { unit: 'business_hours', amount: 8 }, startedAt: sh('2026-11-30T09:00:00'), pauses: pausesFromHistory(history, pausing) };
    expect(evaluateClock(team, spec, sh('2026-12-01T15:00:00'))).toMatchObject({ status: 'breached', dueAt: sh('2026-12-01T14:30:00') });
  });

  it('rejects a negative or fractional working-day target', () => {
    expect(() => evaluateClock(team, { target: { unit: 'working_days', amount: 1.5 }, startedAt: sh('2026-11-30T09:00:00') }, sh('2026-11-30T09:00:00'))).toThrow(RangeError);
    expect(() => evaluateClock(team, { target: { unit: 'business_hours', amount: -1 }, startedAt: sh('2026-11-30T09:00:00') }, sh('2026-11-30T09:00:00'))).toThrow(RangeError);
  });
});
