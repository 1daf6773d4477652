/**
 * Working-day arithmetic in an org's time zone. Pure: the country's statutory calendar comes in as a `DayKindSource`.
 *
 * Semantics:
 * - "N working days after T" is the same local time of day on the N-th working day after T's local date.
 *   If T falls on a day off, counting starts at 00:00 of the next working day (so 1 working day = that whole day).
 * - "N hours" is plain elapsed time.
 */
import { DateTime } from 'luxon';

export type DayKind = 'workday' | 'dayoff';

/** Statutory answer for a date (`YYYY-MM-DD`), or null when the source has no ruling (then weekly rest days apply). */
export type DayKindSource = (date: string) => DayKind | null;

export interface CalendarSettings {
  timeZone: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are rest days unless a source or override says otherwise. */
  restWeekdays: number[];
  /** Admin-defined exceptions; they win over the statutory source. */
  extraDaysOff: string[];
  extraWorkdays: string[];
}

export const DEFAULT_CALENDAR: CalendarSettings = {
  timeZone: 'Asia/Shanghai',
  restWeekdays: [6, 7],
  extraDaysOff: [],
  extraWorkdays: [],
};

export class WorkCalendar {
  private readonly daysOff: Set<string>;
  private readonly workdays: Set<string>;

  constructor(
    readonly settings: CalendarSettings,
    readonly source: DayKindSource,
  ) {
    this.daysOff = new Set(settings.extraDaysOff);
    this.workdays = new Set(settings.extraWorkdays);
  }

  /** Day kinds are asked for again and again by clock arithmetic; the statutory lookup is the slow part. */
  private readonly known = new Map<string, boolean>();

  isWorkingDay(date: string): boolean {
    let working = this.known.get(date);
    if (working === undefined) {
      working = this.computeWorkingDay(date);
      this.known.set(date, working);
    }
    return working;
  }

  private computeWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.daysOff.has(date)) return false;
    const statutory = this.source(date);
    if (statutory) return statutory === 'workday';
    const weekday = DateTime.fromISO(date, { zone: this.settings.timeZone }).weekday;
    return !this.settings.restWeekdays.includes(weekday);
  }

  /** The local calendar date of an instant in the org's zone. */
  localDate(at: Date): string {
    return DateTime.fromJSDate(at, { zone: this.settings.timeZone }).toISODate()!;
  }

  addWorkingDays(start: Date, days: number): Date {
    if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
    let local: DateTime = DateTime.fromJSDate(start, { zone: this.settings.timeZone });
    if (!this.isWorkingDay(local.toISODate()!)) {
      local = this.nextWorkingDay(local).startOf('day');
    }
    let cursor: DateTime = local;
    for (let counted = 0; counted < days; ) {
      cursor = cursor.plus({ days: 1 });
      if (this.isWorkingDay(cursor.toISODate()!)) counted++;
    }
    return cursor.toJSDate();
  }

  addHours(start: Date, hours: number): Date {
    return new Date(start.getTime() + hours * 3600_000);
  }

  /** Working days in the inclusive local date range. */
  workingDaysBetween(from: string, to: string): string[] {
    const result: string[] = [];
    let cursor = DateTime.fromISO(from, { zone: this.settings.timeZone });
    const end = DateTime.fromISO(to, { zone: this.settings.timeZone });
    while (cursor <= end) {
      const date = cursor.toISODate()!;
      if (this.isWorkingDay(date)) result.push(date);
      cursor = cursor.plus({ days: 1 });
    }
    return result;
  }

  private nextWorkingDay(from: DateTime): DateTime {
    let cursor: DateTime = from.plus({ days: 1 });
    for (let guard = 0; guard < 366 && !this.isWorkingDay(cursor.toISODate()!); guard++) cursor = cursor.plus({ days: 1 });
    return cursor;
  }
}
