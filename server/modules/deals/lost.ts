/**
 * Marking a deal lost: the reason is a key of the admin-managed `lost_reason` dictionary (so the loss matrix groups
 * on one value, not on free text), and above the org's `lostConfirmAboveFen` a manager confirms it. A seller's
 * attempt above the amount does not move the deal: it becomes a pending `lost_confirmation` approval (through the
 * named hook `deals.lostConfirmation`, filled by the approvals engine — deals is a foundation module and knows no
 * engine), and the deal moves to the lost stage only when that approval is granted. A manager's move is itself the
 * confirmation.
 */
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { hooksOf } from '../../core/hooks.js';
import { can, type AnyActor, type Actor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import * as dictionaries from '../dictionaries/repo.js';
import { requireEntry } from '../dictionaries/service.js';

export interface LostCheck {
  /** The dictionary key of the reason. */
  key: string;
  /** Set when the move waits for a manager: the org's threshold in fen. */
  confirmAboveFen: number | null;
}

/** Starts the manager's confirmation of a lost move in the caller's transaction; answers the pending request. */
export type LostConfirmation = (
  trx: Queryable,
  clock: Clock,
  input: { dealId: string; requester: Actor; toStage: string; lostReason: string },
) => Promise<{ id: string; kind: string }>;

declare module '../../core/hooks.js' {
  interface HookMap {
    'deals.lostConfirmation': LostConfirmation;
  }
}

/**
 * Checks the reason; `confirmAboveFen` is non-null when `actor` may not close a deal this large as lost without a
 * manager (`confirmed` is true when the move carries out a granted confirmation).
 */
export async function checkLostMove(db: Queryable, actor: AnyActor, amountFen: number, lostReason: string | null | undefined, confirmed = false): Promise<LostCheck> {
  if (!lostReason?.trim()) {
    const values = (await dictionaries.listEntries(db, 'lost_reason', false)).map((r) => `${r.key} (${r.label})`).join(', ');
    throw new AppError('VALIDATION_FAILED', undefined, { fields: [{ field: 'lostReason', code: 'lost_reason_required', params: { values } }] });
  }
  const key = await requireEntry(db, 'lost_reason', lostReason.trim(), 'lostReason');
  const settings = await dictionaries.getDealSettings(db);
  const threshold = settings?.lost_confirm_above_fen;
  const needs = threshold != null && amountFen > Number(threshold) && !confirmed && !can(actor, 'deal.confirmLost');
  return { key, confirmAboveFen: needs ? Number(threshold) : null };
}

/** Files the confirmation request; without the approvals engine installed the move is refused as before. */
export async function requestLostConfirmation(trx: Queryable, clock: Clock, input: Parameters<LostConfirmation>[2], thresholdFen: number) {
  const [hook] = hooksOf('deals.lostConfirmation');
  if (!hook) {
    throw new AppError('FORBIDDEN', 'lost_needs_manager', {
      params: { threshold: (thresholdFen / 100).toFixed(2) },
      extra: { lostConfirmAboveFen: thresholdFen },
    });
  }
  return hook(trx, clock, input);
}
