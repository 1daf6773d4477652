import { actorOf, type App, type Deps } from '../../core/http.js';
import { addResponse, calendarSettingsResponse, teamScheduleResponse, workingDaysResponse } from './presenter.js';
import { addQuery, calendarSettingsBody, workingDaysQuery } from './schema.js';
import { addToInstant, describeDays, updateSettings } from './service.js';
import { getCalendarSettings } from './settings.js';
import { teamParams, teamScheduleBody } from './schedule-schema.js';
import { readTeamSchedule, updateTeamSchedule } from './schedule-service.js';
import { responses } from '../../core/contract.js';

export async function calendarRoutes(app: App, deps: Deps) {
  const tags = ['calendar'];
  const tz = deps.config.timeZone;

  app.get(
    '/api/calendar/settings',
    { schema: { tags, summary: 'Org working-day calendar settings 工作日历设置 (time zone, rest weekdays, extra days off / working days)', response: responses({ 200: calendarSettingsResponse }) } },
    async (req) => {
      actorOf(req);
      return getCalendarSettings(deps.db, tz);
    },
  );

  app.put(
    '/api/calendar/settings',
    { config: { ability: 'calendar.manage' }, schema: { tags, summary: 'Replace the org calendar settings (admin); new SLA deadlines use them', body: calendarSettingsBody, response: responses({ 200: calendarSettingsResponse }, [400, 403]) } },
    async (req) => {
      const actor = actorOf(req);
      return updateSettings(deps.db, deps.clock, actor, req.body, tz);
    },
  );

  app.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags,
        summary: 'Each day of an inclusive date range with its kind (workday/dayoff), reason and provisional flag 工作日列表',
        querystring: workingDaysQuery,
        response: responses({ 200: workingDaysResponse }, [400]),
      },
    },
    async (req) => {
      actorOf(req);
      return describeDays(deps.db, tz, req.query.from, req.query.to);
    },
  );

  app.get(
    '/api/calendar/add',
    {
      schema: {
        tags,
        summary: 'N working days (same local time on the N-th working day) and/or H elapsed hours after an instant 工作日推算',
        querystring: addQuery,
        response: responses({ 200: addResponse }, [400]),
      },
    },
    async (req) => {
      actorOf(req);
      return addToInstant(deps.db, tz, req.query.start, req.query.workingDays, req.query.hours);
    },
  );

  app.get(
    '/api/calendar/teams/:teamId/schedule',
    { schema: { tags, summary: 'A team’s business hours and one-off closures 团队工作时间 (the default 09:00–12:00, 13:30–18:00 when it has none)', params: teamParams, response: responses({ 200: teamScheduleResponse }, [400, 404]) } },
    async (req) => {
      actorOf(req);
      return readTeamSchedule(deps.db, req.params.teamId);
    },
  );

  app.put(
    '/api/calendar/teams/:teamId/schedule',
    {
      config: { ability: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Replace a team’s business hours and closures (admin); the team’s running SLA clocks move onto them',
        params: teamParams,
        body: teamScheduleBody,
        response: responses({ 200: teamScheduleResponse }, [400, 403, 404]),
      },
    },
    async (req) => updateTeamSchedule(deps.db, deps.clock, actorOf(req), req.params.teamId, req.body),
  );
}
