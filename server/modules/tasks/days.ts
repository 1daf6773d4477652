/** Day boundaries of "my tasks" in the org time zone. Pure: the clock's instant and the zone go in, UTC instants come out. */
import { DateTime } from 'luxon';

export interface DayBounds {
  /** Local midnight that starts today, as a UTC instant. */
  todayStart: string;
  /** Local midnight that ends today. */
  tomorrowStart: string;
}

export function dayBounds(now: Date, timeZone: string): DayBounds {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new Error(`Unknown time zone "${timeZone}"`);
  const start = local.startOf('day');
  return {
    todayStart: new Date(start.toMillis()).toISOString(),
    tomorrowStart: new Date(start.plus({ days: 1 }).toMillis()).toISOString(),
  };
}

export type TaskBucket = 'overdue' | 'today' | 'upcoming';

/**
 * Where an open task sits on "my tasks": due before today's local midnight → overdue; due today (local) → today,
 * even if the hour has passed; later or undated → upcoming. Done and cancelled tasks sit nowhere.
 */
export function taskBucket(task: { status: string; dueAt: string | null }, bounds: DayBounds): TaskBucket | null {
  if (task.status !== 'open') return null;
  if (task.dueAt === null || task.dueAt >= bounds.tomorrowStart) return 'upcoming';
  return task.dueAt < bounds.todayStart ? 'overdue' : 'today';
}
