/** Team schedules (`team_schedules`): business hours and closures per team, and the calendars SLA clocks count on. */
import type { Clock } from '../../core/clock.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { BusinessCalendar, DEFAULT_SCHEDULE, type Interval, type TeamSchedule } from './hours.js';
import { loadWorkCalendar } from './settings.js';
import type { WorkCalendar } from './workdays.js';

export interface StoredTeamSchedule extends TeamSchedule {
  teamId: string;
  /** false: the team has no schedule of its own and uses the default. */
  custom: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

type Row = { team_id: string; intervals: string; weekdays: string; closures: string; updated_at: string; updated_by: string | null };

function fromRow(row: Row): StoredTeamSchedule {
  return {
    teamId: row.team_id,
    custom: true,
    intervals: parseJson<Interval[]>(row.intervals, DEFAULT_SCHEDULE.intervals),
    weekdays: parseJson<Record<string, Interval[]>>(row.weekdays, {}),
    closures: parseJson<TeamSchedule['closures']>(row.closures, []),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function getTeamSchedule(db: Queryable, teamId: string): Promise<StoredTeamSchedule> {
  const row = await db.selectFrom('team_schedules').selectAll().where('team_id', '=', teamId).executeTakeFirst();
  if (!row) return { teamId, custom: false, ...DEFAULT_SCHEDULE, weekdays: {}, updatedAt: null, updatedBy: null };
  return fromRow(row);
}

export async function saveTeamSchedule(db: Queryable, clock: Clock, teamId: string, schedule: TeamSchedule, actorId: string | null): Promise<void> {
  const values = {
    intervals: toJson(schedule.intervals),
    weekdays: toJson(schedule.weekdays ?? {}),
    closures: toJson([...schedule.closures].sort((a, b) => a.from.localeCompare(b.from))),
    updated_by: actorId,
    updated_at: clock.now().toISOString(),
  };
  await db
    .insertInto('team_schedules')
    .values({ team_id: teamId, ...values })
    .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
    .execute();
}

export async function deleteTeamSchedule(db: Queryable, teamId: string): Promise<void> {
  await db.deleteFrom('team_schedules').where('team_id', '=', teamId).execute();
}

/** The org working days plus every team's schedule, read once per pass: `forTeam(null)` is the default schedule. */
export interface Calendars {
  days: WorkCalendar;
  forTeam(teamId: string | null): BusinessCalendar;
}

export async function loadCalendars(db: Queryable, defaultTimeZone?: string): Promise<Calendars> {
  const days = await loadWorkCalendar(db, defaultTimeZone);
  const rows = await db.selectFrom('team_schedules').selectAll().execute();
  const byTeam = new Map(rows.map((r) => [r.team_id, new BusinessCalendar(days, fromRow(r))]));
  const fallback = new BusinessCalendar(days, DEFAULT_SCHEDULE);
  return { days, forTeam: (teamId) => (teamId ? byTeam.get(teamId) : undefined) ?? fallback };
}
