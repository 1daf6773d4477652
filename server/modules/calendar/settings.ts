/** The org calendar's settings row (`calendar_settings`, id 'org'); absent means the defaults. */
import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { parseJson, toJson } from '../../core/json.js';
import { chinaStatutorySource } from './china.js';
import { DEFAULT_CALENDAR, WorkCalendar, type CalendarSettings } from './workdays.js';

const ROW_ID = 'org';

export interface StoredCalendarSettings extends CalendarSettings {
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function getCalendarSettings(db: Queryable, defaultTimeZone = DEFAULT_CALENDAR.timeZone): Promise<StoredCalendarSettings> {
  const row = await db.selectFrom('calendar_settings').selectAll().where('id', '=', ROW_ID).executeTakeFirst();
  if (!row) return { ...DEFAULT_CALENDAR, timeZone: defaultTimeZone, updatedAt: null, updatedBy: null };
  return {
    timeZone: row.time_zone,
    restWeekdays: parseJson<number[]>(row.rest_weekdays, DEFAULT_CALENDAR.restWeekdays),
    extraDaysOff: parseJson<string[]>(row.extra_days_off, []),
    extraWorkdays: parseJson<string[]>(row.extra_workdays, []),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function saveCalendarSettings(db: Queryable, clock: Clock, settings: CalendarSettings, actorId: string | null): Promise<void> {
  const values = {
    time_zone: settings.timeZone,
    rest_weekdays: toJson([...settings.restWeekdays].sort()),
    extra_days_off: toJson([...settings.extraDaysOff].sort()),
    extra_workdays: toJson([...settings.extraWorkdays].sort()),
    updated_by: actorId,
    updated_at: clock.now().toISOString(),
  };
  await db
    .insertInto('calendar_settings')
    .values({ id: ROW_ID, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** The org's working-day calendar: stored settings over China's statutory calendar. */
export async function loadWorkCalendar(db: Queryable, defaultTimeZone?: string): Promise<WorkCalendar> {
  const { updatedAt: _a, updatedBy: _b, ...settings } = await getCalendarSettings(db, defaultTimeZone);
  return new WorkCalendar(settings, chinaStatutorySource);
}
