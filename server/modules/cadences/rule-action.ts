/** The `start_cadence` rule action's executor body (rules/actions.ts calls it inside the rule's savepoint). */
import type { Clock } from '../../core/clock.js';
import type { AppConfig } from '../../core/config.js';
import { AppError } from '../../core/errors.js';
import type { Queryable } from '../../db/index.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import * as repo from './repo.js';
import { CADENCE_ENGINE, startRunInTx } from './runs.js';
import { ensureShippedCadences } from './service.js';

export async function startCadenceForRule(input: { db: Queryable; clock: Clock; calendar: WorkCalendar; ruleId: string; dealId: string; cadence: string }) {
  const { db, clock, calendar } = input;
  await ensureShippedCadences(db, clock);
  const cadence = await repo.findCadence(db, input.cadence);
  if (!cadence) throw new Error(`start_cadence: no cadence "${input.cadence}"`);
  const deal = await repo.findDeal(db, null, input.dealId);
  if (!deal) throw new Error('start_cadence: the deal no longer exists');
  const deps = { clock, config: { timeZone: calendar.settings.timeZone } as AppConfig };
  try {
    const run = await startRunInTx(db, deps, calendar, { deal, cadence, actor: CADENCE_ENGINE, startedBy: `rule:${input.ruleId}`, fromStageEntry: false });
    return { cadence: cadence.key, deal: deal.id, run, started: true };
  } catch (error) {
    // Refusals (already running, closed deal, opted-out customer, empty anchor date) are outcomes, not failures.
    if (error instanceof AppError) return { cadence: cadence.key, deal: deal.id, started: false, reason: error.message };
    throw error;
  }
}
