import { describe, expect, it } from 'vitest';
import { chinaStatutorySource } from './china.js';
import { BusinessCalendar, DEFAULT_SCHEDULE } from './hours.js';
import { DEFAULT_CALENDAR, WorkCalendar } from './workdays.js';

const days = new WorkCalendar(DEFAULT_CALENDAR, chinaStatutorySource);
const team = new BusinessCalendar(days);
const sh = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => sh(local).toISOString();
const addBh = (cal: BusinessCalendar, from: string, hours: number) => cal.addBusinessHours(sh(from), hours).toISOString();

describe('business hours: default schedule 09:00–12:00, 13:30–18:00 (Asia/Shanghai)', () => {
  it('skips the lunch break', () => {
    expect(addBh(team, '2026-11-30T11:00:00', 2)).toBe(iso('2026-11-30T14:30:00'));
    expect(addBh(team, '2026-11-30T12:30:00', 1)).toBe(iso('2026-11-30T14:30:00'));
    expect(addBh(team, '2026-11-30T11:30:00', 0.5)).toBe(iso('2026-11-30T12:00:00'));
    expect(team.businessHoursBetween(sh('2026-11-30T11:00:00'), sh('2026-11-30T14:00:00'))).toBe(1.5);
    expect(team.businessHoursBetween(sh('2026-11-30T12:05:00'), sh('2026-11-30T13:25:00'))).toBe(0);
  });

  it('starts at opening time and carries the rest to the next working day', () => {
    expect(addBh(team, '2026-11-30T07:00:00', 1)).toBe(iso('2026-11-30T10:00:00'));
    expect(addBh(team, '2026-11-30T07:00:00', 0)).toBe(iso('2026-11-30T09:00:00'));
    expect(addBh(team, '2026-11-30T17:00:00', 2)).toBe(iso('2026-12-01T10:00:00'));
    expect(addBh(team, '2026-11-30T20:00:00', 7.5)).toBe(iso('2026-12-01T18:00:00'));
    // Friday evening → Monday.
    expect(addBh(team, '2026-11-27T17:00:00', 2)).toBe(iso('2026-11-30T10:00:00'));
    expect(team.businessHoursBetween(sh('2026-11-30T08:00:00'), sh('2026-11-30T20:00:00'))).toBe(7.5);
    expect(team.businessHoursBetween(sh('2026-11-27T17:00:00'), sh('2026-11-30T10:00:00'))).toBe(2);
  });

  it('crosses National Day 2026: 10-01…10-07 off, Sun 09-20 and Sat 10-10 worked', () => {
    expect(addBh(team, '2026-09-30T17:00:00', 2)).toBe(iso('2026-10-08T10:00:00'));
    expect(addBh(team, '2026-10-09T17:00:00', 2)).toBe(iso('2026-10-10T10:00:00'));
    expect(addBh(team, '2026-09-18T17:00:00', 2)).toBe(iso('2026-09-20T10:00:00'));
    expect(addBh(team, '2026-10-03T10:00:00', 1)).toBe(iso('2026-10-08T10:00:00'));
    // 9-30 (7.5) + 10-08 morning (3).
    expect(team.businessHoursBetween(sh('2026-09-30T09:00:00'), sh('2026-10-08T12:00:00'))).toBe(10.5);
    // Sat 9-19 is a rest day, Sun 9-20 a make-up working day.
    expect(team.businessHoursBetween(sh('2026-09-19T00:00:00'), sh('2026-09-21T00:00:00'))).toBe(7.5);
    expect(team.businessHoursBetween(sh('2026-10-01T00:00:00'), sh('2026-10-08T00:00:00'))).toBe(0);
  });

  it('crosses Spring Festival 2026: 02-15…02-23 off, Sat 02-14 and Sat 02-28 worked', () => {
    expect(addBh(team, '2026-02-13T17:00:00', 2)).toBe(iso('2026-02-14T10:00:00'));
    expect(addBh(team, '2026-02-14T17:00:00', 2)).toBe(iso('2026-02-24T10:00:00'));
    expect(addBh(team, '2026-02-27T17:00:00', 2)).toBe(iso('2026-02-28T10:00:00'));
    expect(team.businessHoursBetween(sh('2026-02-13T09:00:00'), sh('2026-02-24T18:00:00'))).toBe(22.5);
  });

  it('adds working days and calendar hours on the same timeline rules', () => {
    expect(team.addWorkingDays(sh('2026-09-29T10:00:00'), 5).toISOString()).toBe(iso('2026-10-12T10:00:00'));
    expect(team.addWorkingDays(sh('2026-02-14T10:00:00'), 1).toISOString()).toBe(iso('2026-02-24T10:00:00'));
    expect(team.addWorkingDays(sh('2026-02-27T10:00:00'), 1).toISOString()).toBe(iso('2026-02-28T10:00:00'));
    // A day off counts from 00:00 of the next working day.
    expect(team.addWorkingDays(sh('2026-10-03T15:00:00'), 1).toISOString()).toBe(iso('2026-10-09T00:00:00'));
    expect(team.addWorkingDays(sh('2026-10-03T15:00:00'), 0).toISOString()).toBe(iso('2026-10-08T00:00:00'));
    expect(team.addCalendarHours(sh('2026-09-30T17:00:00'), 48).toISOString()).toBe(iso('2026-10-02T17:00:00'));
    expect(team.elapsed(sh('2026-09-30T12:00:00'), sh('2026-10-08T12:00:00'), 'working_days')).toBe(24 * 3_600_000);
  });

  it('agrees with the org working-day calendar for every start hour across National Day', () => {
    for (let day = 25; day <= 40; day++) {
      for (const hour of [0, 8, 13, 23]) {
        const start = new Date(Date.UTC(2026, 8, day, hour - 8, 15));
        for (const n of [0, 1, 3, 6]) {
          expect(team.addWorkingDays(start, n).getTime(), `${start.toISOString()} + ${n}wd`).toBe(days.addWorkingDays(start, n).getTime());
        }
      }
    }
  });

  it('adding then measuring gives the amount back, in every unit', () => {
    for (const start of ['2026-09-29T10:17:00', '2026-09-30T12:45:00', '2026-10-05T09:00:00', '2026-02-13T16:00:00']) {
      for (const hours of [0.25, 1, 3, 7.5, 20]) {
        const end = team.addBusinessHours(sh(start), hours);
        expect(team.businessHoursBetween(sh(start), end), `${start} + ${hours}bh`).toBeCloseTo(hours, 9);
      }
    }
  });
});

describe('team schedules', () => {
  it('a one-off closure takes the team’s days out of business hours and working days', () => {
    const closed = new BusinessCalendar(days, { ...DEFAULT_SCHEDULE, closures: [{ from: '2026-12-01', to: '2026-12-02', reason: 'offsite' }] });
    expect(addBh(closed, '2026-11-30T17:00:00', 2)).toBe(iso('2026-12-03T10:00:00'));
    expect(closed.addWorkingDays(sh('2026-11-30T10:00:00'), 1).toISOString()).toBe(iso('2026-12-03T10:00:00'));
    expect(closed.businessHoursBetween(sh('2026-11-30T09:00:00'), sh('2026-12-03T18:00:00'))).toBe(15);
  });

  it('uses per-weekday intervals, but a make-up Saturday works the regular day', () => {
    const shortWeekend = new BusinessCalendar(days, { ...DEFAULT_SCHEDULE, weekdays: { '5': [['09:00', '12:00']], '6': [['10:00', '11:00']] } });
    // Friday afternoon is off: Fri 11:00 + 2h → Mon 10:00.
    expect(addBh(shortWeekend, '2026-11-27T11:00:00', 2)).toBe(iso('2026-11-30T10:00:00'));
    // Sat 10-10 is a statutory make-up day: the default intervals apply, not the Saturday ones.
    expect(shortWeekend.businessHoursBetween(sh('2026-10-10T00:00:00'), sh('2026-10-11T00:00:00'))).toBe(7.5);
  });

  it('a single interval without lunch break and a 24:00 end', () => {
    const late = new BusinessCalendar(days, { intervals: [['20:00', '24:00']], closures: [] });
    expect(addBh(late, '2026-11-30T10:00:00', 5)).toBe(iso('2026-12-01T21:00:00'));
  });
});
