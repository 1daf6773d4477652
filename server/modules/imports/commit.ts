/**
 * Phase 2, the commit: applies the staged verdicts in batches of rows in row order. Each batch re-plans its rows
 * against the database with the dry run's code (so the numbers agree, and a record created meanwhile is not
 * created twice), writes through the record's module write path (target.ts), marks the rows applied and moves the checkpoint
 * (`committed_through`) — all in one transaction. A crash loses at most the batch in flight; a resumed commit starts
 * after the checkpoint and skips applied rows, so nothing is written twice.
 */
import type { Queryable } from '../../db/index.js';
import { breathe } from '../../core/breathe.js';
import { boundedPass, boundHeap } from '../../core/heap.js';
import { parseJson, toJson } from '../../core/json.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { LEASE_MS, phaseContext, type ImportDeps, type PhaseContext } from './context.js';
import { emptyCounts, tally, type ImportCounts, type Verdict } from './plan.js';
import { targetOf } from './targets.js';
import * as repo from './repo.js';
import { CHUNK, type ProgressListener } from './stage.js';

export interface CommitHooks {
  onProgress?: ProgressListener;
  /** Called after each committed batch (tests use it to stop a commit between batches, as a crash would). */
  afterBatch?(batch: number): void | Promise<void>;
  batchSize?: number;
}

/**
 * Applies the staged rows after the checkpoint; the caller has claimed the import (status `committing`). The process's
 * heap growth is bounded while it runs (core/heap.ts).
 */
export function runCommit(deps: ImportDeps, importId: string, hooks: CommitHooks = {}): Promise<ImportCounts> {
  return boundedPass(() => commit(deps, importId, hooks));
}

async function commit(deps: ImportDeps, importId: string, hooks: CommitHooks): Promise<ImportCounts> {
  const { db } = deps;
  const imp = (await repo.findImport(db, importId))!;
  const ctx = await phaseContext(deps, imp);
  const total = imp.total_rows;
  const size = hooks.batchSize ?? CHUNK;
  let batchNo = 0;
  for (;;) {
    const state = (await repo.findImport(db, importId))!;
    if (state.cancel_requested === 1) return finish(deps, importId, 'cancelled');
    const rows = await repo.nextUnapplied(db, importId, state.committed_through, size);
    if (!rows.length) break;
    await db.transaction().execute((trx) => applyBatch(trx, deps, ctx, imp, rows));
    batchNo++;
    const done = (await repo.findImport(db, importId))!.applied_rows;
    hooks.onProgress?.({ phase: 'commit', done, total });
    await hooks.afterBatch?.(batchNo);
    boundHeap();
    await breathe();
  }
  return finish(deps, importId, 'committed');
}

async function finish(deps: ImportDeps, importId: string, status: 'committed' | 'cancelled'): Promise<ImportCounts> {
  const now = deps.clock.now().toISOString();
  const imp = (await repo.findImport(deps.db, importId))!;
  const result = parseJson<ImportCounts>(imp.result, emptyCounts());
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateImport(trx, importId, { status, lease_until: null, committed_at: now, updated_at: now });
    // One summary message instead of one per row: the importer learns the outcome wherever they read notifications.
    if (imp.actor_id) {
      const line = `新建 ${result.created}，更新 ${result.updated}，未变 ${result.unchanged}，错误 ${result.errors}`;
      const lineEn = `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, errors ${result.errors}`;
      await enqueueNotification(trx, deps.clock, {
        idempotencyKey: `import:${importId}:${status}`,
        userId: imp.actor_id,
        title: status === 'committed' ? `导入完成：${imp.file_name}` : `导入已取消：${imp.file_name}`,
        titleEn: status === 'committed' ? `Import finished: ${imp.file_name}` : `Import cancelled: ${imp.file_name}`,
        body: line,
        bodyEn: lineEn,
        link: `/imports/${importId}`,
        channels: ['inapp'],
      });
    }
  });
  return result;
}

async function applyBatch(trx: Queryable, deps: ImportDeps, ctx: PhaseContext, imp: repo.ImportRow, rows: repo.StagedRow[]) {
  const { clock } = deps;
  const applied = await targetOf(imp.kind).applyBatch(trx, deps, ctx, imp, rows);
  const now = clock.now().toISOString();
  const current = (await repo.findImport(trx, imp.id))!;
  const counts = parseJson<ImportCounts>(current.result, emptyCounts());
  const byOutcome = new Map<Verdict, number[]>();
  for (const a of applied) {
    tally(counts, a.outcome);
    byOutcome.set(a.outcome, [...(byOutcome.get(a.outcome) ?? []), a.row.row_number]);
    const verdictChanged = a.outcome !== a.row.verdict;
    if (a.changes !== undefined || verdictChanged || a.target !== a.row.target_id) {
      await repo.updateStagedRow(trx, imp.id, a.row.row_number, {
        target_id: a.target,
        ...(a.changes !== undefined ? { changes: toJson(a.changes) } : {}),
        ...(verdictChanged && a.problems ? { errors: toJson(a.problems) } : {}),
      });
    }
  }
  for (const [outcome, numbers] of byOutcome) await repo.markApplied(trx, imp.id, numbers, OUTCOME[outcome], now);
  await repo.updateImport(trx, imp.id, {
    committed_through: rows[rows.length - 1]!.row_number,
    applied_rows: current.applied_rows + rows.length,
    result: toJson(counts),
    lease_until: new Date(clock.now().getTime() + LEASE_MS).toISOString(),
    updated_at: now,
  });
}

const OUTCOME: Record<Verdict, string> = { create: 'created', update: 'updated', unchanged: 'unchanged', skip: 'skipped', conflict: 'conflict', denied: 'denied', error: 'error' };
