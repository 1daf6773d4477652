/**
 * Field changes and removal of a deal for callers that are not a user editing one deal (an import and its undo): the
 * same audit entry and event as `updateDeal`, in the caller's transaction, scope decided by the caller.
 */
import type { Clock } from '../../core/clock.js';
import { commandIn } from '../../core/command.js';
import type { Queryable } from '../../db/index.js';
import type { DealsTable } from '../../db/schema.js';
import * as repo from './repo.js';

export type DealFields = Partial<Pick<DealsTable, 'amount_fen' | 'expected_close_date' | 'owner_id' | 'team_path' | 'custom'>>;

export interface WriteContext {
  actorId: string | null;
  /** false: audit only, no `deal.updated` (an import without per-row events). */
  emit?: boolean;
  action?: string;
}

/** Writes the fields of `next` that differ from `deal`; answers what changed (empty: nothing written). */
export async function changeDealRecord(trx: Queryable, clock: Clock, deal: DealsTable, next: DealFields, ctx: WriteContext) {
  const diff = await commandIn(trx, clock, { entity: 'deal', actorId: ctx.actorId }).updated(deal.id, deal as unknown as Record<string, unknown>, next, ({ change }) =>
    ctx.emit === false ? null : { type: 'deal.updated', payload: change },
  );
  if (diff.changed) await repo.updateDeal(trx, deal.id, { ...next, updated_at: clock.now().toISOString() });
  return diff;
}

/** Deletes a deal that nothing else refers to (the caller checked), with its stage history; audited, and announced so
 *  the SLA engine cancels its clock. */
export async function removeDealRecord(trx: Queryable, clock: Clock, deal: DealsTable, ctx: WriteContext) {
  await repo.deleteDeal(trx, deal.id);
  await commandIn(trx, clock, { entity: 'deal', actorId: ctx.actorId }).deleted(deal.id, deal, { type: 'deal.deleted', payload: { ownerId: deal.owner_id, customerId: deal.customer_id } });
}

/** Activities, tasks and attachments that refer to a deal: a deal with any is not removed. */
export function dealWorkCount(trx: Queryable, dealId: string) {
  return repo.workCount(trx, dealId);
}
