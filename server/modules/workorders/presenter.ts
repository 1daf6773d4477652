/** Output shapes of work orders, types and assist points (users as `{ id, name }`). */
import { z } from 'zod';
import { userRef, timestamps } from '../../core/contract.js';
import { parseJson } from '../../core/json.js';
import type { BusinessCalendar } from '../calendar/hours.js';
import { orderSla, STATUSES, type OrderSla } from './clocks.js';
import { LADDER_RECIPIENTS, type StoredTypeDefinition } from './definition.js';
import type { OrderRow } from './repo.js';
import { SUBJECT_TYPES } from './schema.js';

const slaStatus = z.enum(['running', 'paused', 'hit', 'missed']);

export const workOrderSlaSchema = z
  .object({
    response: z.object({ dueAt: z.string().nullable(), status: slaStatus, warning: z.boolean().describe('Past the warning share, still running') }),
    resolution: z.object({
      dueAt: z.string().nullable().describe('Null while paused: the due instant depends on when it resumes'),
      status: slaStatus,
      warning: z.boolean(),
      requesterWaitingMinutes: z.number().int().describe('Business minutes the order waited for the requester (待销售补充)'),
    }),
    firstResolution: z.object({ dueAt: z.string().nullable(), status: slaStatus.nullable(), at: z.string().nullable() }).describe('Kept when the order is reopened'),
  })
  .meta({ id: 'WorkOrderSla' });

export const workOrderSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    status: z.enum(STATUSES),
    type: z.object({ id: z.string(), key: z.string(), name: z.string(), nameEn: z.string().nullable(), version: z.number().int() }),
    subject: z.object({ type: z.enum(SUBJECT_TYPES), id: z.string(), title: z.string() }),
    customer: z.object({ id: z.string(), name: z.string() }).nullable(),
    requester: userRef,
    assignee: userRef.nullable(),
    queue: z.object({ id: z.string(), name: z.string() }),
    sla: workOrderSlaSchema,
    rating: z.number().int().nullable(),
    ratingComment: z.string().nullable(),
    reopenCount: z.number().int(),
    respondedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    link: z.string(),
  })
  .meta({ id: 'WorkOrder' });
export type WorkOrderView = z.infer<typeof workOrderSchema>;

export const historyEntrySchema = z.object({
  seq: z.number().int(),
  from: z.string().nullable(),
  status: z.string(),
  assignee: userRef.nullable(),
  actor: userRef.nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const commentSchema = z.object({ id: z.string(), author: userRef, body: z.string(), createdAt: z.string() }).meta({ id: 'WorkOrderComment' });

export const workOrderDetailSchema = workOrderSchema
  .extend({
    history: z.array(historyEntrySchema),
    comments: z.array(commentSchema),
    escalations: z.array(z.object({ level: z.number().int(), dueAt: z.string(), firedAt: z.string(), recipients: z.array(z.string()) })),
    points: z.array(z.object({ id: z.string(), ruleKey: z.string(), helperId: z.string(), kind: z.enum(['grant', 'reversal']), points: z.number().int(), at: z.string() })),
  })
  .meta({ id: 'WorkOrderDetail' });

/** What the clocks need from a stored order: its recorded stops and the pinned type's targets. */
export function orderClockInput(row: OrderRow, def: StoredTypeDefinition, history: ReadonlyArray<{ status: string; at: string }>) {
  return {
    createdAt: row.created_at,
    status: row.status,
    response: def.response,
    resolution: def.resolution,
    warnShare: def.warnShare,
    history,
    respondedAt: row.responded_at,
    responseDueAt: row.response_due_at,
    responseOutcome: row.response_outcome,
    resolvedAt: row.resolved_at,
    resolutionDueAt: row.resolution_due_at,
    resolutionOutcome: row.resolution_outcome,
    firstResolvedAt: row.first_resolved_at,
    firstResolutionDueAt: row.first_resolution_due_at,
    firstResolutionOutcome: row.first_resolution_outcome,
    waitingMs: row.waiting_ms,
  };
}

export function presentOrder(row: OrderRow, calendar: BusinessCalendar, history: ReadonlyArray<{ status: string; at: string }>, now: Date): WorkOrderView {
  const def = parseJson<StoredTypeDefinition>(row.type_definition, null as never);
  const sla: OrderSla = orderSla(calendar, orderClockInput(row, def, history), now);
  const subjectTitle = row.subject_type === 'deal' ? (row.deal_title ?? '') : row.subject_type === 'contract' ? (row.contract_number ?? '') : (row.customer_name ?? '');
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status as WorkOrderView['status'],
    type: { id: row.type_id, key: row.type_key, name: def.name ?? row.type_name, nameEn: def.nameEn ?? row.type_name_en, version: row.type_version },
    subject: { type: row.subject_type as (typeof SUBJECT_TYPES)[number], id: row.subject_id, title: subjectTitle },
    customer: row.customer_name !== null ? { id: row.customer_id, name: row.customer_name } : null,
    requester: { id: row.requester_id, name: row.requester_name },
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    queue: { id: row.queue_team_id, name: row.queue_name },
    sla,
    rating: row.rating,
    ratingComment: row.rating_comment,
    reopenCount: row.reopen_count,
    respondedAt: row.responded_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    ...timestamps(row),
    link: `/work-orders/${row.id}`,
  };
}

const ladderLevelOut = z.object({ clock: z.enum(['response', 'resolution']), at: z.number(), notify: z.array(z.enum(LADDER_RECIPIENTS)) });

export const workOrderTypeSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    team: z.object({ id: z.string(), name: z.string() }),
    response: z.string(),
    resolution: z.string(),
    warnShare: z.number(),
    escalation: z.array(ladderLevelOut),
    active: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WorkOrderType' });

export function presentType(row: { id: string; key: string; name: string; name_en: string | null; team_id: string; team_name: string; active: number; version: number; definition: string; updated_at: string }) {
  const def = parseJson<StoredTypeDefinition>(row.definition, null as never);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    nameEn: row.name_en,
    team: { id: row.team_id, name: row.team_name },
    response: def.response,
    resolution: def.resolution,
    warnShare: def.warnShare,
    escalation: def.escalation,
    active: row.active === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export const pointEntrySchema = z
  .object({
    id: z.string(),
    order: z.object({ id: z.string(), title: z.string() }),
    ruleKey: z.string(),
    kind: z.enum(['grant', 'reversal']),
    points: z.number().int(),
    reversesId: z.string().nullable(),
    ruleSetVersion: z.number().int(),
    at: z.string(),
  })
  .meta({ id: 'AssistPointEntry' });

export const pointsAnswerSchema = z.object({ userId: z.string(), month: z.string(), total: z.number().int(), entries: z.array(pointEntrySchema) }).meta({ id: 'AssistPoints' });

export const leaderboardSchema = z
  .object({
    month: z.string(),
    teams: z.array(z.object({ team: z.object({ id: z.string(), name: z.string() }), entries: z.array(z.object({ rank: z.number().int(), user: userRef, total: z.number().int() })) })),
  })
  .meta({ id: 'AssistLeaderboard' });

export const ruleSetOutSchema = z
  .object({
    version: z.number().int(),
    effectiveFrom: z.string(),
    rules: z.array(z.looseObject({ key: z.string(), kind: z.string(), points: z.number().int() })),
    caps: z.object({ perOrder: z.number().int().nullable(), perHelperWeek: z.number().int().nullable() }),
    createdAt: z.string().nullable(),
  })
  .meta({ id: 'AssistRuleSet' });
