import type { Random } from './random.js';

/** Instants for the generator: the org time zone is Asia/Shanghai, which has no daylight saving (UTC + 8 h). */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
const SHANGHAI_OFFSET = 8 * HOUR;

export const iso = (ms: number) => new Date(ms).toISOString();
/** The calendar date in the org time zone. */
export const shanghaiDate = (ms: number) => new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 10);
/** Start of the org-time-zone day containing `ms`, as a UTC epoch. */
export const shanghaiMidnight = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
/** Day of the week (0 = Sunday) in the org time zone. */
export const shanghaiWeekday = (ms: number) => new Date(ms + SHANGHAI_OFFSET).getUTCDay();

/** A random office-hours instant (08:30–19:00 Shanghai) on the day containing `dayMs`, never after now. */
export function duringWorkingHours(random: Random, dayMs: number, nowMs: number): number {
  const ms = shanghaiMidnight(dayMs) + random.int(8 * 60 + 30, 19 * 60) * 60_000;
  return ms <= nowMs ? ms : nowMs - random.int(5, 240) * 60_000;
}
