/**
 * Cron schedules in the org time zone (croner). Five fields (minute hour day-of-month month day-of-week): minute
 * precision is all a sales org needs and keeps "one run per instant" meaningful. Pure.
 */
import { Cron } from 'croner';

export function checkCron(expression: string, timeZone: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return `must have 5 fields (minute hour day-of-month month day-of-week), e.g. "0 18 * * *"; found ${fields.length}`;
  try {
    const cron = new Cron(expression, { timezone: timeZone });
    if (!cron.nextRun(new Date(0))) return 'never fires';
    return null;
  } catch (error) {
    return `is not a valid cron expression: ${(error as Error).message.replace(/^CronPattern: /, '')}`;
  }
}

/**
 * The latest scheduled instant in (after, now], or null when none is due. After downtime only the latest missed
 * instant is returned, so a missed run happens once, late, instead of once per missed slot.
 */
export function latestDueRun(expression: string, timeZone: string, after: Date, now: Date): Date | null {
  if (now <= after) return null;
  const cron = new Cron(expression, { timezone: timeZone });
  const first = cron.nextRun(after);
  if (!first || first > now) return null;
  // Start the walk from the shortest recent window that still contains a slot, so it takes a few steps whatever the
  // frequency; an infrequent schedule falls back to walking from `after`, which is few steps too.
  let cursor = after;
  for (const windowMs of [120_000, 7_200_000, 172_800_000, 5_184_000_000]) {
    const start = new Date(now.getTime() - windowMs);
    if (start <= after) break;
    const next = cron.nextRun(start);
    if (next && next <= now) {
      cursor = start;
      break;
    }
  }
  let latest: Date | null = null;
  for (let guard = 0; guard < 200_000; guard++) {
    const next = cron.nextRun(cursor);
    if (!next || next > now) break;
    latest = next;
    cursor = next;
  }
  return latest ?? first;
}
