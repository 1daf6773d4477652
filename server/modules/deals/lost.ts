/**
 * Marking a deal lost: the reason is a key of the admin-managed `lost_reason` dictionary (so the loss matrix groups
 * on one value, not on free text), and above the org's `lostConfirmAboveFen` only a manager may close it as lost —
 * a seller's attempt is refused with the threshold named, and the manager confirms by making the move.
 */
import { AppError } from '../../core/errors.js';
import { can, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import * as dictionaries from '../dictionaries/repo.js';
import { requireEntry } from '../dictionaries/service.js';

export async function checkLostMove(db: Queryable, actor: AnyActor, amountFen: number, lostReason: string | null | undefined): Promise<string> {
  if (!lostReason?.trim()) {
    const values = (await dictionaries.listEntries(db, 'lost_reason', false)).map((r) => `${r.key} (${r.label})`).join(', ');
    throw new AppError('VALIDATION_FAILED', undefined, { fields: [{ field: 'lostReason', code: 'lost_reason_required', params: { values } }] });
  }
  const key = await requireEntry(db, 'lost_reason', lostReason.trim(), 'lostReason');
  const settings = await dictionaries.getDealSettings(db);
  const threshold = settings?.lost_confirm_above_fen;
  if (threshold != null && amountFen > Number(threshold) && !can(actor, 'deal.confirmLost')) {
    throw new AppError('FORBIDDEN', 'lost_needs_manager', {
      params: { threshold: (Number(threshold) / 100).toFixed(2) },
      extra: { lostConfirmAboveFen: Number(threshold) },
    });
  }
  return key;
}
