/**
 * 输单确认 (issue 15 point 2): above the org's amount a seller's lost move is filed as a `lost_confirmation` approval
 * (the `deals.lostConfirmation` hook) and the deal stays where it is; when the request is approved the move is made
 * in the same transaction as the final decision, as the manager who granted it. A rejected or withdrawn request
 * leaves the deal open.
 */
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { Queryable } from '../../db/index.js';
import { loadCalendars } from '../calendar/schedules.js';
import type { LostConfirmation } from '../deals/lost.js';
import * as repo from './repo.js';
import { startRound } from './service.js';

export const LOST_CONFIRMATION = 'lost_confirmation';

export const fileLostConfirmation: LostConfirmation = async (trx: Queryable, clock: Clock, input) => {
  const deal = await repo.findDealForApproval(trx, input.dealId);
  if (!deal) throw new Error(`lost confirmation: deal ${input.dealId} vanished inside its own move`);
  const open = await repo.requestsOfSubject(trx, 'deal', deal.id, ['pending']);
  if (open.some((r) => r.kind === LOST_CONFIRMATION)) throw new AppError('CONFLICT', 'approval_open_exists', { params: { kind: '输单确认' } });
  const request = await startRound(
    { db: trx, clock, calendars: await loadCalendars(trx) },
    {
      requester: { id: input.requester.id, teamPath: input.requester.teamPath },
      deal,
      kind: LOST_CONFIRMATION,
      values: { documentDiscountFen: 0, lost: { toStage: input.toStage, lostReason: input.lostReason } },
      actorId: input.requester.id,
      via: 'deal.move',
    },
  );
  return { id: request.id, kind: LOST_CONFIRMATION };
};
