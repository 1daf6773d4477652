/**
 * Business-hours arithmetic for one team. Pure: working days come from the org `WorkCalendar` (China statutory
 * holidays, 调休 make-up days, admin overrides); the team adds its working intervals per day and one-off closures.
 *
 * Every duration kind is the same operation over a different timeline of "counting" intervals:
 * - business hours: the team's intervals (default 09:00–12:00 and 13:30–18:00) on its working days;
 * - working days: whole local working days (00:00–24:00), so "N working days after T" is T's local time on the N-th
 *   working day, and a start on a day off counts from 00:00 of the next working day (the `WorkCalendar` semantics);
 * - calendar hours: the whole timeline.
 * Adding walks the counting intervals forward; elapsed time sums their overlap with a range.
 */
import { DateTime } from 'luxon';
import type { WorkCalendar } from './workdays.js';

/** `HH:mm` local times, start < end. */
export type Interval = [string, string];

export interface TeamSchedule {
  /** Working intervals of a working day, in local time, ascending and not overlapping. */
  intervals: Interval[];
  /** ISO weekday (1–7) → its own intervals, when a day differs (say a short Friday). Make-up days use `intervals`. */
  weekdays?: Record<string, Interval[]>;
  /** One-off closures: inclusive local date ranges on which the team does not work at all. */
  closures: Array<{ from: string; to: string; reason?: string }>;
}

export const DEFAULT_SCHEDULE: TeamSchedule = {
  intervals: [
    ['09:00', '12:00'],
    ['13:30', '18:00'],
  ],
  closures: [],
};

export type DurationUnit = 'business_hours' | 'working_days' | 'calendar_hours';

const HOUR = 3_600_000;
const DAY_SCAN_LIMIT = 3660; // ten years

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** The calendar date after `date` (plain date arithmetic, no zone involved). */
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export class BusinessCalendar {
  constructor(
    readonly days: WorkCalendar,
    readonly schedule: TeamSchedule = DEFAULT_SCHEDULE,
  ) {}

  get timeZone(): string {
    return this.days.settings.timeZone;
  }

  isClosed(date: string): boolean {
    return this.schedule.closures.some((c) => c.from <= date && date <= c.to);
  }

  /** A working day for this team: the org calendar says so and the team is not closed. */
  isWorkingDay(date: string): boolean {
    return this.days.isWorkingDay(date) && !this.isClosed(date);
  }

  private readonly cache = new Map<string, Array<[number, number]>>();

  /** Counting intervals `[startMs, endMs)` of one local date for a unit, ascending (cached: a calendar is per pass). */
  intervalsOn(date: string, unit: DurationUnit): Array<[number, number]> {
    const key = `${date}|${unit}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.computeIntervals(date, unit);
      this.cache.set(key, found);
    }
    return found;
  }

  private localDate(at: Date): string {
    return DateTime.fromJSDate(at, { zone: this.timeZone }).toISODate()!;
  }

  private computeIntervals(date: string, unit: DurationUnit): Array<[number, number]> {
    const day = DateTime.fromISO(date, { zone: this.timeZone });
    if (unit === 'calendar_hours') return [[day.toMillis(), day.plus({ days: 1 }).toMillis()]];
    if (!this.isWorkingDay(date)) return [];
    if (unit === 'working_days') return [[day.toMillis(), day.plus({ days: 1 }).toMillis()]];
    // A statutory make-up day (调休 Saturday/Sunday) works like a regular weekday: the default intervals.
    const weekdayIntervals = this.days.source(date) === 'workday' ? undefined : this.schedule.weekdays?.[String(day.weekday)];
    return (weekdayIntervals ?? this.schedule.intervals).map(([from, to]) => [
      day.plus({ minutes: minutes(from) }).toMillis(),
      to === '24:00' ? day.plus({ days: 1 }).toMillis() : day.plus({ minutes: minutes(to) }).toMillis(),
    ]);
  }

  /** The instant after `amountMs` of counting time from `start`. */
  addCounting(start: Date, amountMs: number, unit: DurationUnit): Date {
    if (!(amountMs >= 0)) throw new RangeError('amount must be a non-negative number');
    if (unit === 'calendar_hours') return new Date(start.getTime() + amountMs);
    let remaining = amountMs;
    const t0 = start.getTime();
    let date = this.localDate(start);
    for (let guard = 0; guard < DAY_SCAN_LIMIT; guard++, date = nextDate(date)) {
      for (const [from, to] of this.intervalsOn(date, unit)) {
        if (to <= t0) continue;
        const begin = Math.max(from, t0);
        // Zero remaining lands on the start of the next counting interval (a clock started at 07:00 is due at 09:00).
        // Business hours end at the close (09:00 + 3 h = 12:00); whole working days end at 00:00 of the next working
        // day, i.e. "the same local time on the N-th working day" rather than midnight after a day off.
        const fits = unit === 'working_days' ? begin + remaining < to : begin + remaining <= to && (remaining > 0 || begin < to);
        if (fits) return new Date(begin + remaining);
        remaining -= to - begin;
      }
    }
    throw new RangeError('no working time within ten years: check the schedule and closures');
  }

  addBusinessHours(start: Date, hours: number): Date {
    return this.addCounting(start, hours * HOUR, 'business_hours');
  }

  /** Same local time on the N-th working day after; a start on a day off counts from 00:00 of the next one. */
  addWorkingDays(start: Date, days: number): Date {
    if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
    return this.addCounting(start, days * 24 * HOUR, 'working_days');
  }

  addCalendarHours(start: Date, hours: number): Date {
    return new Date(start.getTime() + hours * HOUR);
  }

  /** Counting time in ms between two instants (0 when `to` is not after `from`). */
  elapsed(from: Date, to: Date, unit: DurationUnit): number {
    const a = from.getTime();
    const b = to.getTime();
    if (b <= a) return 0;
    if (unit === 'calendar_hours') return b - a;
    let total = 0;
    const lastDate = this.localDate(to);
    for (let date = this.localDate(from); ; date = nextDate(date)) {
      for (const [start, end] of this.intervalsOn(date, unit)) total += Math.max(0, Math.min(end, b) - Math.max(start, a));
      if (date >= lastDate) break;
    }
    return total;
  }

  /** Elapsed business time between two instants, in hours. */
  businessHoursBetween(from: Date, to: Date): number {
    return this.elapsed(from, to, 'business_hours') / HOUR;
  }
}
