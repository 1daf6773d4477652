/** Which local day and slot a cron instant belongs to, and the window a digest counts. Pure. */
import { DateTime } from 'luxon';
import { dayBounds } from '../tasks/days.js';

export interface DigestSlot {
  /** Local date YYYY-MM-DD of the scheduled instant (org time zone). */
  date: string;
  /** Local HH:mm of the scheduled instant. */
  slot: string;
  scheduledFor: string;
  /** The local day: [start, end). */
  start: string;
  end: string;
  /** Figures are counted up to here: the run time, or the day's end for a late run on a later day. */
  asOf: string;
}

export function digestSlot(scheduledFor: Date, now: Date, timeZone: string): DigestSlot {
  const local = DateTime.fromJSDate(scheduledFor, { zone: timeZone });
  const { todayStart, tomorrowStart } = dayBounds(scheduledFor, timeZone);
  const nowIso = now.toISOString();
  return {
    date: local.toISODate()!,
    slot: local.toFormat('HH:mm'),
    scheduledFor: scheduledFor.toISOString(),
    start: todayStart,
    end: tomorrowStart,
    asOf: nowIso < tomorrowStart ? nowIso : tomorrowStart,
  };
}

/** A run more than a minute after its slot was missed (server down, or busy) and is marked late. */
export const LATE_AFTER_MS = 60_000;
export const isLate = (scheduledFor: Date, now: Date) => now.getTime() - scheduledFor.getTime() > LATE_AFTER_MS;
