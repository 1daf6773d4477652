import { describe, expect, it } from 'vitest';
import { chinaStatutorySource } from '../calendar/china.js';
import { DEFAULT_CALENDAR, WorkCalendar } from '../calendar/workdays.js';
import { daysToDue, effectiveDueDate, escalationInstant, workingDaysAfter } from './due-dates.js';

const cal = new WorkCalendar(DEFAULT_CALENDAR, chinaStatutorySource);

describe('effective due dates on the China calendar', () => {
  it('National Day 2026: a due date in the holiday moves to the next working day (Oct 8), or back by policy', () => {
    expect(effectiveDueDate(cal, '2026-10-01', 'next_working_day')).toBe('2026-10-08');
    expect(effectiveDueDate(cal, '2026-10-05', 'next_working_day')).toBe('2026-10-08');
    expect(effectiveDueDate(cal, '2026-10-05', 'previous_working_day')).toBe('2026-09-30');
    expect(effectiveDueDate(cal, '2026-10-05', 'none')).toBe('2026-10-05');
  });
  it('a make-up Saturday (调休 2026-10-10) is a working day: the date stays', () => {
    expect(effectiveDueDate(cal, '2026-10-10', 'next_working_day')).toBe('2026-10-10');
    expect(effectiveDueDate(cal, '2026-09-20', 'next_working_day')).toBe('2026-09-20');
    // An ordinary Saturday moves to Monday.
    expect(effectiveDueDate(cal, '2026-10-17', 'next_working_day')).toBe('2026-10-19');
  });
  it('a provisional year (2027): the statutory National Day days off still move the date', () => {
    expect(effectiveDueDate(cal, '2027-10-01', 'next_working_day')).toBe('2027-10-04');
  });
  it('an admin day off moves it too (the org calendar wins over the statutory one)', () => {
    const own = new WorkCalendar({ ...DEFAULT_CALENDAR, extraDaysOff: ['2026-10-08'] }, chinaStatutorySource);
    expect(effectiveDueDate(own, '2026-10-01', 'next_working_day')).toBe('2026-10-09');
  });
});

describe('escalation instant and days to due', () => {
  it('3 working days after Oct 8 count the make-up Saturday: Oct 9, 10, 12 → fires Oct 13 00:00 Shanghai', () => {
    expect(workingDaysAfter(cal, '2026-10-08', 3)).toBe('2026-10-12');
    expect(escalationInstant(cal, '2026-10-08', 3).toISOString()).toBe('2026-10-12T16:00:00.000Z');
  });
  it('counts calendar or working days, negative once past due', () => {
    expect(daysToDue(cal, '2026-09-30', '2026-10-08', 'calendar')).toBe(8);
    expect(daysToDue(cal, '2026-09-30', '2026-10-08', 'working')).toBe(1);
    expect(daysToDue(cal, '2026-10-12', '2026-10-08', 'working')).toBe(-3);
    expect(daysToDue(cal, '2026-10-12', '2026-10-08', 'calendar')).toBe(-4);
    expect(daysToDue(cal, '2026-10-08', '2026-10-08', 'working')).toBe(0);
  });
});
