import { z } from 'zod';
import { userRef } from '../../core/contract.js';

export const interventionSchema = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'resolved']),
    level: z.number().int(),
    subject: z.object({ type: z.string(), id: z.string(), title: z.string().nullable(), link: z.string() }),
    owner: userRef.nullable().describe('Owner of the deal or assignee of the task'),
    stageKey: z.string().nullable(),
    kind: z.string(),
    colour: z.string(),
    stillEscalating: z.boolean().describe('Whether the clock behind it still runs (false once the deal moved on or the task was done)'),
    note: z.string().nullable(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .meta({ id: 'Intervention' });

export const interventionPageSchema = z.object({ items: z.array(interventionSchema), total: z.number().int(), open: z.number().int().describe('My open interventions') });

export const resolvedInterventionSchema = z.object({
  id: z.string(),
  status: z.literal('resolved'),
  note: z.string(),
  resolvedAt: z.string(),
  resolvedBy: z.string(),
});

export function presentIntervention(r: {
  id: string;
  status: string;
  level: number | string;
  subject_type: string;
  subject_id: string;
  deal_title: string | null;
  task_title: string | null;
  owner_id: string | null;
  owner_name: string | null;
  stage_key: string | null;
  kind: string;
  colour: string;
  timer_status: string;
  note: string | null;
  created_at: string;
  resolved_at: string | null;
}): z.infer<typeof interventionSchema> {
  return {
    id: r.id,
    status: r.status as 'open' | 'resolved',
    level: Number(r.level),
    subject: { type: r.subject_type, id: r.subject_id, title: r.deal_title ?? r.task_title ?? null, link: r.subject_type === 'deal' ? `/deals/${r.subject_id}` : `/tasks/${r.subject_id}` },
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    stageKey: r.stage_key,
    kind: r.kind,
    colour: r.colour,
    stillEscalating: r.timer_status !== 'cancelled',
    note: r.note,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  };
}
