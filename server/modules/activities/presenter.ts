import { z } from 'zod';
import { userRef } from '../../core/contract.js';
import { parseJson } from '../../core/json.js';
import { taskSchema } from '../tasks/presenter.js';
import { ACTIVITY_EFFECTS, ACTIVITY_TYPES, EFFECTIVE_REASONS, type ActivityType } from './effective.js';
import { checklistBody } from './schema.js';
import type { ActivityRow } from './repo.js';

export const activitySchema = z
  .object({
    id: z.string(),
    type: z.enum(ACTIVITY_TYPES),
    occurredAt: z.string(),
    customerId: z.string(),
    customer: z.object({ id: z.string(), name: z.string() }),
    dealId: z.string().nullable(),
    deal: z.object({ id: z.string(), title: z.string() }).nullable(),
    ownerId: z.string(),
    owner: userRef,
    contactIds: z.array(z.string()),
    summary: z.string(),
    outcome: z.string().nullable(),
    nextAction: z.string().nullable(),
    nextActionAt: z.string().nullable(),
    effective: z.boolean(),
    /** Action tags (动作标签). */
    tags: z.array(z.string()),
    custom: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: 'Activity' });

/** The answers given with an activity of a type that has a checklist (动作锁). */
export const activityChecklistSchema = z
  .looseObject({ complete: z.boolean(), answers: z.record(z.string(), z.unknown()) })
  .meta({ id: 'ActivityChecklistAnswers' });

export const checklistConfigSchema = z
  .object({ type: z.string(), mode: checklistBody.shape.mode, items: checklistBody.shape.items, updatedAt: z.string().nullable() })
  .meta({ id: 'ActivityChecklist' });

export const effectRuleSchema = z
  .object({ counts: z.array(z.enum(ACTIVITY_EFFECTS)), updatedAt: z.string().nullable() })
  .meta({ id: 'EffectRule' });

export const storedChecklistAnswersSchema = z.object({
  checklist: z
    .object({ activityId: z.string(), type: z.string(), complete: z.boolean(), answers: z.record(z.string(), z.unknown()) })
    .nullable(),
});

/** A logged activity with how it was classified and the follow-up task its next action created. */
export const loggedActivitySchema = activitySchema
  .extend({
    effect: z.enum(ACTIVITY_EFFECTS),
    effectiveReason: z.enum(EFFECTIVE_REASONS).describe('why it counts as effective or what would make it count (needs_next_action: add a next action)'),
    dealLink: z.enum(['given', 'auto', 'ask', 'none']).describe('auto: linked to the customer\'s only open deal; ask: several open deals, see openDeals'),
    openDeals: z.array(z.object({ id: z.string(), title: z.string(), stageKey: z.string() })),
    task: taskSchema.nullable(),
    checklist: activityChecklistSchema.optional(),
  })
  .meta({ id: 'LoggedActivity' });

export function presentActivity(row: ActivityRow, tags: string[] = []): z.infer<typeof activitySchema> {
  return {
    id: row.id,
    type: row.type as ActivityType,
    occurredAt: row.occurred_at,
    customerId: row.customer_id,
    customer: { id: row.customer_id, name: row.customer_name },
    dealId: row.deal_id,
    deal: row.deal_id ? { id: row.deal_id, title: row.deal_title ?? '' } : null,
    ownerId: row.owner_id,
    owner: { id: row.owner_id, name: row.owner_name },
    contactIds: parseJson<string[]>(row.contact_ids, []),
    summary: row.summary,
    outcome: row.outcome,
    nextAction: row.next_action,
    nextActionAt: row.next_action_at,
    effective: row.effective === 1,
    tags,
    custom: parseJson<Record<string, unknown>>(row.custom, {}),
    createdAt: row.created_at,
  };
}

export const activityTagSchema = z
  .object({ key: z.string(), label: z.string(), labelEn: z.string().nullable(), suggestion: z.string().nullable(), suggestionEn: z.string().nullable(), active: z.boolean(), sort: z.number().int(), category: z.enum(['action', 'need']).describe('action: what was done; need: a customer need / pain point (action consistency compares these)') })
  .meta({ id: 'ActivityTag' });
