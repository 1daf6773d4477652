import { describe, expect, it } from 'vitest';
import { chinaStatutorySource } from '../calendar/china.js';
import { DEFAULT_CALENDAR, WorkCalendar } from '../calendar/workdays.js';
import { stepDueAt } from './schedule.js';

const calendar = new WorkCalendar(DEFAULT_CALENDAR, chinaStatutorySource);
const due = (anchor: Parameters<typeof stepDueAt>[1], offset: string, unit: 'calendar_days' | 'working_days', at?: string) =>
  stepDueAt(calendar, anchor, { offset, unit, at }).toISOString();

describe('stepDueAt', () => {
  it('counts working days across the 2026 National Day holiday and its make-up Saturday', () => {
    // Tue 2026-09-29 10:00 Shanghai; Oct 1–7 off; Sat Oct 10 is a make-up working day.
    const anchor = { kind: 'instant' as const, at: new Date('2026-09-29T02:00:00.000Z') };
    expect(due(anchor, 'T+1', 'working_days', '10:00')).toBe('2026-09-30T02:00:00.000Z');
    expect(due(anchor, 'T+3', 'working_days', '10:00')).toBe('2026-10-09T02:00:00.000Z');
    expect(due(anchor, 'T+5', 'working_days', '10:00')).toBe('2026-10-12T02:00:00.000Z');
    expect(due(anchor, 'T+3', 'calendar_days', '10:00')).toBe('2026-10-02T02:00:00.000Z');
  });

  it('keeps the anchor time when the step names none, and uses the local date (not UTC) as the anchor day', () => {
    // 2026-11-06 23:30 Shanghai is still the 6th locally (15:30 UTC): Friday, so T+1 working day is Monday the 9th.
    const anchor = { kind: 'instant' as const, at: new Date('2026-11-06T15:30:00.000Z') };
    expect(due(anchor, 'T+1', 'working_days')).toBe('2026-11-09T15:30:00.000Z');
    expect(due(anchor, 'T+1', 'calendar_days', '09:00')).toBe('2026-11-07T01:00:00.000Z');
  });

  it('counts back before a date field at 09:00 by default', () => {
    const anchor = { kind: 'date' as const, date: '2026-12-15' };
    expect(due(anchor, 'T-7', 'calendar_days')).toBe('2026-12-08T01:00:00.000Z');
    expect(due(anchor, 'T-3', 'working_days', '14:30')).toBe('2026-12-10T06:30:00.000Z');
  });
});
