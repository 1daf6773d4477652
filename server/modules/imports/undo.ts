/**
 * Undo within 7 days: created customers nobody touched since are deleted (soft, audited); updated fields are put
 * back to the values before the import (the audit entry's `before`, kept with the row). A record changed since the
 * import — or a created one that got deals, activities or tasks — is listed as a conflict and left alone.
 */
import { AppError } from '../../core/errors.js';
import { parseJson, toJson } from '../../core/json.js';
import { auditActorId, type AnyActor } from '../../core/policy.js';
import { changeCustomer, removeCustomerRecord, type CustomerChange } from '../customers/write.js';
import type { ImportDeps } from './context.js';
import * as repo from './repo.js';

export const UNDO_DAYS = 7;
const MAX_LISTED = 1000;

export interface UndoConflict {
  row: number;
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
  const users = new Map((await repo.allUsers(db)).map((u) => [u.id, u]));
  const result: UndoResult = { deleted: 0, restored: 0, conflicts: 0, conflictRows: [] };
  const conflict = (c: UndoConflict) => {
    result.conflicts++;
    if (result.conflictRows.length < MAX_LISTED) result.conflictRows.push(c);
  };
  let after = 0;
  for (;;) {
    const rows = await repo.listStagedRows(db, imp.id, { outcomes: ['created', 'updated'], after, limit: 500 });
    if (!rows.length) break;
    after = rows[rows.length - 1]!.row_number;
    await db.transaction().execute(async (trx) => {
      const current = new Map((await repo.customersWithOwner(trx, rows.map((r) => r.target_id!))).map((c) => [c.id, c]));
      for (const row of rows) {
        const customer = current.get(row.target_id!);
        if (!customer || customer.deleted_at) {
          conflict({ row: row.row_number, customerId: row.target_id!, name: customer?.name ?? '', reason: 'gone' });
          continue;
        }
        if (row.outcome === 'created') {
          if (customer.updated_at !== customer.created_at) conflict({ row: row.row_number, customerId: customer.id, name: customer.name, reason: 'changed_since' });
          else if ((await repo.relatedCount(trx, customer.id)) > 0) conflict({ row: row.row_number, customerId: customer.id, name: customer.name, reason: 'has_work' });
          else {
            await removeCustomerRecord(trx, clock, customer.id, { actorId, action: 'import_undo', via: 'import' });
            result.deleted++;
          }
          continue;
        }
        const changes = parseJson<{ before: Record<string, unknown>; updatedAt: string }>(row.changes, { before: {}, updatedAt: '' });
        if (customer.updated_at !== changes.updatedAt) {
          conflict({ row: row.row_number, customerId: customer.id, name: customer.name, reason: 'changed_since' });
          continue;
        }
        await changeCustomer(trx, clock, customer.id, restoreSet(changes.before, users), { actorId, action: 'import_undo', via: 'import' });
        result.restored++;
      }
    });
  }
  const now = clock.now().toISOString();
  const previous = parseJson<Record<string, unknown>>(imp.result, {});
  await repo.updateImport(db, imp.id, { status: 'undone', undone_at: now, updated_at: now, result: toJson({ ...previous, undo: result }) });
  return result;
}

/** The audit view's field names (camelCase) back to the columns a change writes. */
function restoreSet(before: Record<string, unknown>, users: Map<string, { id: string; team_path: string }>): CustomerChange {
  const set: CustomerChange = {};
  const text = (v: unknown) => (v == null ? null : String(v));
  for (const [key, value] of Object.entries(before)) {
    if (key === 'kind' || key === 'name') set[key] = String(value);
    else if (key === 'phone' || key === 'region' || key === 'industry' || key === 'source' || key === 'level' || key === 'creditCode') set[key] = text(value);
    else if (key === 'custom') set.custom = (value ?? {}) as Record<string, unknown>;
    else if (key === 'ownerId' && typeof value === 'string' && users.has(value)) set.owner = { id: value, teamPath: users.get(value)!.team_path };
  }
  return set;
}
