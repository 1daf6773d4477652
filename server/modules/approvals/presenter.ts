/** Output shapes of approvals (users as { id, name }); the zod schemas feed the serializer and the OpenAPI document. */
import { z } from 'zod';
import { anyJson, userRef, userRefOrNull, timestamps } from '../../core/contract.js';
import { parseJson } from '../../core/json.js';
import type { Actor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { STATUSES } from './schema.js';
import { today, type FlowCtx } from './flow.js';
import * as repo from './repo.js';

const fen = z.number().int().optional().describe('fen; hidden from roles that may not see deal amounts');

export const factsSchema = z
  .object({
    amountFen: fen,
    listPriceFen: fen,
    netPriceFen: fen,
    lineDiscountFen: fen,
    documentDiscountFen: fen,
    discountBp: z.number().int().describe('Envelope discount, basis points (1200 = 12 %), rounded up'),
    requestedDiscountBp: z.number().int(),
    customerLevel: z.string().nullable(),
    pipeline: z.string().nullable(),
    paymentTerms: z.string().nullable(),
  })
  .meta({ id: 'ApprovalFacts' });

export const envelopeSchema = z
  .object({
    maxAmountFen: fen,
    maxDiscountBp: z.number().int(),
    listPriceFen: fen,
    paymentTerms: z.string().nullable(),
    validUntil: z.string().nullable(),
  })
  .meta({ id: 'ApprovalEnvelope' });

const approverSchema = z.object({
  user: userRef,
  status: z.enum(['pending', 'approved', 'rejected', 'auto_approved', 'void']),
  decidedBy: userRefOrNull,
  /** Who acts for this approver now (a delegation in force), or null. */
  delegate: userRefOrNull,
  /** "E 代 D 审批" when someone decides, or may decide, in the approver's name. */
  label: z.string().nullable(),
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const stepSchema = z.object({
  id: z.string(),
  idx: z.number().int(),
  name: z.string(),
  mode: z.enum(['any', 'all']),
  status: z.enum(['waiting', 'pending', 'approved', 'rejected', 'cancelled']),
  startedAt: z.string().nullable(),
  remindAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  slaLevel: z.number().int().describe('0 running, 1 reminded, 2 escalated'),
  fallbackUsed: z.boolean(),
  approvers: z.array(approverSchema),
});

export const trailItemSchema = z.object({
  id: z.string(),
  stepIdx: z.number().int().nullable(),
  action: z.string(),
  actor: userRefOrNull,
  onBehalfOf: userRefOrNull,
  comment: z.string().nullable(),
  detail: anyJson,
  at: z.string(),
});

export const invalidReasonSchema = z.object({ field: z.string(), value: z.union([z.string(), z.number()]), limit: z.union([z.string(), z.number()]), message: z.string(), messageEn: z.string() });

export const approvalSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    subject: z.object({ type: z.literal('deal'), id: z.string(), title: z.string().nullable() }),
    requester: userRef,
    status: z.enum(STATUSES),
    routeVersion: z.number().int(),
    branch: z.string(),
    round: z.number().int(),
    values: z.record(z.string(), z.unknown()),
    facts: factsSchema,
    envelope: envelopeSchema,
    invalidReason: invalidReasonSchema.nullable(),
    currentStep: z.number().int().describe('idx of the active step; -1 when none'),
    steps: z.array(stepSchema),
    trail: z.array(trailItemSchema).optional().describe('Every submission, decision and note, oldest first; on one request and on the `assignee=me` list'),
    can: z.object({ decide: z.boolean(), withdraw: z.boolean(), resubmit: z.boolean() }),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Approval' });

export const approvalPageSchema = z.object({ items: z.array(approvalSchema), total: z.number().int() });

/** Presents requests with their current round's steps (and the trail when asked), in few queries. */
export async function presentRequests(db: Queryable, ctx: FlowCtx, actor: Actor, rows: repo.RequestRow[], options: { trail: boolean }) {
  const ids = rows.map((r) => r.id);
  const [steps, assignees, trailRows, deals] = await Promise.all([
    repo.stepsOf(db, ids),
    repo.assigneesOf(db, ids),
    options.trail ? repo.trailOf(db, ids) : Promise.resolve([] as repo.TrailRow[]),
    repo.dealTitles(db, rows.map((r) => r.subject_id)),
  ]);
  const delegations = await repo.activeDelegationsFrom(db, [...new Set(assignees.filter((a) => a.status === 'pending').map((a) => a.approver_id))], today(ctx));
  const delegateOf = new Map(delegations.map((d) => [d.owner_id, d.to_user_id]));
  const userIds = [
    ...rows.map((r) => r.owner_id),
    ...assignees.flatMap((a) => [a.approver_id, a.decided_by ?? '']),
    ...delegations.map((d) => d.to_user_id),
    ...trailRows.flatMap((t) => [t.actor_id ?? '', t.on_behalf_of ?? '']),
  ].filter(Boolean);
  const users = new Map((await repo.usersByIds(db, userIds)).map((u) => [u.id, { id: u.id, name: u.display_name }]));
  const ref = (id: string | null) => (id ? (users.get(id) ?? { id, name: id }) : null);
  const titles = new Map(deals.map((d) => [d.id, d.title]));
  const acting = new Set([actor.id, ...delegations.filter((d) => d.to_user_id === actor.id).map((d) => d.owner_id)]);

  return rows.map((r) => {
    const round = steps.filter((s) => s.request_id === r.id && s.round === r.round);
    const presentedSteps = round.map((s) => ({
      id: s.id,
      idx: s.idx,
      name: s.name,
      mode: s.mode as 'any' | 'all',
      status: s.status as z.infer<typeof stepSchema>['status'],
      startedAt: s.started_at,
      remindAt: s.remind_at,
      dueAt: s.due_at,
      completedAt: s.completed_at,
      slaLevel: s.sla_level,
      fallbackUsed: parseJson<{ used?: boolean }>(s.fallback, {}).used === true,
      approvers: assignees
        .filter((a) => a.step_id === s.id)
        .map((a) => {
          const delegateId = a.status === 'pending' && s.status === 'pending' ? (delegateOf.get(a.approver_id) ?? null) : null;
          const actedFor = a.decided_by && a.decided_by !== a.approver_id ? a.decided_by : null;
          const by = actedFor ?? delegateId;
          return {
            user: ref(a.approver_id)!,
            status: a.status as z.infer<typeof approverSchema>['status'],
            decidedBy: ref(a.decided_by),
            delegate: ref(delegateId),
            label: by ? `${ref(by)!.name} 代 ${ref(a.approver_id)!.name} 审批` : null,
            comment: a.comment,
            decidedAt: a.decided_at,
          };
        }),
    }));
    const current = round.find((s) => s.status === 'pending');
    const decide = r.status === 'pending' && !!current && assignees.some((a) => a.step_id === current.id && a.status === 'pending' && acting.has(a.approver_id));
    const anyDecision = assignees.some((a) => round.some((s) => s.id === a.step_id) && (a.status === 'approved' || a.status === 'rejected'));
    const mine = r.owner_id === actor.id;
    return {
      id: r.id,
      kind: r.kind,
      subject: { type: 'deal' as const, id: r.subject_id, title: titles.get(r.subject_id) ?? null },
      requester: ref(r.owner_id)!,
      status: r.status as (typeof STATUSES)[number],
      routeVersion: r.route_version,
      branch: r.branch,
      round: r.round,
      values: parseJson<Record<string, unknown>>(r.values, {}),
      facts: parseJson<z.infer<typeof factsSchema>>(r.facts, {} as never),
      envelope: parseJson<z.infer<typeof envelopeSchema>>(r.envelope, {} as never),
      invalidReason: r.invalid_reason ? parseJson<z.infer<typeof invalidReasonSchema>>(r.invalid_reason, {} as never) : null,
      currentStep: r.current_step,
      steps: presentedSteps,
      ...(options.trail
        ? {
            trail: trailRows
              .filter((t) => t.request_id === r.id)
              .map((t) => ({ id: t.id, stepIdx: t.step_idx, action: t.action, actor: ref(t.actor_id), onBehalfOf: ref(t.on_behalf_of), comment: t.comment, detail: parseJson(t.detail ?? 'null', null), at: t.at })),
          }
        : {}),
      can: { decide, withdraw: mine && r.status === 'pending' && !anyDecision, resubmit: mine && ['draft', 'rejected', 'withdrawn'].includes(r.status) },
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
      ...timestamps(r),
    };
  });
}
