/**
 * Deal use cases. Every write is one transaction holding the change, its stage history, its audit entry and its
 * domain event. Reads and writes by id apply the caller's scope in SQL; an out-of-scope id answers 404.
 */
import type { Db, Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound, type FieldError } from '../../core/errors.js';
import { command, commandIn, type Command } from '../../core/command.js';
import { systemActor } from '../../core/policy.js';
import { change } from '../../core/events.js';
import { resolveSort } from '../../core/http.js';
import { decodeCursor, listTotal, sampledTotal } from '../../core/paging.js';
import { indexable } from '../customers/search.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { loadCustomFieldDefs } from '../customfields/repo.js';
import { validateCustomValues, type CustomFieldDef } from '../customfields/values.js';
import { unmetApprovals } from '../gates/approvals.js';
import { unmetContract } from '../gates/contracts.js';
import { evaluateGate, type ChecklistState, type GateFacts, type UnmetRequirement } from '../gates/evaluate.js';
import { canSeeAmounts, scopeOf, type Actor } from '../org/scope.js';
import { findStage } from '../pipelines/definition.js';
import * as pipelinesRepo from '../pipelines/repo.js';
import { planCreate, planMove } from './moves.js';
import { checkLostMove, requestLostConfirmation } from './lost.js';
import { loaded, presentDeal, presentHistory, type LoadedPipeline } from './presenter.js';
import * as repo from './repo.js';
import { insertNewDeal } from './insert.js';
import type { ChecklistInput, DealCreateInput, DealListQuery, DealPatchInput, MoveInput } from './schema.js';

const SORTABLE = {
  title: 'deals.title',
  amountFen: 'deals.amount_fen',
  expectedCloseDate: 'deals.expected_close_date',
  stageEnteredAt: 'deals.stage_entered_at',
  createdAt: 'deals.created_at',
  updatedAt: 'deals.updated_at',
} as const;

export async function loadPipelines(db: Queryable, ids: string[]): Promise<Map<string, LoadedPipeline>> {
  const rows = await pipelinesRepo.findPipelinesByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, loaded(r)]));
}

const NULLABLE_SORT = new Set(['deals.expected_close_date']);

export async function listDeals(db: Queryable, clock: Clock, actor: Actor, query: DealListQuery) {
  const amounts = canSeeAmounts(actor);
  // Sorting by a hidden field would leak it through the order.
  const allowed: Record<string, string> = { ...SORTABLE };
  if (!amounts) delete allowed.amountFen;
  const sort = resolveSort(query.sort, allowed, { column: 'deals.updated_at', direction: 'desc' });
  const order = { ...sort, nullable: NULLABLE_SORT.has(sort.column) };
  let pipelineId = query.pipelineId;
  if (pipelineId) pipelineId = (await pipelinesRepo.findPipeline(db, pipelineId))?.id ?? pipelineId;
  const scope = scopeOf(actor);
  const filters = { q: query.q, pipelineId, stage: query.stage, ownerId: query.ownerId, customerId: query.customerId, status: query.status };
  const cursor = query.cursor ? decodeCursor(query.cursor, order) : undefined;
  const { items: rows, nextCursor } = await repo.listDealPage(db, scope, filters, { order, cursor, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const totalOf = (f: typeof filters) =>
    listTotal({
      db,
      clock,
      key: `deals ${JSON.stringify([scope, f])}`,
      exact: query.exactTotal,
      capped: (n) => repo.countDeals(db, scope, f, n),
      full: () => repo.countDeals(db, scope, f),
    });
  // Short queries have no index: their total comes from a bounded sample unless asked for exactly.
  const short = !!query.q?.trim() && !indexable(query.q.trim()) && !query.exactTotal;
  const total = short
    ? await sampledTotal({ sample: (w) => repo.sampleDeals(db, scope, filters, w), scopeTotal: () => totalOf({ ...filters, q: undefined }) })
    : await totalOf(filters);
  const pipelines = await loadPipelines(db, rows.map((r) => r.pipeline_id));
  return { items: rows.map((r) => presentDeal(r, pipelines.get(r.pipeline_id), { amounts })), ...total, nextCursor };
}

async function findDeal(db: Queryable, actor: Actor, id: string) {
  const row = await repo.findScopedDeal(db, scopeOf(actor), id);
  if (!row) throw notFound('Deal');
  return row;
}

async function gateFacts(db: Queryable, deal: repo.DealRow, defs?: CustomFieldDef[]): Promise<GateFacts> {
  return {
    deal: { title: deal.title, amountFen: Number(deal.amount_fen), expectedCloseDate: deal.expected_close_date },
    custom: parseJson<Record<string, unknown>>(deal.custom, {}),
    customFieldDefs: defs ?? (await loadCustomFieldDefs(db, 'deal')),
    evidenceCounts: await repo.evidenceCounts(db, deal.id),
    checklist: parseJson<Record<string, ChecklistState>>(deal.checklist, {}),
  };
}

/** What a gate's approval items are checked against (through the `gates.approvalCheck` hook). */
function approvalInput(deal: repo.DealRow, now: Date | null) {
  return { dealId: deal.id, deal: { amountFen: Number(deal.amount_fen), custom: parseJson<Record<string, unknown>>(deal.custom, {}) }, now };
}

/** The deal with its stage history, evidence counts and what its current stage's gate still lacks. */
export async function getDeal(db: Queryable, actor: Actor, id: string) {
  const row = await findDeal(db, actor, id);
  const pipeline = (await loadPipelines(db, [row.pipeline_id])).get(row.pipeline_id);
  const stage = pipeline ? findStage(pipeline.def, row.stage_key) : undefined;
  const facts = await gateFacts(db, row);
  const unmet = stage && !stage.terminal ? [...evaluateGate(stage, facts), ...(await unmetApprovals(db, stage, approvalInput(row, null))), ...(await unmetContract(db, stage, row.id))] : [];
  return {
    ...presentDeal(row, pipeline, { amounts: canSeeAmounts(actor) }),
    evidence: facts.evidenceCounts,
    gate: { stageKey: row.stage_key, unmet },
    history: presentHistory(await repo.listHistory(db, row.id), pipeline?.def ?? null),
  };
}

async function resolveOwner(db: Queryable, actor: Actor, ownerId: string | undefined) {
  const id = ownerId ?? actor.id;
  const scope = scopeOf(actor);
  if (scope.kind === 'own' && id !== actor.id) {
    throw new AppError('FORBIDDEN', 'own_deals_only', { fields: [{ field: 'ownerId', code: 'must_be_self' }] });
  }
  const user = await repo.findActiveUser(db, id);
  if (!user) throw invalid('ownerId', 'not_found_user');
  if (scope.kind === 'subtree' && !user.team_path.startsWith(scope.path)) throw invalid('ownerId', 'outside_team');
  return user;
}

async function checkCustom(db: Queryable, values: Record<string, unknown>, partial: boolean): Promise<void> {
  const defs = await loadCustomFieldDefs(db, 'deal');
  const errors: FieldError[] = validateCustomValues(defs, values, { partial });
  const userValues = defs.filter((d) => d.type === 'user' && typeof values[d.key] === 'string');
  const known = await repo.existingUserIds(db, userValues.map((d) => values[d.key] as string));
  for (const def of userValues) if (!known.has(values[def.key] as string)) errors.push({ field: `custom.${def.key}`, code: 'not_found_user' });
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, { fields: errors });
  }
}

function refuseHiddenAmount(actor: Actor, amountFen: number | undefined) {
  if (amountFen !== undefined && !canSeeAmounts(actor)) {
    throw new AppError('FORBIDDEN', 'amounts_hidden', { fields: [{ field: 'amountFen', code: 'not_allowed_for_role' }] });
  }
}

/** An expected close date more than a year back is a typo in the year (2020 for 2026), not a plan: refused. */
function refuseStaleCloseDate(clock: Clock, date: string | null | undefined) {
  if (!date) return;
  const min = new Date(clock.now().getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  if (date < min) throw invalid('expectedCloseDate', 'date_too_far_past', { min });
}

export async function createDeal(db: Db, clock: Clock, actor: Actor, input: DealCreateInput) {
  refuseHiddenAmount(actor, input.amountFen);
  refuseStaleCloseDate(clock, input.expectedCloseDate);
  const id = await db.transaction().execute(async (trx) => {
    const customer = await repo.findScopedCustomer(trx, scopeOf(actor), input.customerId);
    if (!customer) throw invalid('customerId', 'not_found_customer');
    const pipelineRow = await pipelinesRepo.findPipeline(trx, input.pipelineId);
    if (!pipelineRow || pipelineRow.archived === 1) throw invalid('pipelineId', 'not_found_pipeline');
    const def = pipelinesRepo.definitionOf(pipelineRow);
    const stageKey = input.stageKey ?? def.stages[0].key;
    const stage = findStage(def, stageKey);
    if (!stage) throw invalid('stageKey', 'not_found_stage', { stage: stageKey });
    // Creating straight into won/lost would bypass every gate and the move history.
    if (stage.terminal) throw invalid('stageKey', 'terminal_start');
    const owner = await resolveOwner(trx, actor, input.ownerId);
    const custom = input.custom ?? {};
    await checkCustom(trx, custom, false);
    // Starting later than the first stage must not pass the earlier gates unchecked (moves.ts planCreate).
    const facts: GateFacts = {
      deal: { title: input.title, amountFen: input.amountFen ?? 0, expectedCloseDate: input.expectedCloseDate ?? null },
      custom,
      customFieldDefs: await loadCustomFieldDefs(trx, 'deal'),
      evidenceCounts: {},
      checklist: {},
    };
    const plan = planCreate(def, stage.key, (s) => evaluateGate(s, facts).length, input.skipReason);
    return insertNewDeal(trx, clock, {
      skipped: plan.skipped,
      skipReason: plan.reason,
      title: input.title,
      customerId: customer.id,
      pipelineId: pipelineRow.id,
      stageKey: stage.key,
      owner,
      amountFen: input.amountFen ?? 0,
      expectedCloseDate: input.expectedCloseDate ?? null,
      custom,
      actorId: actor.id,
    });
  });
  return getDeal(db, actor, id);
}

export async function updateDeal(db: Db, clock: Clock, actor: Actor, id: string, patch: DealPatchInput) {
  refuseHiddenAmount(actor, patch.amountFen);
  refuseStaleCloseDate(clock, patch.expectedCloseDate);
  await command(db, clock, { entity: 'deal', actorId: actor.id }, async (cmd) => {
    const { trx } = cmd;
    const deal = await findDeal(trx, actor, id);
    const next: Record<string, unknown> = {};
    if (patch.title !== undefined) next.title = patch.title;
    if (patch.amountFen !== undefined) next.amount_fen = patch.amountFen;
    if (patch.expectedCloseDate !== undefined) next.expected_close_date = patch.expectedCloseDate;
    if (patch.customerId !== undefined && patch.customerId !== deal.customer_id) {
      const customer = await repo.findScopedCustomer(trx, scopeOf(actor), patch.customerId);
      if (!customer) throw invalid('customerId', 'not_found_customer');
      next.customer_id = customer.id;
    }
    if (patch.ownerId !== undefined && patch.ownerId !== deal.owner_id) {
      const owner = await resolveOwner(trx, actor, patch.ownerId);
      next.owner_id = owner.id;
      next.team_path = owner.team_path;
    }
    if (patch.custom !== undefined) {
      await checkCustom(trx, Object.fromEntries(Object.entries(patch.custom).filter(([, v]) => v !== null)), true);
      const merged = { ...parseJson<Record<string, unknown>>(deal.custom, {}), ...patch.custom };
      for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
      next.custom = toJson(merged);
    }
    const diff = await cmd.updated(id, deal as unknown as Record<string, unknown>, next, ({ change }) => ({ type: 'deal.updated', payload: change }));
    if (diff.changed) await repo.updateDeal(trx, id, { ...next, updated_at: clock.now().toISOString() });
  });
  return getDeal(db, actor, id);
}

/** Ticks or unticks an item of the current stage's checklist, recording who and when. */
export async function setChecklistItem(db: Db, clock: Clock, actor: Actor, id: string, input: ChecklistInput) {
  await command(db, clock, { entity: 'deal', actorId: actor.id }, async (cmd) => {
    const { trx } = cmd;
    const deal = await findDeal(trx, actor, id);
    const pipeline = await pipelinesRepo.findPipeline(trx, deal.pipeline_id);
    const stage = pipeline ? findStage(pipelinesRepo.definitionOf(pipeline), deal.stage_key) : undefined;
    const items = stage?.gate.checklist ?? [];
    if (!items.some((i) => i.key === input.item)) {
      throw invalid('item', 'not_checklist_item', { values: items.map((i) => i.key).join(', ') });
    }
    const now = clock.now().toISOString();
    const checklist = parseJson<Record<string, ChecklistState>>(deal.checklist, {});
    const before = checklist[input.item] ?? null;
    const after: ChecklistState = { done: input.done, note: input.note ?? null, by: actor.id, at: now };
    checklist[input.item] = after;
    await repo.updateDeal(trx, id, { checklist: toJson(checklist), updated_at: now });
    await cmd.recorded(
      id,
      'checklist',
      { before: { item: input.item, state: before }, after: { item: input.item, state: after } },
      { type: 'deal.updated', payload: { ...change({ checklist: parseJson(deal.checklist, {}) }, { checklist }), item: input.item, done: input.done } },
    );
  });
  return getDeal(db, actor, id);
}

export class GateUnmetError extends AppError {
  constructor(stage: { key: string; name: string }, unmet: UnmetRequirement[]) {
    super('GATE_UNMET', 'gate_unmet', {
      params: { stage: stage.name, count: unmet.length },
      extra: { stageKey: stage.key, unmet },
    });
  }
}

/**
 * Moves a deal (rules in moves.ts); a refused gate answers 422 GATE_UNMET listing every unmet requirement. A lost move
 * above the org's confirmation amount by someone who is not a manager leaves the deal where it is and answers the
 * pending `lost_confirmation` approval instead (the deal moves when it is granted, `moveConfirmedLost`).
 */
export async function moveDeal(db: Db, clock: Clock, actor: Actor, id: string, input: MoveInput) {
  const pendingApproval = await command(db, clock, { entity: 'deal', actorId: actor.id }, async (cmd) => {
    const deal = await findDeal(cmd.trx, actor, id);
    return applyMove(cmd, actor, deal, input, false);
  });
  const deal = await getDeal(db, actor, id);
  return pendingApproval ? { pendingApproval, deal } : deal;
}

/**
 * Carries out a granted lost confirmation inside the approval's transaction, as the manager who granted it
 * (`confirmedBy`); the requester's scope was checked when the request was filed.
 */
export async function moveConfirmedLost(trx: Queryable, clock: Clock, dealId: string, input: { toStage: string; lostReason: string }, confirmedBy: string | null) {
  const deal = await repo.findScopedDeal(trx, { kind: 'all' }, dealId);
  if (!deal) throw notFound('Deal');
  await applyMove(commandIn(trx, clock, { entity: 'deal', actorId: confirmedBy }), null, deal, input, true);
}

/** The move itself; answers the confirmation request when the move waits for a manager instead of happening. */
async function applyMove(cmd: Command, actor: Actor | null, deal: repo.DealRow, input: MoveInput, confirmed: boolean) {
  const { trx, clock } = cmd;
  const id = deal.id;
  const pipeline = await pipelinesRepo.findPipeline(trx, deal.pipeline_id);
  if (!pipeline) throw notFound('Pipeline');
  const plan = planMove(pipelinesRepo.definitionOf(pipeline), deal.stage_key, input.toStage, input.skipReason);
  if (plan.gateStage) {
    const unmet = [...evaluateGate(plan.gateStage, await gateFacts(trx, deal)), ...(await unmetApprovals(trx, plan.gateStage, approvalInput(deal, clock.now()))), ...(await unmetContract(trx, plan.gateStage, deal.id))];
    if (unmet.length > 0) throw new GateUnmetError(plan.gateStage, unmet);
  }
  let lostReason: string | null = null;
  if (plan.status === 'lost') {
    const lost = await checkLostMove(trx, actor ?? systemActor('worker'), Number(deal.amount_fen), input.lostReason, confirmed);
    if (actor && lost.confirmAboveFen != null) {
      return requestLostConfirmation(trx, clock, { dealId: id, requester: actor, toStage: plan.to.key, lostReason: lost.key }, lost.confirmAboveFen);
    }
    lostReason = lost.key;
  }
  const now = clock.now().toISOString();
  const moved = await repo.updateDealStage(trx, id, deal.stage_key, {
    stage_key: plan.to.key,
    status: plan.status,
    stage_entered_at: now,
    updated_at: now,
    // While lost the deal carries its reason (the loss matrix groups on it); reopening clears it, history keeps it.
    lost_reason: lostReason,
    lost_at: lostReason ? now : null,
  });
  if (!moved) throw new AppError('CONFLICT', 'moved_meanwhile');
  await repo.closeOpenHistory(trx, id, now);
  await repo.insertHistory(trx, {
    id: newId(),
    deal_id: id,
    stage_key: plan.to.key,
    entered_at: now,
    left_at: null,
    entered_by: cmd.actorId,
    direction: plan.direction,
    skip_reason: plan.reason,
    lost_reason: lostReason,
  });
  await cmd.recorded(
    id,
    'move',
    {
      before: { stageKey: deal.stage_key, status: deal.status },
      after: { stageKey: plan.to.key, status: plan.status, direction: plan.direction, skipped: plan.skipped, skipReason: plan.reason, lostReason, ...(confirmed ? { confirmed: true } : {}) },
    },
    {
      type: 'deal.stage_changed',
      payload: { from: deal.stage_key, to: plan.to.key, direction: plan.direction, pipelineId: deal.pipeline_id, skipped: plan.skipped, skipReason: plan.reason, status: plan.status, lostReason },
    },
  );
  return null;
}
