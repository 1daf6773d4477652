/**
 * Undo within 7 days: created records nobody touched since are deleted (soft where the record type has it, audited);
 * updated fields are put back to the values before the import (kept with the row). A record changed since the
 * import — or a created one that got other work attached — is listed as a conflict and left alone. What each kind
 * deletes and restores is its target's (target.ts).
 */
import { AppError } from '../../core/errors.js';
import { parseJson, toJson } from '../../core/json.js';
import { auditActorId, type AnyActor } from '../../core/policy.js';
import type { ImportDeps } from './context.js';
import * as repo from './repo.js';
import type { UndoTally } from './target.js';
import { targetOf } from './targets.js';

export const UNDO_DAYS = 7;
const MAX_LISTED = 1000;

export interface UndoConflict {
  row: number;
  /** The record the row wrote (a customer, deal or activity, by the import's kind). */
  customerId: string;
  name: string;
  reason: 'changed_since' | 'has_work' | 'gone';
}

export interface UndoResult {
  deleted: number;
  restored: number;
  conflicts: number;
  conflictRows: UndoConflict[];
}

export async function undo(deps: ImportDeps, actor: AnyActor, imp: repo.ImportRow): Promise<UndoResult> {
  const { db, clock } = deps;
  if (imp.status !== 'committed' && imp.status !== 'cancelled') throw new AppError('INVALID_STATE', 'import_wrong_status', { params: { status: imp.status } });
  if (!imp.committed_at || clock.now().getTime() - Date.parse(imp.committed_at) > UNDO_DAYS * 86_400_000) {
    throw new AppError('INVALID_STATE', 'import_undo_expired', { params: { days: UNDO_DAYS } });
  }
  const actorId = auditActorId(actor);
  const target = targetOf(imp.kind);
  const result: UndoResult = { deleted: 0, restored: 0, conflicts: 0, conflictRows: [] };
  const tally: UndoTally = {
    deleted: 0,
    restored: 0,
    conflict(c) {
      result.conflicts++;
      if (result.conflictRows.length < MAX_LISTED) result.conflictRows.push(c);
    },
  };
  let after = 0;
  for (;;) {
    const rows = await repo.listStagedRows(db, imp.id, { outcomes: ['created', 'updated'], after, limit: 500 });
    if (!rows.length) break;
    after = rows[rows.length - 1]!.row_number;
    await db.transaction().execute((trx) => target.undoBatch(trx, deps, actorId, rows, tally));
  }
  result.deleted = tally.deleted;
  result.restored = tally.restored;
  const now = clock.now().toISOString();
  const previous = parseJson<Record<string, unknown>>(imp.result, {});
  await repo.updateImport(db, imp.id, { status: 'undone', undone_at: now, updated_at: now, result: toJson({ ...previous, undo: result }) });
  return result;
}
