/**
 * Calendar changes move the SLA instants of running approval steps. A step's reminder and escalation instants are
 * stored when it starts (the job fires by `next_due_at`); a day off added to the org calendar or a closure on the
 * approver's team schedule must move them, or a reminder would fire on the old instant — and one pulled earlier
 * would never fire. Decided and cancelled steps are left alone.
 *
 * Consumes `calendar.updated` and `calendar.team_updated` exactly once (consumer `approvals-calendar`) in the
 * approvals job's pass, so `tick --at` replays it. Levels already fired stay fired: the next instant follows the
 * step's level (reminded → the escalation; escalated → nothing more).
 */
import { consumeEvents } from '../../core/consumers.js';
import type { Deps } from '../../core/http.js';
import { loadCalendars } from '../calendar/schedules.js';
import { stepInstants } from './flow.js';
import * as repo from './repo.js';

export const APPROVALS_CALENDAR_CONSUMER = 'approvals-calendar';

export async function recomputeStepsOnCalendarChange(deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'config'>): Promise<number> {
  return consumeEvents(
    deps.db,
    deps.clock,
    APPROVALS_CALENDAR_CONSUMER,
    async (trx) => {
      const running = await repo.runningSteps(trx);
      if (running.length === 0) return;
      const calendars = await loadCalendars(trx, deps.config.timeZone);
      for (const { id, team_id } of running) {
        await repo.lockStep(trx, deps.dialect, id);
        const step = await repo.stepById(trx, id);
        if (!step || step.status !== 'pending' || !step.started_at) continue;
        const { remind, due } = stepInstants(calendars.forTeam(team_id), new Date(step.started_at), step.sla);
        const next = step.sla_level === 0 ? (remind ?? due) : step.sla_level === 1 ? due : null;
        await repo.updateStep(trx, id, { remind_at: remind?.toISOString() ?? null, due_at: due?.toISOString() ?? null, next_due_at: next?.toISOString() ?? null });
      }
    },
    { types: ['calendar.updated', 'calendar.team_updated'] },
  );
}
