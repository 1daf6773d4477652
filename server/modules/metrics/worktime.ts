/**
 * Durations in working days on the one org calendar (calendar/workdays.ts), fast enough for every stay of a
 * dashboard: local midnights and a running count of working days are laid out once per calendar, so a duration is
 * two binary searches instead of a walk through the days.
 *
 * Semantics: a working day counts as 1 from its local 00:00 to 24:00, a day off as 0; a stay from Friday 15:00 to
 * Monday 09:00 (weekend off) is 0.375 + 0.375 = 0.75 working days. National Day and other statutory holidays are off,
 * make-up working days (调休) count.
 */
import { DateTime } from 'luxon';
import type { WorkCalendar } from '../calendar/workdays.js';

const DAY_MS = 86_400_000;

export class WorkingTime {
  /** UTC ms of local midnights, one per day from `first` on, plus the midnight after the last day. */
  private readonly midnights: number[] = [];
  /** Working days before day i. */
  private readonly before: number[] = [];
  private readonly working: boolean[] = [];

  constructor(
    readonly calendar: WorkCalendar,
    from: Date,
    to: Date,
  ) {
    const zone = calendar.settings.timeZone;
    let day = DateTime.fromJSDate(from, { zone }).startOf('day').minus({ days: 1 });
    const end = DateTime.fromJSDate(to, { zone }).startOf('day').plus({ days: 2 });
    let count = 0;
    while (day <= end) {
      this.midnights.push(day.toMillis());
      this.before.push(count);
      const working = calendar.isWorkingDay(day.toISODate()!);
      this.working.push(working);
      if (working) count++;
      day = day.plus({ days: 1 });
    }
  }

  /** Index of the local day holding `ms` (clamped to the laid-out range). */
  private dayOf(ms: number): number {
    const m = this.midnights;
    if (ms <= m[0]) return 0;
    let lo = 0;
    let hi = m.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (m[mid] <= ms) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Working days elapsed from the start of the laid-out range to `ms`. */
  position(ms: number): number {
    const i = this.dayOf(ms);
    const start = this.midnights[i];
    const next = this.midnights[i + 1] ?? start + DAY_MS;
    const fraction = this.working[i] ? Math.min(1, Math.max(0, (ms - start) / (next - start))) : 0;
    return this.before[i] + fraction;
  }

  /** Working days between two instants (0 when `to` is not after `from`). */
  between(from: Date | string | number, to: Date | string | number): number {
    const a = typeof from === 'number' ? from : new Date(from).getTime();
    const b = typeof to === 'number' ? to : new Date(to).getTime();
    return b <= a ? 0 : this.position(b) - this.position(a);
  }

  /** The latest instant that lies `days` working days before `at`: "more than N working days ago" is "< back(at, N)". */
  back(at: Date, days: number): Date {
    const target = this.position(at.getTime()) - days;
    if (target <= 0) return new Date(this.midnights[0]);
    // The day whose running count reaches the target; inside it the fraction gives the time of day.
    let i = this.dayOf(at.getTime());
    while (i > 0 && this.before[i] > target) i--;
    while (i > 0 && !this.working[i] && this.before[i] >= target) i--;
    const start = this.midnights[i];
    const next = this.midnights[i + 1] ?? start + DAY_MS;
    const fraction = this.working[i] ? target - this.before[i] : 0;
    return new Date(start + fraction * (next - start));
  }
}
