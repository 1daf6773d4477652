/**
 * When a cadence step is due. Pure: the anchor, the step and the org's `WorkCalendar` go in, a UTC instant comes out.
 *
 * Semantics (documented in docs/configuration.md):
 * - The anchor is a local date in the org time zone: the date of stage entry, or the deal's date field.
 * - `T+N` in calendar days is N days after that date; in working days it is the N-th working day after it
 *   (the anchor day itself never counts, so entering on a Friday makes T+1 the next Monday). `T-N` counts back the
 *   same way (the N-th working day before the date). `T+0` is the anchor date itself.
 * - The step is due at its `at` local time of day; without `at`, at the anchor's own time for stage entry and at
 *   09:00 for date fields.
 */
import { DateTime } from 'luxon';
import type { WorkCalendar } from '../calendar/workdays.js';
import { parseOffset, type CadenceStep } from './definition.js';

export type Anchor = { kind: 'instant'; at: Date } | { kind: 'date'; date: string };

const DEFAULT_FIELD_TIME = '09:00';

export function shiftDate(calendar: WorkCalendar, date: string, days: number, unit: CadenceStep['unit']): string {
  const zone = calendar.settings.timeZone;
  let cursor = DateTime.fromISO(date, { zone });
  if (unit === 'calendar_days') return cursor.plus({ days }).toISODate()!;
  const direction = days < 0 ? -1 : 1;
  // A long holiday plus weekends never spans more than a few weeks; the guard only stops a calendar with no workdays.
  for (let counted = 0, guard = 0; counted < Math.abs(days) && guard < 3660; guard++) {
    cursor = cursor.plus({ days: direction });
    if (calendar.isWorkingDay(cursor.toISODate()!)) counted++;
  }
  return cursor.toISODate()!;
}

export function stepDueAt(calendar: WorkCalendar, anchor: Anchor, step: Pick<CadenceStep, 'offset' | 'unit' | 'at'>): Date {
  const zone = calendar.settings.timeZone;
  let baseDate: string;
  let time: { hour: number; minute: number; second: number; millisecond: number };
  if (anchor.kind === 'instant') {
    const local = DateTime.fromJSDate(anchor.at, { zone });
    baseDate = local.toISODate()!;
    time = { hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond };
  } else {
    baseDate = anchor.date;
    time = hhmm(DEFAULT_FIELD_TIME);
  }
  if (step.at) time = hhmm(step.at);
  const date = shiftDate(calendar, baseDate, parseOffset(step.offset), step.unit);
  return DateTime.fromISO(date, { zone }).set(time).toJSDate();
}

function hhmm(text: string) {
  const [hour, minute] = text.split(':').map(Number);
  return { hour, minute, second: 0, millisecond: 0 };
}
