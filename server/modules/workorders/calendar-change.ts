/**
 * Calendar changes move the escalation deadlines of open work orders. The order's presented clocks are derived on
 * read from the current calendar, but the stored `due_at` (queues sort by it) and `escalation_due_at` (the job fires
 * by it) were computed when the order last changed; a holiday added to the org calendar or a closure on the queue
 * team's schedule must move them, or a level would fire on the old instant.
 *
 * Consumes `calendar.updated` (every open order) and `calendar.team_updated` (the open orders of that queue team)
 * exactly once (consumer `workorders`), in the work-order job's pass, so `tick --at` replays it. Resolved and closed
 * orders are left alone: their due instants and hit/missed outcomes were recorded when their clocks stopped.
 */
import { consumeEvents } from '../../core/consumers.js';
import type { Deps } from '../../core/http.js';
import { isEvent } from '../../core/events.js';
import { loadCalendars } from '../calendar/schedules.js';
import { STOPPED } from './clocks.js';
import * as repo from './repo.js';
import { refreshClocks } from './service.js';

export const WORKORDERS_CONSUMER = 'workorders';
const TYPES = ['calendar.updated', 'calendar.team_updated'];

export async function recomputeOnCalendarChange(deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'config'>): Promise<number> {
  return consumeEvents(
    deps.db,
    deps.clock,
    WORKORDERS_CONSUMER,
    async (trx, event) => {
      const teamId = isEvent(event, 'calendar.team_updated') ? event.entityId : null;
      const open = await repo.openOrderIds(trx, [...STOPPED], teamId);
      if (open.length === 0) return;
      // One load of every team's calendar for the whole event, as it is after the change.
      const calendars = await loadCalendars(trx, deps.config.timeZone);
      for (const { id, queue_team_id } of open) {
        // Serialises with a firing pass or an edit of the same order (PostgreSQL); SQLite has one writer anyway.
        await repo.lockOrder(trx, deps.dialect, id);
        await refreshClocks(trx, deps, id, calendars.forTeam(queue_team_id));
      }
    },
    { types: TYPES },
  );
}
