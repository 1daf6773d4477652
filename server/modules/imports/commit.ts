/**
 * Phase 2, the commit: applies the staged verdicts in batches of rows in row order. Each batch re-plans its rows
 * against the database with the dry run's code (so the numbers agree, and a customer created meanwhile is not
 * created twice), writes through the customers module's write path, marks the rows applied and moves the checkpoint
 * (`committed_through`) — all in one transaction. A crash loses at most the batch in flight; a resumed commit starts
 * after the checkpoint and skips applied rows, so nothing is written twice.
 */
import type { Queryable } from '../../db/index.js';
import { breathe } from '../../core/breathe.js';
import { hooksOf } from '../../core/hooks.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { auditActorId, isSystem } from '../../core/policy.js';
import { scopeOf } from '../org/scope.js';
import { changeContactRecord, changeCustomer, insertContactRecords, insertCustomerRecords, type NewContact, type NewCustomer } from '../customers/write.js';
import { insertConflict, openConflictOf } from '../leads/repo.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { LEASE_MS, phaseContext, type ImportDeps, type PhaseContext } from './context.js';
import { emptyCounts, lookupBatch, planRow, tally, type ImportCounts, type Verdict } from './plan.js';
import * as repo from './repo.js';
import { CHUNK, type ProgressListener } from './stage.js';
import type { ImportRecord, RowProblem } from './validate.js';

export interface CommitHooks {
  onProgress?: ProgressListener;
  /** Called after each committed batch (tests use it to stop a commit between batches, as a crash would). */
  afterBatch?(batch: number): void | Promise<void>;
  batchSize?: number;
}

/** Applies the staged rows after the checkpoint; the caller has claimed the import (status `committing`). */
export async function runCommit(deps: ImportDeps, importId: string, hooks: CommitHooks = {}): Promise<ImportCounts> {
  const { db } = deps;
  const imp = (await repo.findImport(db, importId))!;
  const ctx = await phaseContext(db, imp);
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

interface Applied {
  row: repo.StagedRow;
  outcome: Verdict;
  problems: RowProblem[] | null;
  target: string | null;
  changes?: unknown;
}

async function applyBatch(trx: Queryable, deps: ImportDeps, ctx: PhaseContext, imp: repo.ImportRow, rows: repo.StagedRow[]) {
  const { clock } = deps;
  const actorId = auditActorId(ctx.actor);
  const scope = scopeOf(ctx.actor);
  const live = rows.filter((r) => r.verdict !== 'error');
  const records = new Map(live.map((r) => [r.row_number, parseJson<ImportRecord>(r.data, {})]));
  const lookup = await lookupBatch(trx, [...records.values()]);
  const applied: Applied[] = [];
  const creates: Array<NewCustomer & { id: string }> = [];
  const contacts: NewContact[] = [];
  const audit = { actorId, emit: ctx.options.perRowEvents, via: 'import' };
  const afterInserts: Array<{ id: string; run(trx: Queryable, id: string): Promise<void> }> = [];

  for (const row of rows) {
    if (row.verdict === 'error') {
      applied.push({ row, outcome: 'error', problems: null, target: null });
      continue;
    }
    const record = records.get(row.row_number)!;
    const plan = planRow(record, lookup, ctx.options, scope);
    const createProblems = plan.verdict === 'create' ? ctx.createProblems(record) : [];
    if (createProblems.length) {
      applied.push({ row, outcome: 'error', problems: createProblems, target: null });
      continue;
    }
    if (plan.verdict === 'create') {
      const id = row.target_id ?? newId();
      const owner = await ownerFor(trx, deps, ctx, record);
      creates.push({ id, kind: record.kind ?? 'company', name: record.name!, phone: record.phone, region: record.region, industry: record.industry, source: record.source, level: record.level, creditCode: record.creditCode, owner: owner.owner, custom: record.custom ?? {} });
      if (record.contact) contacts.push({ customerId: id, ...record.contact });
      // Later rows of this batch see it as existing (the dry run stopped true in-file twins already).
      lookup.customers.push({ id, kind: record.kind ?? 'company', name: record.name!, phone: record.phone ?? null, phone_normalized: record.phoneNormalized ?? null, name_normalized: null, region: null, industry: null, source: null, level: null, credit_code: record.creditCode ?? null, owner_id: owner.owner.id, team_path: owner.owner.teamPath, custom: '{}', created_at: '', updated_at: '', deleted_at: null });
      applied.push({ row, outcome: 'create', problems: null, target: id });
      if (owner.afterInsert) afterInserts.push({ id, run: owner.afterInsert });
      continue;
    }
    if (plan.verdict === 'update') {
      const id = plan.match!.id;
      const changed = await changeCustomer(trx, clock, id, plan.set, audit);
      // Undo compares this instant with the record's later `updated_at` to see whether anyone touched it since.
      const updatedAt = (await repo.customersWithOwner(trx, [id]))[0]!.updated_at;
      let contact: unknown = null;
      if (plan.contact?.add) contacts.push({ customerId: id, ...plan.contact.add });
      if (plan.contact?.change) {
        const c = await changeContactRecord(trx, clock, plan.contact.change.row, plan.contact.change.set, audit);
        if (c.changed) contact = { id: plan.contact.change.row.id, before: c.before, after: c.after };
      }
      applied.push({ row, outcome: 'update', problems: null, target: id, changes: { before: changed.before, after: changed.after, updatedAt, contact, contactAdded: !!plan.contact?.add } });
      continue;
    }
    if (plan.verdict === 'conflict') await queueConflict(trx, deps, ctx, imp, row, plan.match!);
    applied.push({ row, outcome: plan.verdict, problems: plan.problems.length ? plan.problems : null, target: plan.match?.id ?? null });
  }

  await insertCustomerRecords(trx, clock, creates, audit);
  for (const p of afterInserts) await p.run(trx, p.id);
  await insertContactRecords(trx, clock, contacts, audit);

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

/**
 * The owner of a created customer: the row's owner column, else the import's default owner, else the assignment
 * rules as configured (leads, through the customers intake hook, for managers), else the importing user.
 */
async function ownerFor(trx: Queryable, deps: ImportDeps, ctx: PhaseContext, record: ImportRecord) {
  if (record.owner) return { owner: { id: record.owner.id, teamPath: record.owner.teamPath } };
  if (ctx.options.defaultOwnerId) {
    const user = ctx.users.get(ctx.options.defaultOwnerId)!;
    return { owner: { id: user.id, teamPath: user.teamPath } };
  }
  const actor = ctx.actor;
  if (isSystem(actor)) throw new Error('import: a row without owner reached the commit');
  for (const intake of hooksOf('customers.intake')) {
    const input = { kind: record.kind ?? 'company', name: record.name!, phone: record.phone, creditCode: record.creditCode, region: record.region, industry: record.industry, source: record.source, level: record.level };
    const picked = await intake.pickOwner?.(trx, actor, input, {});
    if (picked) return { owner: picked.owner, afterInsert: (tx: Queryable, id: string) => picked.afterInsert(tx, deps.clock, id, actor.id) };
  }
  return { owner: { id: actor.id, teamPath: actor.teamPath } };
}

/** A row matched only by company name goes to the ownership-conflict queue (leads) instead of overwriting anything. */
async function queueConflict(trx: Queryable, deps: ImportDeps, ctx: PhaseContext, imp: repo.ImportRow, row: repo.StagedRow, match: { id: string; owner_id: string; team_path: string }) {
  const requester = !isSystem(ctx.actor) ? ctx.users.get(ctx.actor.id) : ctx.options.defaultOwnerId ? ctx.users.get(ctx.options.defaultOwnerId) : undefined;
  if (!requester || requester.id === match.owner_id) return;
  if (await openConflictOf(trx, match.id, requester.id)) return;
  const owner = ctx.users.get(match.owner_id);
  await insertConflict(trx, {
    id: newId(),
    customer_id: match.id,
    duplicate_id: null,
    requester_id: requester.id,
    requester_team_path: requester.teamPath,
    owner_id: match.owner_id,
    owner_team_path: owner?.teamPath ?? match.team_path,
    reason: `导入 ${imp.file_name} 第 ${row.row_number} 行仅按公司名称匹配 / import row ${row.row_number} matches by company name only`,
    status: 'open',
    resolution: null,
    merge_into: null,
    note: null,
    resolved_by: null,
    resolved_at: null,
    created_at: deps.clock.now().toISOString(),
  });
}
