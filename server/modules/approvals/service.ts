/**
 * Approval requests: submit, read, list, decide, withdraw, resubmit. Each write is one transaction holding the
 * change, its trail rows, audit entries and events. A request is visible to whoever has its requester in scope and
 * to its approvers (and, while a delegation runs, their delegates); anything else answers 404.
 *
 * Concurrency: every transition starts by locking the request row with a conditional update (`lockPending`), then
 * reads the state afresh. On PostgreSQL a second decision on the same step waits for the first to commit and then
 * finds its assignee no longer pending → 409; on SQLite write transactions are serialised by BEGIN IMMEDIATE.
 */
import { commandIn } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { authorize, inScope, scopeOf, type Actor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { loadCalendars } from '../calendar/schedules.js';
import { chooseBranch } from './definition.js';
import { computeFacts, requestValuesSchema, type RequestValues } from './facts.js';
import { advance, emitApprovalEvent, insertRound, reject, roundOf, today, trail, type FlowCtx } from './flow.js';
import { presentRequests } from './presenter.js';
import * as repo from './repo.js';
import { currentVersion, resolveChain } from './routing.js';
import type { DecisionInput, ListQuery, SubmitInput } from './schema.js';

export type ApprovalDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

export async function flowCtx(deps: Pick<Deps, 'clock' | 'config'>, db: Queryable): Promise<FlowCtx> {
  return { db, clock: deps.clock, calendars: await loadCalendars(db, deps.config.timeZone) };
}

type Deal = NonNullable<Awaited<ReturnType<typeof repo.findDealForApproval>>>;

function valuesError(problems: Array<{ field: string; message: string }>): AppError {
  return new AppError('VALIDATION_FAILED', undefined, { fields: problems.map((p) => ({ field: p.field, code: 'invalid' as const, detail: `${p.field} ${p.message}` })) });
}

/**
 * Starts a round under the route version in force: facts, branch, approvers (refusing when a step has nobody), the
 * request row (new, or the same request resubmitted), steps, trail, audit, event; then activates the first step.
 */
export async function startRound(
  ctx: FlowCtx,
  input: { requester: { id: string; teamPath: string }; deal: Deal; kind: string; values: RequestValues; request?: repo.RequestRow; actorId: string | null; via?: string },
): Promise<repo.RequestRow> {
  const { version, def } = await currentVersion(ctx.db, ctx.clock, input.kind);
  const computed = computeFacts(input.values, { dealAmountFen: Number(input.deal.amount_fen), customerLevel: input.deal.customer_level, pipeline: input.deal.pipeline_key });
  if ('problems' in computed) throw valuesError(computed.problems);
  const { branch } = chooseBranch(def, computed.facts as unknown as Record<string, unknown>);
  const chain = await resolveChain(ctx.db, input.requester, branch.steps);
  const now = ctx.clock.now().toISOString();
  const fields = {
    route_version: version,
    branch: branch.name,
    values: toJson(input.values),
    facts: toJson(computed.facts),
    envelope: toJson(computed.envelope),
    status: 'pending',
    current_step: -1,
    invalid_reason: null,
    submitted_at: now,
    decided_at: null,
    updated_at: now,
  };
  let request: repo.RequestRow;
  if (input.request) {
    request = { ...input.request, ...fields, round: input.request.round + 1 };
    await repo.updateRequest(ctx.db, request.id, { ...fields, round: request.round });
  } else {
    request = { id: newId(), kind: input.kind, subject_type: 'deal', subject_id: input.deal.id, owner_id: input.requester.id, team_path: input.requester.teamPath, round: 1, revision: 0, created_at: now, ...fields };
    await repo.insertRequest(ctx.db, request);
  }
  await insertRound(ctx, request.id, request.round, chain);
  const resubmitted = !!input.request;
  await trail(ctx, {
    request_id: request.id,
    step_idx: null,
    action: resubmitted ? 'resubmitted' : 'submitted',
    actor_id: input.actorId,
    on_behalf_of: null,
    comment: null,
    detail: { routeVersion: version, branch: branch.name, steps: chain.map((s) => ({ name: s.def.name, mode: s.def.mode, approvers: s.approvers, fallback: s.fallback })), via: input.via },
  });
  await commandIn(ctx.db, ctx.clock, { entity: 'approval', actorId: input.actorId }).recorded(request.id, resubmitted ? 'resubmit' : 'create', { after: { kind: input.kind, routeVersion: version, branch: branch.name, round: request.round, via: input.via } });
  await emitApprovalEvent(ctx, 'approval.submitted', request, input.actorId, { kind: request.kind, subjectType: 'deal', subjectId: request.subject_id, ownerId: request.owner_id, routeVersion: version, branch: branch.name, ...(resubmitted ? { resubmitted } : {}) });
  return advance(ctx, request, input.actorId);
}

export async function submitApproval(deps: ApprovalDeps, actor: Actor, input: SubmitInput) {
  authorize(actor, 'approval.request');
  // 输单确认 is filed by the lost move itself, which carries the move out when granted; by hand it would carry none.
  if (input.kind === 'lost_confirmation' || input.values.lost) throw invalid('kind', 'approval_kind_by_move', { kind: input.kind });
  const id = await deps.db.transaction().execute(async (trx) => {
    const deal = await repo.findDealForApproval(trx, input.subject.id);
    if (!deal || !inScope(scopeOf(actor), { ownerId: deal.owner_id, teamPath: deal.team_path })) throw notFound('Deal');
    const open = await repo.requestsOfSubject(trx, 'deal', deal.id, ['pending']);
    if (open.some((r) => r.kind === input.kind)) throw new AppError('CONFLICT', 'approval_open_exists', { params: { kind: input.kind } });
    const ctx = await flowCtx(deps, trx);
    const request = await startRound(ctx, { requester: { id: actor.id, teamPath: actor.teamPath }, deal, kind: input.kind, values: input.values, actorId: actor.id });
    return request.id;
  });
  return getApproval(deps, actor, id);
}

/** The approvers `actor` acts for today: themself and whoever delegated to them. */
async function actingFor(deps: Pick<Deps, 'clock' | 'config'>, db: Queryable, actor: Actor): Promise<string[]> {
  const ctx = await flowCtx(deps, db);
  return [actor.id, ...(await repo.delegatorsTo(db, actor.id, today(ctx)))];
}

async function visibleRequest(deps: ApprovalDeps, db: Queryable, actor: Actor, id: string): Promise<repo.RequestRow> {
  const request = await repo.findRequest(db, id);
  if (!request) throw notFound('Approval');
  if (inScope(scopeOf(actor), { ownerId: request.owner_id, teamPath: request.team_path })) return request;
  if (await repo.isParticipant(db, id, await actingFor(deps, db, actor))) return request;
  throw notFound('Approval');
}

export async function getApproval(deps: ApprovalDeps, actor: Actor, id: string) {
  const request = await visibleRequest(deps, deps.db, actor, id);
  const [one] = await presentRequests(deps.db, await flowCtx(deps, deps.db), actor, [request], { trail: true });
  return one;
}

export async function listApprovals(deps: ApprovalDeps, actor: Actor, query: ListQuery) {
  const acting = await actingFor(deps, deps.db, actor);
  const filters: repo.ListFilters = {
    status: query.assignee === 'me' ? undefined : query.status,
    kind: query.kind,
    subjectId: query.dealId,
    requesterId: query.requester === 'me' ? actor.id : undefined,
    pendingFor: query.assignee === 'me' ? acting : undefined,
    scope: scopeOf(actor),
    participant: acting,
  };
  // "Assigned to me" is by definition the pending ones; any other status filter would answer nothing.
  if (query.assignee === 'me' && query.status && query.status !== 'pending') return { items: [], total: 0 };
  const rows = await repo.listRequestPage(deps.db, filters, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const total = await repo.countRequests(deps.db, filters);
  // The approver decides from the list on a phone, so "waiting for me" carries the history of earlier decisions too.
  const trail = query.assignee === 'me';
  return { items: await presentRequests(deps.db, await flowCtx(deps, deps.db), actor, rows.slice(0, query.pageSize), { trail }), total };
}

/** Locks a pending request for a transition and reads it afresh (409 when it is no longer pending). */
async function lockPending(db: Queryable, id: string, now: string): Promise<repo.RequestRow> {
  if (!(await repo.lockRequest(db, id, 'pending', now))) {
    const row = await repo.findRequest(db, id);
    throw new AppError('CONFLICT', 'approval_not_pending', { params: { status: row?.status ?? 'unknown' } });
  }
  return (await repo.findRequest(db, id))!;
}

export async function decideApproval(deps: ApprovalDeps, actor: Actor, id: string, input: DecisionInput) {
  await deps.db.transaction().execute(async (trx) => {
    await visibleRequest(deps, trx, actor, id);
    const ctx = await flowCtx(deps, trx);
    const now = ctx.clock.now().toISOString();
    const request = await lockPending(trx, id, now);
    const current = (await roundOf(trx, request)).find((s) => s.step.status === 'pending');
    if (!current) throw new AppError('CONFLICT', 'approval_decided_meanwhile');
    const delegators = await repo.delegatorsTo(trx, actor.id, today(ctx));
    const pending = current.assignees.filter((a) => a.status === 'pending');
    const mine = pending.find((a) => a.approver_id === actor.id) ?? pending.find((a) => delegators.includes(a.approver_id));
    if (!mine) {
      const wasMine = current.assignees.some((a) => a.approver_id === actor.id || delegators.includes(a.approver_id));
      throw wasMine ? new AppError('CONFLICT', 'approval_decided_meanwhile') : new AppError('FORBIDDEN', 'approval_not_yours');
    }
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    await repo.updateAssignee(trx, mine.id, { status, decided_by: actor.id, comment, decided_at: now });
    mine.status = status;
    const onBehalfOf = mine.approver_id === actor.id ? null : mine.approver_id;
    await trail(ctx, { request_id: id, step_idx: current.step.idx, action: status, actor_id: actor.id, on_behalf_of: onBehalfOf, comment });
    await commandIn(trx, ctx.clock, { entity: 'approval', actorId: actor.id }).recorded(id, 'decide', { after: { step: current.step.name, decision: input.decision, comment, onBehalfOf } });
    if (status === 'rejected') await reject(ctx, request, current.step, actor.id);
    else await advance(ctx, request, actor.id);
  });
  return getApproval(deps, actor, id);
}

function requireRequester(actor: Actor, request: repo.RequestRow) {
  if (request.owner_id !== actor.id) throw new AppError('FORBIDDEN', 'approval_requester_only');
}

export async function withdrawApproval(deps: ApprovalDeps, actor: Actor, id: string, comment: string | undefined) {
  await deps.db.transaction().execute(async (trx) => {
    const visible = await visibleRequest(deps, trx, actor, id);
    requireRequester(actor, visible);
    const ctx = await flowCtx(deps, trx);
    const now = ctx.clock.now().toISOString();
    const request = await lockPending(trx, id, now);
    const decided = (await roundOf(trx, request)).some(({ assignees }) => assignees.some((a) => a.status === 'approved' || a.status === 'rejected'));
    if (decided) throw new AppError('INVALID_STATE', 'approval_already_decided');
    await repo.cancelOpenSteps(trx, id, now);
    await repo.updateRequest(trx, id, { status: 'withdrawn', current_step: -1, updated_at: now });
    await trail(ctx, { request_id: id, step_idx: null, action: 'withdrawn', actor_id: actor.id, on_behalf_of: null, comment: comment?.trim() || null });
    await commandIn(trx, ctx.clock, { entity: 'approval', actorId: actor.id }).recorded(id, 'withdraw', { before: { status: 'pending' }, after: { status: 'withdrawn' } });
    await emitApprovalEvent(ctx, 'approval.withdrawn', request, actor.id, { kind: request.kind, subjectType: request.subject_type, subjectId: request.subject_id, ownerId: request.owner_id });
  });
  return getApproval(deps, actor, id);
}

const RESUBMITTABLE = ['draft', 'rejected', 'withdrawn'];

export async function resubmitApproval(deps: ApprovalDeps, actor: Actor, id: string, values: RequestValues | undefined) {
  authorize(actor, 'approval.request');
  await deps.db.transaction().execute(async (trx) => {
    const request = await visibleRequest(deps, trx, actor, id);
    requireRequester(actor, request);
    if (!RESUBMITTABLE.includes(request.status)) throw new AppError('INVALID_STATE', 'approval_not_resubmittable', { params: { status: request.status } });
    const now = deps.clock.now().toISOString();
    if (!(await repo.lockRequest(trx, id, request.status, now))) throw new AppError('CONFLICT', 'moved_meanwhile');
    const fresh = (await repo.findRequest(trx, id))!;
    const deal = await repo.findDealForApproval(trx, request.subject_id);
    if (!deal) throw notFound('Deal');
    const open = await repo.requestsOfSubject(trx, 'deal', deal.id, ['pending']);
    if (open.some((r) => r.kind === request.kind && r.id !== id)) throw new AppError('CONFLICT', 'approval_open_exists', { params: { kind: request.kind } });
    const previous = requestValuesSchema.parse(parseJson(request.values, {}));
    await startRound(await flowCtx(deps, trx), { requester: { id: actor.id, teamPath: actor.teamPath }, deal, kind: request.kind, values: values ?? previous, request: fresh, actorId: actor.id });
  });
  return getApproval(deps, actor, id);
}
