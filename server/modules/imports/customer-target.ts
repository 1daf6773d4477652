/**
 * Customers (with their first contact): the import's first kind. Duplicates are found the way the leads module finds
 * them (plan.ts); a created customer gets its owner from the row, the import's default, the assignment rules or the
 * importer; undo deletes untouched created customers and restores updated fields.
 */
import type { Queryable } from '../../db/index.js';
import { hooksOf } from '../../core/hooks.js';
import { newId } from '../../core/ids.js';
import { parseJson } from '../../core/json.js';
import { auditActorId, isSystem, scopeOf } from '../../core/policy.js';
import { changeContactRecord, changeCustomer, insertContactRecords, insertCustomerRecords, removeCustomerRecord, type CustomerChange, type NewContact, type NewCustomer } from '../customers/write.js';
import { duplicateKeys } from '../leads/duplicates.js';
import { insertConflict, openConflictOf } from '../leads/repo.js';
import type { ImportDeps, PhaseContext } from './context.js';
import { CUSTOMER_SPEC } from './fields.js';
import { lookupBatch, planRow } from './plan.js';
import * as repo from './repo.js';
import type { Applied, ImportTarget, UndoTally } from './target.js';
import { validateRow, type ImportRecord } from './validate.js';

const MATCH_LABEL = { creditCode: '统一社会信用代码 credit code', phone: '电话 phone', name: '名称 name' } as const;

export const customerTarget: ImportTarget<ImportRecord> = {
  kind: 'customers',
  spec: CUSTOMER_SPEC,
  validate: validateRow,
  fileKeys(record) {
    const keys = duplicateKeys({ kind: record.kind, name: record.name ?? '', phone: record.phone, creditCode: record.creditCode });
    return (['creditCode', 'phone', 'name'] as const).flatMap((field) => (keys[field] ? [{ key: `${field}:${keys[field]}`, label: MATCH_LABEL[field] }] : []));
  },
  async planBatch(db, ctx, records) {
    const lookup = await lookupBatch(db, records);
    const scope = scopeOf(ctx.actor);
    return (record) => {
      const plan = planRow(record, lookup, ctx.options, scope);
      return { verdict: plan.verdict, matchId: plan.match?.id ?? null, problems: plan.problems };
    };
  },
  applyBatch: applyCustomers,
  undoBatch: undoCustomers,
};

async function applyCustomers(trx: Queryable, deps: ImportDeps, ctx: PhaseContext, imp: repo.ImportRow, rows: repo.StagedRow[]): Promise<Applied[]> {
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

  return applied;
}

async function undoCustomers(trx: Queryable, deps: ImportDeps, actorId: string | null, rows: repo.StagedRow[], result: UndoTally) {
  const { clock } = deps;
  const users = new Map((await repo.allUsers(trx)).map((u) => [u.id, u]));
  const conflict = result.conflict;
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
}

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
