/**
 * Deals, open or closed (history: won or lost on a date, with the loss reason). A row names its customer (refs.ts)
 * and is the same deal as an existing one of that customer with the same title. An update changes amount, expected
 * close date, owner and custom fields — never the stage: moving a live deal goes through the stage gates, not a file.
 * Owner of a created deal: the row's, the import's default, else the customer's owner.
 */
import type { Queryable } from '../../db/index.js';
import type { DealsTable } from '../../db/schema.js';
import { parseJson, toJson } from '../../core/json.js';
import { auditActorId, inScope, scopeOf } from '../../core/policy.js';
import { insertNewDeal } from '../deals/insert.js';
import { changeDealRecord, dealWorkCount, removeDealRecord, type DealFields } from '../deals/records.js';
import { listEntries } from '../dictionaries/repo.js';
import { listPipelines } from '../pipelines/repo.js';
import { definitionOf } from '../pipelines/repo.js';
import type { PipelineDefinition } from '../pipelines/definition.js';
import { cellText, parseAmountFen, parseCreditCode, parseDate, parseDateTime, parsePhone, parseText } from './cells.js';
import type { PhaseContext } from './context.js';
import { DEAL_SPEC } from './fields.js';
import { refKey, resolveCustomers, rowCustomer, rowError, type CustomerRef } from './refs.js';
import * as repo from './repo.js';
import type { Applied, ImportTarget, RowPlan } from './target.js';
import { columnOf, ownerCell, readMapped, requireField, type ImportRecord, type RowContext, type RowProblem } from './validate.js';

export interface DealRecord {
  title?: string;
  customer: CustomerRef;
  pipeline?: string;
  stage?: string;
  status?: 'open' | 'won' | 'lost';
  amountFen?: number;
  expectedCloseDate?: string;
  closedAt?: string;
  lostReason?: string;
  owner?: ImportRecord['owner'];
  custom?: Record<string, unknown>;
}

const STATUSES: Record<string, 'open' | 'won' | 'lost'> = {
  open: 'open', 进行中: 'open', 跟进中: 'open', 未结束: 'open', 开放: 'open',
  won: 'won', 赢单: 'won', 成交: 'won', 已成交: 'won', 签约: 'won', 已签约: 'won', 赢: 'won',
  lost: 'lost', 输单: 'lost', 丢单: 'lost', 失败: 'lost', 输: 'lost', 已输单: 'lost',
};

function validate(cells: Parameters<ImportTarget['validate']>[0], ctx: RowContext) {
  const record: DealRecord = { customer: {} };
  const problems: RowProblem[] = [];
  const custom = readMapped(cells, ctx, problems, (m) => {
    const { cell, take } = m;
    const text = (max: number) => take(parseText(cell, max)) ?? undefined;
    switch (m.field) {
      case 'title': record.title = text(200); return;
      case 'customer': record.customer.name = text(200); return;
      case 'customerCreditCode': record.customer.creditCode = take(parseCreditCode(cell)) ?? undefined; return;
      case 'customerPhone': record.customer.phone = take(parsePhone(cell))?.phone; return;
      case 'pipeline': record.pipeline = text(100); return;
      case 'stage': record.stage = text(100); return;
      case 'status': {
        const value = cellText(cell);
        if (!value) return;
        const status = STATUSES[value.toLowerCase()];
        if (status) record.status = status;
        else m.problem('select_unknown', { value, options: '进行中/open, 赢单/won, 输单/lost' });
        return;
      }
      case 'amount': record.amountFen = take(parseAmountFen(cell)) ?? undefined; return;
      case 'expectedCloseDate': record.expectedCloseDate = take(parseDate(cell)) ?? undefined; return;
      case 'closedOn': record.closedAt = take(parseDateTime(cell, ctx.timeZone)) ?? undefined; return;
      case 'lostReason': record.lostReason = text(100); return;
      case 'owner': record.owner = ownerCell(m, ctx); return;
    }
  });
  requireField(ctx, problems, 'title', record.title);
  if (!record.customer.name && !record.customer.creditCode && !record.customer.phone) requireField(ctx, problems, 'customer', undefined);
  if (record.amountFen !== undefined && record.amountFen < 0) problems.push({ column: columnOf(ctx, 'amount'), field: 'amount', code: 'amount_invalid' });
  if (custom) record.custom = custom;
  return { record, problems };
}

interface DealPlan extends RowPlan {
  match?: DealsTable;
  /** What a create writes, resolved against the database. */
  create?: { customerId: string; owner: { id: string; team_path: string }; pipelineId: string; stageKey: string; closed?: { status: 'won' | 'lost'; at: string; lostReason: string | null } };
  set?: DealFields;
}

const fold = (s: string) => s.replace(/\s+/g, '').toLowerCase();

function findStage(def: PipelineDefinition, text: string | undefined, status: DealRecord['status']) {
  if (text) return def.stages.find((s) => s.key === text || fold(s.name) === fold(text) || (s.nameEn && fold(s.nameEn) === fold(text)));
  if (status === 'won' || status === 'lost') return def.stages.find((s) => s.terminal === status);
  return def.stages[0];
}

async function planDeals(db: Queryable, ctx: PhaseContext, records: DealRecord[]): Promise<(r: DealRecord) => DealPlan> {
  const customerOf = await resolveCustomers(db, records.map((r) => r.customer), (f) => columnOf(ctx, f));
  const pipelines = (await listPipelines(db)).map((p) => ({ row: p, def: definitionOf(p) }));
  const reasons = await listEntries(db, 'lost_reason', false);
  const customerIds = records.flatMap((r) => {
    const c = customerOf(r.customer);
    return 'customer' in c ? [c.customer.id] : [];
  });
  const deals = await repo.dealsOfCustomers(db, [...new Set(customerIds)]);
  const scope = scopeOf(ctx.actor);
  const { options } = ctx;
  const err = (field: string, code: RowProblem['code'], params?: Record<string, string | number>): DealPlan => rowError(columnOf(ctx, field), field, code, params);

  return (r) => {
    const found = rowCustomer(customerOf(r.customer), scope, columnOf(ctx, 'customer'));
    if ('plan' in found) return found.plan;
    const { customer } = found;
    const same = deals.filter((d) => d.customer_id === customer.id && d.title === r.title);
    if (same.length > 1) return err('title', 'deal_ambiguous', { value: r.title ?? '' });
    const match = same[0];
    if (match) {
      if (options.mode === 'create' || options.duplicates === 'skip') return { verdict: 'skip', matchId: match.id, problems: [{ column: null, field: 'row', code: 'exists_skipped', params: { name: match.title } }] };
      if (options.duplicates !== 'create') {
        if (!inScope(scope, { ownerId: match.owner_id, teamPath: match.team_path })) {
          return { verdict: 'denied', matchId: match.id, problems: [{ column: null, field: 'row', code: 'record_out_of_scope', params: { name: match.title } }] };
        }
        const set: DealFields = {};
        if (r.amountFen !== undefined && r.amountFen !== match.amount_fen) set.amount_fen = r.amountFen;
        if (r.expectedCloseDate !== undefined && r.expectedCloseDate !== match.expected_close_date) set.expected_close_date = r.expectedCloseDate;
        if (r.owner && r.owner.id !== match.owner_id) Object.assign(set, { owner_id: r.owner.id, team_path: r.owner.teamPath });
        if (r.custom) {
          const existing = parseJson<Record<string, unknown>>(match.custom, {});
          if (Object.entries(r.custom).some(([k, v]) => JSON.stringify(existing[k]) !== JSON.stringify(v))) set.custom = toJson({ ...existing, ...r.custom });
        }
        return { verdict: Object.keys(set).length ? 'update' : 'unchanged', matchId: match.id, problems: [], match, set };
      }
    } else if (options.mode === 'update') {
      return { verdict: 'skip', matchId: null, problems: [{ column: null, field: 'row', code: 'not_found_skipped' }] };
    }
    const pipeline = r.pipeline ? pipelines.find((p) => p.row.key === r.pipeline || fold(p.row.name) === fold(r.pipeline!) || (p.row.name_en && fold(p.row.name_en) === fold(r.pipeline!))) : pipelines[0];
    if (!pipeline) return err('pipeline', 'not_found_pipeline', { value: r.pipeline ?? '' });
    const stage = findStage(pipeline.def, r.stage, r.status);
    if (!stage) return err(r.stage ? 'stage' : 'status', 'not_found_stage', { stage: r.stage ?? r.status ?? '' });
    const status = stage.terminal ?? 'open';
    if (r.status && r.status !== status) return err('status', 'stage_status_mismatch', { stage: stage.name, status: r.status });
    let lostReason: string | null = null;
    if (status === 'lost' && r.lostReason) {
      const entry = reasons.find((e) => e.key === r.lostReason || fold(e.label) === fold(r.lostReason!) || (e.label_en && fold(e.label_en) === fold(r.lostReason!)));
      if (!entry) return err('lostReason', 'select_unknown', { value: r.lostReason, options: reasons.slice(0, 20).map((e) => e.label).join('/') });
      lostReason = entry.key;
    }
    const ownerId = r.owner?.id ?? options.defaultOwnerId ?? customer.owner_id;
    const owner = { id: ownerId, team_path: r.owner?.teamPath ?? ctx.users.get(ownerId)?.teamPath ?? customer.team_path };
    const closedAt = r.closedAt ?? (r.expectedCloseDate ? `${r.expectedCloseDate}T00:00:00.000Z` : null);
    const closed = status === 'open' ? undefined : closedAt ? { status, at: closedAt, lostReason } : null;
    if (closed === null) return err('closedOn', 'required');
    return { verdict: 'create', matchId: null, problems: [], create: { customerId: customer.id, owner, pipelineId: pipeline.row.id, stageKey: stage.key, ...(closed ? { closed } : {}) } };
  };
}

export const dealTarget: ImportTarget<DealRecord> = {
  kind: 'deals',
  spec: DEAL_SPEC,
  validate,
  fileKeys: (r) => (r.title ? [{ key: `${refKey(r.customer)}|${r.title}`, label: '客户+商机名称 customer + title' }] : []),
  planBatch: planDeals,
  async applyBatch(trx, deps, ctx, imp, rows) {
    const { clock } = deps;
    const actorId = auditActorId(ctx.actor);
    const emit = ctx.options.perRowEvents;
    const records = rows.map((r) => (r.verdict === 'error' ? null : parseJson<DealRecord>(r.data, { customer: {} })));
    const plan = await planDeals(trx, ctx, records.filter((r): r is DealRecord => r !== null));
    const applied: Applied[] = [];
    const now = () => clock.now().toISOString();
    for (const [i, row] of rows.entries()) {
      const record = records[i];
      if (!record) {
        applied.push({ row, outcome: 'error', problems: null, target: null });
        continue;
      }
      const p = plan(record);
      if (p.verdict === 'create' && p.create) {
        const id = await insertNewDeal(trx, clock, {
          id: row.target_id ?? undefined,
          title: record.title!,
          customerId: p.create.customerId,
          pipelineId: p.create.pipelineId,
          stageKey: p.create.stageKey,
          owner: p.create.owner,
          amountFen: record.amountFen ?? 0,
          expectedCloseDate: record.expectedCloseDate ?? null,
          custom: record.custom ?? {},
          actorId,
          auditNote: { via: 'import', importId: imp.id },
          closed: p.create.closed,
          eventType: emit ? 'deal.created' : 'deal.imported',
        });
        applied.push({ row, outcome: 'create', problems: null, target: id, changes: { updatedAt: now() } });
      } else if (p.verdict === 'update' && p.match && p.set) {
        const diff = await changeDealRecord(trx, clock, p.match, p.set, { actorId, emit });
        applied.push({ row, outcome: 'update', problems: null, target: p.match.id, changes: { before: diff.before, updatedAt: now() } });
      } else {
        applied.push({ row, outcome: p.verdict, problems: p.problems.length ? p.problems : null, target: p.matchId });
      }
    }
    return applied;
  },
  async undoBatch(trx, deps, actorId, rows, tally) {
    const deals = new Map((await repo.dealsByIds(trx, rows.map((r) => r.target_id!))).map((d) => [d.id, d]));
    for (const row of rows) {
      const deal = deals.get(row.target_id!);
      const conflict = (reason: 'changed_since' | 'has_work' | 'gone') => tally.conflict({ row: row.row_number, customerId: row.target_id!, name: deal?.title ?? '', reason });
      if (!deal) {
        conflict('gone');
        continue;
      }
      const changes = parseJson<{ before?: Record<string, unknown>; updatedAt: string }>(row.changes, { updatedAt: '' });
      if (deal.updated_at > changes.updatedAt) {
        conflict('changed_since');
        continue;
      }
      if (row.outcome === 'created') {
        if ((await dealWorkCount(trx, deal.id)) > 0) conflict('has_work');
        else {
          await removeDealRecord(trx, deps.clock, deal, { actorId, action: 'import_undo' });
          tally.deleted++;
        }
        continue;
      }
      const before = changes.before ?? {};
      const restore: DealFields = {};
      if ('amount_fen' in before) restore.amount_fen = Number(before.amount_fen);
      if ('expected_close_date' in before) restore.expected_close_date = (before.expected_close_date as string | null) ?? null;
      if ('owner_id' in before) Object.assign(restore, { owner_id: before.owner_id, team_path: before.team_path ?? deal.team_path });
      if ('custom' in before) restore.custom = typeof before.custom === 'string' ? before.custom : toJson(before.custom ?? {});
      await changeDealRecord(trx, deps.clock, deal, restore, { actorId, action: 'import_undo' });
      tally.restored++;
    }
  },
};
