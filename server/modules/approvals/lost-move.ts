/** Carries out the lost move of a granted `lost_confirmation` request (see lost-confirmation.ts). */
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { parseJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { moveConfirmedLost } from '../deals/service.js';
import type { RequestRow } from './repo.js';

/**
 * Moves the deal to the lost stage the request names; answers what happened for the trail. A deal that was closed
 * or moved meanwhile is reported, not forced: the approval still stands as the manager's decision.
 */
export async function applyGrantedLost(db: Queryable, clock: Clock, request: RequestRow, approverId: string | null): Promise<Record<string, unknown> | null> {
  if (request.kind !== 'lost_confirmation') return null;
  const lost = parseJson<{ lost?: { toStage: string; lostReason: string } }>(request.values, {}).lost;
  if (!lost) return null;
  try {
    await moveConfirmedLost(db, clock, request.subject_id, lost, approverId);
    return { lostMove: 'done', toStage: lost.toStage, lostReason: lost.lostReason };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { lostMove: 'not_applied', reason: error.reason ?? error.code };
  }
}
