/**
 * Effective due dates and escalation instants on the org's working-day calendar (China holidays with 调休,
 * provisional years), pure: the calendar comes in. A contractual date on a day off moves to the next working day by
 * default (policy `dueShift`); the escalation fires when `escalationDays` full working days after the effective due
 * date have passed, i.e. at 00:00 (org time) of the day after the last of them.
 */
import { DateTime } from 'luxon';
import type { WorkCalendar } from '../calendar/workdays.js';

export type DueShift = 'next_working_day' | 'previous_working_day' | 'none';
export type BandBasis = 'calendar' | 'working';

function plusDays(date: string, n: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: n }).toISODate()!;
}

export function effectiveDueDate(calendar: WorkCalendar, dueDate: string, shift: DueShift): string {
  if (shift === 'none' || calendar.isWorkingDay(dueDate)) return dueDate;
  const step = shift === 'next_working_day' ? 1 : -1;
  let cursor = dueDate;
  for (let guard = 0; guard < 366 && !calendar.isWorkingDay(cursor); guard++) cursor = plusDays(cursor, step);
  return cursor;
}

/** The `n`-th working day after `date` (exclusive of `date`). */
export function workingDaysAfter(calendar: WorkCalendar, date: string, n: number): string {
  let cursor = date;
  for (let counted = 0; counted < n; ) {
    cursor = plusDays(cursor, 1);
    if (calendar.isWorkingDay(cursor)) counted++;
  }
  return cursor;
}

/** The instant the escalation of an instalment falls due: 00:00 local after `days` working days past due. */
export function escalationInstant(calendar: WorkCalendar, effectiveDue: string, days: number): Date {
  const last = workingDaysAfter(calendar, effectiveDue, days);
  return DateTime.fromISO(plusDays(last, 1), { zone: calendar.settings.timeZone }).startOf('day').toJSDate();
}

/**
 * Days from `asOf` to the due date, negative when past it: calendar days, or working days (the working days after
 * `asOf` up to and including the due date; when overdue, minus the working days after the due date up to `asOf`).
 */
export function daysToDue(calendar: WorkCalendar, asOf: string, due: string, basis: BandBasis): number {
  const calendarDays = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
  if (basis === 'calendar' || calendarDays === 0) return calendarDays;
  if (calendarDays > 0) return calendar.workingDaysBetween(plusDays(asOf, 1), due).length;
  return -calendar.workingDaysBetween(plusDays(due, 1), asOf).length;
}

/** The local date of an instant in the calendar's zone. */
export function localDate(calendar: WorkCalendar, at: Date): string {
  return calendar.localDate(at);
}
