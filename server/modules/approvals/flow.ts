/**
 * The transitions of a request, inside the caller's transaction: start a round (steps + assignees), activate a step
 * (SLA deadlines on the approver's team calendar, automatic approval of a consecutive duplicate approver, notices),
 * record a decision, finish. Every transition writes its trail row, its audit entry and, where it is a fact others
 * react to, its domain event in the same transaction.
 */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import { type EventMap } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import type { Calendars } from '../calendar/schedules.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { instantAfter } from '../sla/clock.js';
import { applyGrantedLost } from './lost-move.js';
import type { ResolvedStep } from './routing.js';
import * as repo from './repo.js';

const HOUR = 3_600_000;

export interface FlowCtx {
  db: Queryable;
  clock: Clock;
  calendars: Calendars;
}

export const today = (ctx: FlowCtx) => ctx.calendars.days.localDate(ctx.clock.now());

export async function trail(ctx: Pick<FlowCtx, 'db' | 'clock'>, row: Omit<repo.TrailRow, 'id' | 'at' | 'detail' | 'seq'> & { detail?: unknown }) {
  await repo.insertTrail(ctx.db, { ...row, id: newId(), at: ctx.clock.now().toISOString(), detail: row.detail === undefined ? null : toJson(row.detail) });
}

async function event<K extends 'approval.submitted' | 'approval.decided' | 'approval.withdrawn' | 'approval.invalidated'>(ctx: FlowCtx, type: K, request: repo.RequestRow, actorId: string | null, payload: EventMap[K]) {
  await commandIn(ctx.db, ctx.clock, { entity: 'approval', actorId: actorId }).emit(request.id, { type: type, payload: payload });
}

/** Writes the steps and assignees of a new round; the first step is activated by `advance`. */
export async function insertRound(ctx: FlowCtx, requestId: string, round: number, chain: ResolvedStep[]): Promise<void> {
  for (const [idx, step] of chain.entries()) {
    const stepId = newId();
    await repo.insertStep(ctx.db, {
      id: stepId,
      request_id: requestId,
      round,
      idx,
      name: step.def.name,
      mode: step.def.mode,
      status: 'waiting',
      sla: toJson(step.def.sla),
      fallback: toJson({ specs: step.def.fallback, used: step.fallback }),
      started_at: null,
      remind_at: null,
      due_at: null,
      sla_level: 0,
      next_due_at: null,
      completed_at: null,
    });
    for (const approverId of step.approvers) {
      await repo.insertAssignee(ctx.db, { id: newId(), request_id: requestId, step_id: stepId, approver_id: approverId, status: 'pending', decided_by: null, comment: null, decided_at: null });
    }
  }
}

/** Steps and assignees of the request's current round, steps in order. */
export async function roundOf(db: Queryable, request: repo.RequestRow) {
  const steps = (await repo.stepsOf(db, [request.id])).filter((s) => s.round === request.round);
  const assignees = await repo.assigneesOf(db, [request.id]);
  const byStep = new Map<string, repo.AssigneeRow[]>();
  for (const a of assignees) byStep.set(a.step_id, [...(byStep.get(a.step_id) ?? []), a]);
  return steps.map((step) => ({ step, assignees: byStep.get(step.id) ?? [] }));
}

function stepDone(mode: string, assignees: repo.AssigneeRow[]): boolean {
  const live = assignees.filter((a) => a.status !== 'void');
  const ok = (a: repo.AssigneeRow) => a.status === 'approved' || a.status === 'auto_approved';
  return mode === 'all' ? live.length > 0 && live.every(ok) : live.some(ok);
}

/**
 * Moves the request forward from its current state: completes steps whose decisions suffice, activates the next one
 * (auto-approving an approver who just approved the previous step), and finishes the request when no step is left.
 */
export async function advance(ctx: FlowCtx, request: repo.RequestRow, actorId: string | null): Promise<repo.RequestRow> {
  const now = ctx.clock.now().toISOString();
  let previousApprovers: string[] = [];
  for (const { step, assignees } of await roundOf(ctx.db, request)) {
    if (step.status === 'approved') {
      previousApprovers = assignees.filter((a) => a.status === 'approved' || a.status === 'auto_approved').map((a) => a.approver_id);
      continue;
    }
    if (step.status === 'waiting') {
      // 连续重复审批人: the same person just approved the step before; approving again would only add a click.
      for (const a of assignees) {
        if (a.status !== 'pending' || !previousApprovers.includes(a.approver_id)) continue;
        a.status = 'auto_approved';
        await repo.updateAssignee(ctx.db, a.id, { status: 'auto_approved', decided_at: now, comment: null });
        await trail(ctx, { request_id: request.id, step_idx: step.idx, action: 'auto_approved', actor_id: null, on_behalf_of: a.approver_id, comment: null, detail: { reason: 'consecutive_duplicate', note: '与上一步审批人相同，自动通过', noteEn: 'Same approver as the previous step: approved automatically' } });
        await commandIn(ctx.db, ctx.clock, { entity: 'approval', actorId: null }).recorded(request.id, 'auto_approve', { after: { step: step.name, approverId: a.approver_id, reason: 'consecutive duplicate approver' } });
      }
      if (stepDone(step.mode, assignees)) {
        await repo.voidPendingAssignees(ctx.db, step.id);
        await repo.updateStep(ctx.db, step.id, { status: 'approved', started_at: now, completed_at: now });
        previousApprovers = assignees.filter((a) => a.status === 'auto_approved' || a.status === 'approved').map((a) => a.approver_id);
        continue;
      }
      await activate(ctx, request, step, assignees);
      await repo.updateRequest(ctx.db, request.id, { current_step: step.idx, updated_at: now });
      return { ...request, current_step: step.idx };
    }
    if (step.status === 'pending') {
      if (!stepDone(step.mode, assignees)) return request;
      await repo.voidPendingAssignees(ctx.db, step.id);
      await repo.updateStep(ctx.db, step.id, { status: 'approved', completed_at: now, next_due_at: null });
      previousApprovers = assignees.filter((a) => a.status === 'approved' || a.status === 'auto_approved').map((a) => a.approver_id);
      continue;
    }
    return request; // rejected or cancelled: nothing moves
  }
  // Every step approved.
  await repo.updateRequest(ctx.db, request.id, { status: 'approved', current_step: -1, decided_at: now, updated_at: now });
  // A granted 输单确认 makes its move now, in the decision's transaction.
  const carried = await applyGrantedLost(ctx.db, ctx.clock, request, actorId);
  await trail(ctx, { request_id: request.id, step_idx: null, action: 'completed', actor_id: actorId, on_behalf_of: null, comment: null, detail: { status: 'approved', ...carried } });
  await commandIn(ctx.db, ctx.clock, { entity: 'approval', actorId: actorId }).recorded(request.id, 'approve', { before: { status: request.status }, after: { status: 'approved' } });
  await event(ctx, 'approval.decided', request, actorId, { kind: request.kind, subjectType: request.subject_type, subjectId: request.subject_id, ownerId: request.owner_id, status: 'approved' });
  await notifyRequester(ctx, request, 'approved');
  return { ...request, status: 'approved', current_step: -1, decided_at: now };
}

/** A step's reminder and escalation instants: its SLA in business hours from its start, on the approver's calendar. */
export function stepInstants(calendar: Parameters<typeof instantAfter>[0], start: Date, slaJson: string) {
  const sla = JSON.parse(slaJson) as { hours: number; remindShare: number };
  return {
    due: instantAfter(calendar, 'business_hours', start, sla.hours * HOUR),
    remind: instantAfter(calendar, 'business_hours', start, Math.round(sla.hours * sla.remindShare * HOUR)),
  };
}

/** Starts a step's SLA clock on the first approver's team calendar and tells its approvers (and their delegates). */
async function activate(ctx: FlowCtx, request: repo.RequestRow, step: repo.StepRow, assignees: repo.AssigneeRow[]) {
  const now = ctx.clock.now();
  const pending = assignees.filter((a) => a.status === 'pending');
  const [first] = await repo.usersByIds(ctx.db, [pending[0].approver_id]);
  const calendar = ctx.calendars.forTeam(first?.team_id ?? null);
  const { remind, due } = stepInstants(calendar, now, step.sla);
  await repo.updateStep(ctx.db, step.id, {
    status: 'pending',
    started_at: now.toISOString(),
    remind_at: remind?.toISOString() ?? null,
    due_at: due?.toISOString() ?? null,
    sla_level: 0,
    next_due_at: remind?.toISOString() ?? due?.toISOString() ?? null,
  });
  const delegations = await repo.activeDelegationsFrom(ctx.db, pending.map((a) => a.approver_id), today(ctx));
  for (const a of pending) {
    await notifyApprover(ctx, request, step, a.approver_id, 'assigned');
    for (const d of delegations.filter((x) => x.owner_id === a.approver_id)) await notifyApprover(ctx, request, step, d.to_user_id, 'assigned', a.approver_id);
  }
}

export async function notifyApprover(ctx: Pick<FlowCtx, 'db' | 'clock'>, request: repo.RequestRow, step: repo.StepRow, userId: string, what: 'assigned' | 'reminder' | 'escalated', onBehalfOf?: string) {
  const [deal] = await repo.dealTitles(ctx.db, [request.subject_id]);
  const title = deal?.title ?? request.subject_id;
  const texts = {
    assigned: [`待您审批：${title}（${step.name}）`, `Approval waiting for you: ${title} (${step.name})`],
    reminder: [`审批提醒：${title}（${step.name}）即将超时`, `Reminder: approval of ${title} (${step.name}) is due soon`],
    escalated: [`审批超时升级：${title}（${step.name}）`, `Escalated: approval of ${title} (${step.name}) is overdue`],
  }[what];
  const on = onBehalfOf ? (await repo.usersByIds(ctx.db, [onBehalfOf]))[0]?.display_name : undefined;
  await enqueueNotification(ctx.db, ctx.clock, {
    idempotencyKey: `approval:${request.id}:${step.id}:${what}:${userId}`,
    userId,
    title: on ? `${texts[0]}（代 ${on} 审批）` : texts[0],
    titleEn: on ? `${texts[1]} (on behalf of ${on})` : texts[1],
    body: `${request.kind} · 第 ${step.idx + 1} 步`,
    bodyEn: `${request.kind} · step ${step.idx + 1}`,
    link: `/approvals/${request.id}`,
    subject: { type: 'approval', id: request.id },
  });
}

export async function notifyRequester(ctx: FlowCtx, request: repo.RequestRow, what: 'approved' | 'rejected' | 'invalidated', detail?: string) {
  const [deal] = await repo.dealTitles(ctx.db, [request.subject_id]);
  const title = deal?.title ?? request.subject_id;
  const texts = {
    approved: [`审批已通过：${title}`, `Approved: ${title}`],
    rejected: [`审批被驳回：${title}`, `Rejected: ${title}`],
    invalidated: [`审批已失效：${title}`, `Approval invalidated: ${title}`],
  }[what];
  await enqueueNotification(ctx.db, ctx.clock, {
    idempotencyKey: `approval:${request.id}:r${request.round}:${what}:${request.revision}`,
    userId: request.owner_id,
    title: texts[0],
    titleEn: texts[1],
    body: detail ?? '',
    link: `/approvals/${request.id}`,
    subject: { type: 'approval', id: request.id },
  });
}

export async function reject(ctx: FlowCtx, request: repo.RequestRow, step: repo.StepRow, actorId: string) {
  const now = ctx.clock.now().toISOString();
  await repo.voidPendingAssignees(ctx.db, step.id);
  await repo.updateStep(ctx.db, step.id, { status: 'rejected', completed_at: now, next_due_at: null });
  await repo.cancelOpenSteps(ctx.db, request.id, now);
  await repo.updateRequest(ctx.db, request.id, { status: 'rejected', current_step: -1, decided_at: now, updated_at: now });
  await commandIn(ctx.db, ctx.clock, { entity: 'approval', actorId: actorId }).recorded(request.id, 'reject', { before: { status: request.status }, after: { status: 'rejected', step: step.name } });
  await event(ctx, 'approval.decided', request, actorId, { kind: request.kind, subjectType: request.subject_type, subjectId: request.subject_id, ownerId: request.owner_id, status: 'rejected' });
  await notifyRequester(ctx, request, 'rejected');
}

export { event as emitApprovalEvent };
