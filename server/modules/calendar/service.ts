/** Calendar use cases: settings (admin), per-day explanation and working-day arithmetic for the API. */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/index.js';
import { DateTime } from 'luxon';
import { chinaCalendarStatus, chinaStatutorySource } from './china.js';
import type { CalendarSettingsBody } from './schema.js';
import { getCalendarSettings, loadWorkCalendar, saveCalendarSettings } from './settings.js';
import { type AnyActor, authorize } from '../../core/policy.js';

export async function updateSettings(db: Db, clock: Clock, actor: AnyActor, body: CalendarSettingsBody, defaultTimeZone: string) {
  authorize(actor, 'calendar.manage');
  return db.transaction().execute(async (trx) => {
    const { updatedAt: _a, updatedBy: _b, ...before } = await getCalendarSettings(trx, defaultTimeZone);
    await saveCalendarSettings(trx, clock, body, actor.id);
    const after = await getCalendarSettings(trx, defaultTimeZone);
    const { updatedAt: _c, updatedBy: _d, ...audited } = after;
    // Running SLA clocks move their pending deadlines onto the new calendar (the SLA consumer handles the event).
    await commandIn(trx, clock, { entity: 'calendar', actorId: actor.id }).recorded('org', 'update', { before, after: audited }, { type: 'calendar.updated', payload: audited });
    return after;
  });
}

type Reason = 'weekday' | 'rest_day' | 'holiday' | 'makeup_workday' | 'extra_day_off' | 'extra_workday';

export async function describeDays(db: Db, defaultTimeZone: string, from: string, to: string) {
  const calendar = await loadWorkCalendar(db, defaultTimeZone);
  const { settings } = calendar;
  const days: Array<{ date: string; kind: 'workday' | 'dayoff'; reason: Reason; provisional: boolean }> = [];
  const provisionalYears = new Set<number>();
  for (let cursor = DateTime.fromISO(from); cursor.toISODate()! <= to; cursor = cursor.plus({ days: 1 })) {
    const date = cursor.toISODate()!;
    const working = calendar.isWorkingDay(date);
    const statutory = chinaStatutorySource(date);
    let reason: Reason;
    if (settings.extraWorkdays.includes(date)) reason = 'extra_workday';
    else if (settings.extraDaysOff.includes(date)) reason = 'extra_day_off';
    else if (statutory === 'workday') reason = 'makeup_workday';
    else if (statutory === 'dayoff') reason = 'holiday';
    else reason = working ? 'weekday' : 'rest_day';
    const provisional = chinaCalendarStatus(cursor.year) === 'provisional';
    if (provisional) provisionalYears.add(cursor.year);
    days.push({ date, kind: working ? 'workday' : 'dayoff', reason, provisional });
  }
  const workingDays = days.filter((d) => d.kind === 'workday').map((d) => d.date);
  return { from, to, timeZone: settings.timeZone, count: workingDays.length, workingDays, days, provisionalYears: [...provisionalYears].sort() };
}

/** `workingDays` first (same local time on the N-th working day), then `hours` of plain elapsed time. */
export async function addToInstant(db: Db, defaultTimeZone: string, start: Date, workingDays = 0, hours = 0) {
  const calendar = await loadWorkCalendar(db, defaultTimeZone);
  const afterDays = workingDays > 0 ? calendar.addWorkingDays(start, workingDays) : start;
  const result = calendar.addHours(afterDays, hours);
  return {
    start: start.toISOString(),
    workingDays,
    hours,
    timeZone: calendar.settings.timeZone,
    result: result.toISOString(),
    resultLocal: DateTime.fromJSDate(result, { zone: calendar.settings.timeZone }).toISO({ suppressMilliseconds: true })!,
  };
}
