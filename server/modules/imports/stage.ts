/**
 * Phase 1, the dry run: stream the file, validate and normalise each row, find duplicates within the file and in the
 * database, and write one verdict per row to `import_rows`. Writes nothing else: no records, audit, events or
 * outbox. Restartable: a new dry run (or one taken over after a crash) replaces the staged rows.
 */
import { createHash } from 'node:crypto';
import { breathe } from '../../core/breathe.js';
import { boundedPass, boundHeap } from '../../core/heap.js';
import { toJson } from '../../core/json.js';
import { newId } from '../../core/ids.js';
import type { ImportRowsTable } from '../../db/schema-imports.js';
import { cellText } from './cells.js';
import { filePath, LEASE_MS, phaseContext, type ImportDeps, type PhaseContext } from './context.js';
import { emptyCounts, tally, type ImportCounts, type Verdict } from './plan.js';
import * as repo from './repo.js';
import { readRows, type SourceRow } from './source.js';
import type { ImportTarget } from './target.js';
import { targetOf } from './targets.js';
import { recordHash, type RowProblem } from './validate.js';

export const CHUNK = 500;

export interface Progress {
  phase: 'dry_run' | 'commit';
  done: number;
  total: number | null;
}
export type ProgressListener = (p: Progress) => void;

/**
 * A row's natural keys as stored in `import_row_keys`: hashed, so a long activity summary makes no long index entry.
 */
const keyHash = (key: string) => createHash('sha256').update(key).digest('base64url');

interface Pending {
  row: SourceRow;
  record: object;
  problems: RowProblem[];
}

/** The dry run, with the process's heap growth bounded while it runs (core/heap.ts). */
export function runDryRun(deps: ImportDeps, importId: string, onProgress?: ProgressListener): Promise<ImportCounts> {
  return boundedPass(() => dryRun(deps, importId, onProgress));
}

async function dryRun(deps: ImportDeps, importId: string, onProgress?: ProgressListener): Promise<ImportCounts> {
  const { db, clock } = deps;
  const imp = (await repo.findImport(db, importId))!;
  const ctx = await phaseContext(deps, imp);
  const counts = emptyCounts();
  const target = targetOf(imp.kind);
  let done = 0;
  let pending: Pending[] = [];
  const read = { bytes: 0 };
  await db.transaction().execute((trx) => repo.deleteStagedRows(trx, importId));

  const flush = async () => {
    const { staged, keys } = await stageChunk(deps, importId, ctx, target, pending, counts);
    done += pending.length;
    pending = [];
    const now = clock.now();
    const cancelled = await db.transaction().execute(async (trx) => {
      await repo.insertStagedRows(trx, staged.map((s) => ({ ...s, import_id: importId })));
      await repo.insertRowKeys(trx, keys);
      const current = await repo.findImport(trx, importId);
      // Rows are counted as they stream by; the total is estimated from the share of the file read so far.
      const share = Math.min(1, read.bytes / Math.max(1, imp.file_size));
      const estimate = share > 0 ? Math.max(done, Math.round(done / share)) : done;
      await repo.updateImport(trx, importId, { validated_rows: done, total_rows: estimate, counts: toJson(counts), lease_until: new Date(now.getTime() + LEASE_MS).toISOString(), updated_at: now.toISOString() });
      return current?.cancel_requested === 1;
    });
    onProgress?.({ phase: 'dry_run', done, total: read.bytes >= imp.file_size ? null : Math.round(done / Math.max(0.001, read.bytes / imp.file_size)) });
    boundHeap();
    await breathe();
    return cancelled;
  };

  let header = true;
  for await (const row of readRows(filePath(deps, imp), imp.format as 'xlsx' | 'csv', imp.encoding as 'utf8' | 'gb18030' | null, read)) {
    if (header) {
      header = false;
      continue;
    }
    const { record, problems } = target.validate(row.cells, ctx);
    pending.push({ row, record, problems });
    if (pending.length >= CHUNK && (await flush())) return finish(deps, importId, counts, done, 'cancelled');
  }
  if (pending.length && (await flush())) return finish(deps, importId, counts, done, 'cancelled');
  return finish(deps, importId, counts, done, 'validated');
}

async function finish(deps: ImportDeps, importId: string, counts: ImportCounts, total: number, status: 'validated' | 'cancelled') {
  const now = deps.clock.now().toISOString();
  // The keys served the in-file duplicate check only; the commit re-plans against the database.
  await repo.deleteRowKeys(deps.db, importId);
  await repo.updateImport(deps.db, importId, { status, total_rows: total, validated_rows: total, counts: toJson(counts), lease_until: null, validated_at: now, updated_at: now });
  return counts;
}

/**
 * Verdicts of one chunk: in-file duplicates first (in row order: against the keys earlier chunks stored, then those of
 * this chunk's earlier rows), then one database lookup for the rest. Returns the staged rows and the keys they claim.
 */
async function stageChunk(deps: ImportDeps, importId: string, ctx: PhaseContext, target: ImportTarget, chunk: Pending[], counts: ImportCounts) {
  const valid = chunk.filter((p) => p.problems.length === 0);
  const plan = await target.planBatch(deps.db, ctx, valid.map((p) => p.record));
  const keysOf = new Map(valid.map((p) => [p, target.fileKeys(p.record).map((k) => ({ ...k, hash: keyHash(k.key) }))]));
  const claimed = await repo.claimedKeys(deps.db, importId, [...new Set([...keysOf.values()].flat().map((k) => k.hash))]);
  const keys: Array<{ import_id: string; key: string; row_number: number }> = [];
  const staged = chunk.map((p): Omit<ImportRowsTable, 'import_id'> => {
    let verdict: Verdict = 'error';
    let problems = p.problems;
    let targetId: string | null = null;
    if (!problems.length) {
      const rowKeys = keysOf.get(p)!;
      const twin = rowKeys.find((k) => claimed.has(k.hash));
      if (twin) {
        problems = [{ column: null, field: 'row', code: 'duplicate_in_file', params: { row: claimed.get(twin.hash)!, on: twin.label } }];
      } else {
        const planned = plan(p.record);
        const extra = planned.verdict === 'create' ? ctx.createProblems(p.record) : [];
        verdict = extra.length ? 'error' : planned.verdict;
        problems = [...planned.problems, ...extra];
        // A created record's id is decided now, so a commit resumed after a crash reuses it.
        targetId = verdict === 'create' ? newId() : planned.matchId;
        if (verdict !== 'error') {
          for (const k of rowKeys) {
            if (claimed.has(k.hash)) continue;
            claimed.set(k.hash, p.row.number);
            keys.push({ import_id: importId, key: k.hash, row_number: p.row.number });
          }
        }
      }
    }
    tally(counts, verdict);
    const written = verdict === 'create' || verdict === 'update' || verdict === 'unchanged';
    return {
      row_number: p.row.number,
      verdict,
      target_id: targetId,
      data: toJson(p.record),
      raw: written ? null : toJson(p.row.cells.map((c) => cellText(c))),
      errors: problems.length ? toJson(problems) : null,
      hash: recordHash(p.record),
      applied: 0,
      outcome: null,
      applied_at: null,
      changes: null,
    };
  });
  return { staged, keys };
}
