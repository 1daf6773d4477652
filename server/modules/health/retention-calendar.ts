/**
 * Calendar changes re-date running retention plans. A plan's deadline is stored (`due_at`: the job fires and the
 * worker wakes by it) when the plan opens; a make-up working day on the org calendar or a closure lifted from the
 * owner's team schedule brings the clock's due instant EARLIER, and the escalation must fire then, not at the old
 * instant. A change pushing it later is stored too, so lists and the plan page show the deadline the clock will use.
 *
 * Consumes `calendar.updated` (every running plan) and `calendar.team_updated` (the plans counted on that team's
 * calendar) exactly once (consumer `health-retention-calendar`), first in the `health-retention` job's pass, so
 * `tick --at` replays it before it fires anything. Filed and escalated plans keep their deadline: their clock stopped
 * and its outcome is recorded.
 */
import { consumeEvents } from '../../core/consumers.js';
import { commandIn } from '../../core/command.js';
import { isEvent } from '../../core/events.js';
import type { Deps } from '../../core/http.js';
import { loadCalendars } from '../calendar/schedules.js';
import * as repo from './repo.js';
import { planClock } from './retention-plan.js';

export const RETENTION_CALENDAR_CONSUMER = 'health-retention-calendar';
export const CALENDAR_EVENTS = ['calendar.updated', 'calendar.team_updated'];

export async function redatePlansOnCalendarChange(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  return consumeEvents(
    deps.db,
    deps.clock,
    RETENTION_CALENDAR_CONSUMER,
    async (trx, event) => {
      const teamId = isEvent(event, 'calendar.team_updated') ? event.entityId : null;
      const running = await repo.runningPlans(trx, teamId);
      if (running.length === 0) return;
      // The calendars as they are after the change, loaded once for the event (the same loader that dated the plans).
      const calendars = await loadCalendars(trx);
      const now = deps.clock.now();
      for (const row of running) {
        const { dueAt } = planClock(calendars, row, now);
        if (dueAt === row.due_at) continue;
        if (!(await repo.redatePlan(trx, row.id, dueAt, now.toISOString()))) continue;
        await commandIn(trx, deps.clock, { entity: 'retention_plan', actorId: null }).recorded(row.id, 'redate', {
          before: { due_at: row.due_at },
          after: { due_at: dueAt, cause: { event: event.id, type: event.type } },
        });
      }
    },
    { types: CALENDAR_EVENTS },
  );
}
