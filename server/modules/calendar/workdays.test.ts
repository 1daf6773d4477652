import { describe, expect, it } from 'vitest';
import { chinaCalendarStatus, chinaStatutorySource, statutoryHolidays } from './china.js';
import { DEFAULT_CALENDAR, WorkCalendar } from './workdays.js';

const china = new WorkCalendar(DEFAULT_CALENDAR, chinaStatutorySource);
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('working-day calendar (Asia/Shanghai, China statutory holidays)', () => {
  it('counts 5 working days after Tue 2026-09-29 10:00 across National Day and its make-up Saturday', () => {
    // 9-30 (1), 10-01..10-07 off, 10-08 (2), 10-09 (3), Sat 10-10 make-up working day (4), Mon 10-12 (5).
    expect(china.addWorkingDays(shanghai('2026-09-29T10:00:00'), 5).toISOString()).toBe(shanghai('2026-10-12T10:00:00').toISOString());
  });

  it('treats the make-up Sunday 2026-09-20 as a working day and the Mid-Autumn Sunday as a day off', () => {
    expect(china.isWorkingDay('2026-09-20')).toBe(true);
    expect(china.isWorkingDay('2026-09-27')).toBe(false);
    expect(china.isWorkingDay('2026-10-05')).toBe(false);
    expect(china.isWorkingDay('2026-11-28')).toBe(false);
    expect(china.isWorkingDay('2026-11-27')).toBe(true);
  });

  it('starts counting at 00:00 of the next working day when the start is a day off', () => {
    // Saturday 2026-11-28 15:00 → Monday is day zero from its start; 1 working day ends Tuesday 00:00.
    expect(china.addWorkingDays(shanghai('2026-11-28T15:00:00'), 1).toISOString()).toBe(shanghai('2026-12-01T00:00:00').toISOString());
    expect(china.addWorkingDays(shanghai('2026-11-28T15:00:00'), 0).toISOString()).toBe(shanghai('2026-11-30T00:00:00').toISOString());
  });

  it('uses the org time zone for the local date (UTC evening is the next Shanghai morning)', () => {
    // 2026-11-27T17:00Z is Saturday 01:00 in Shanghai: a day off.
    expect(china.addWorkingDays(new Date('2026-11-27T17:00:00Z'), 1).toISOString()).toBe(shanghai('2026-12-01T00:00:00').toISOString());
  });

  it('lets admin-defined days off and extra working days override the statutory calendar', () => {
    const custom = new WorkCalendar({ ...DEFAULT_CALENDAR, extraDaysOff: ['2026-12-01'], extraWorkdays: ['2026-12-05'] }, chinaStatutorySource);
    expect(custom.isWorkingDay('2026-12-01')).toBe(false);
    expect(custom.isWorkingDay('2026-12-05')).toBe(true);
    // Mon 11-30 10:00 + 2: Tue off, Wed (1), Thu (2).
    expect(custom.addWorkingDays(shanghai('2026-11-30T10:00:00'), 2).toISOString()).toBe(shanghai('2026-12-03T10:00:00').toISOString());
  });

  it('adds hours as plain elapsed time, holidays included', () => {
    expect(china.addHours(shanghai('2026-09-30T20:00:00'), 48).toISOString()).toBe(shanghai('2026-10-02T20:00:00').toISOString());
  });

  it('lists working days of a range', () => {
    expect(china.workingDaysBetween('2026-09-28', '2026-10-12')).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
  });

  it('knows 2025 from the published notice (Spring Festival make-up Sunday 2025-01-26)', () => {
    expect(china.isWorkingDay('2025-01-26')).toBe(true);
    expect(china.isWorkingDay('2025-01-29')).toBe(false);
    expect(chinaCalendarStatus(2025)).toBe('published');
  });

  it('falls back to the statutory holidays of the law for a year not yet published, flagged provisional', () => {
    expect(chinaCalendarStatus(2027)).toBe('provisional');
    const days = statutoryHolidays(2027);
    // Lunar new year 2027 is 2027-02-06: 除夕 02-05 to 初三 02-08; 端午 2027-06-09; 中秋 2027-09-15; 清明 2027-04-05.
    for (const d of ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-03']) {
      expect(days.has(d), d).toBe(true);
    }
    expect(china.isWorkingDay('2027-10-01')).toBe(false);
    expect(china.isWorkingDay('2027-10-04')).toBe(true); // Monday, no arrangement published
  });
});
