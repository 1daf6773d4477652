import { cursorQuery } from '../../core/paging.js';
import { z } from 'zod';
import { coded, formatMessage } from '../../core/validation.js';
import { isoInstant } from '../tasks/schema.js';
import { ACTIVITY_EFFECTS, ACTIVITY_TYPES } from './effective.js';

const id = z.string().min(1).max(64);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const activityBody = z
  .object({
    type: z.enum(ACTIVITY_TYPES).default('other'),
    occurredAt: isoInstant.optional(),
    customerId: id,
    dealId: id.nullable().optional(),
    contactIds: z.array(id).max(50).default([]),
    /** 进展: what happened. */
    summary: z.string().trim().min(1).max(5000),
    outcome: optionalText(2000),
    nextAction: optionalText(300),
    nextActionAt: isoInstant.nullable().optional(),
    effect: z.enum(ACTIVITY_EFFECTS).optional(),
    /** Action tags (动作标签, GET /api/activity-tags): what exactly was done, e.g. price_confirmation. */
    tags: z.array(z.string().min(1).max(64)).max(10).optional(),
    custom: z.record(z.string(), z.unknown()).optional(),
    /** Answers to the type's checklist (动作锁): item key → true, or { done, note }. */
    checklist: z.record(z.string(), z.union([z.boolean(), z.object({ done: z.boolean(), note: z.string().trim().max(500).optional() })])).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.nextActionAt && !body.nextAction) {
      ctx.addIssue({ code: 'custom', path: ['nextAction'], message: 'say what the next action is when giving its date' });
    }
  });
export type ActivityBody = z.infer<typeof activityBody>;

export const activityListQuery = z.object({
  customerId: id.optional(),
  dealId: id.optional(),
  ownerId: id.optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  tag: z.string().min(1).max(64).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  exactTotal: cursorQuery.exactTotal,
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

// Activity checklists (动作锁) and the effective-interaction rule, kept beside the activity log they govern.
export const typeParams = z.object({ type: z.enum(ACTIVITY_TYPES, { error: `must be one of ${ACTIVITY_TYPES.join(', ')}` }) });

const itemKey = z.string().max(64).regex(/^[a-z][a-z0-9_]*$/, formatMessage('key_format'));
export const checklistBody = z
  .object({
    /** off: no checklist; require: refuse the activity until complete (动作锁); count: accept, effective only when complete. */
    mode: z.enum(['off', 'require', 'count']),
    items: z
      .array(
        z.object({
          key: itemKey,
          label: z.string().trim().min(1).max(100),
          labelEn: z.string().trim().max(100).optional(),
          hint: z.string().trim().max(500).optional(),
          hintEn: z.string().trim().max(500).optional(),
        }),
      )
      .max(20),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'key'], ...coded('duplicate') });
      seen.add(item.key);
    });
    if (body.mode !== 'off' && body.items.length === 0) ctx.addIssue({ code: 'custom', path: ['items'], message: 'give at least one item, or set mode off' });
  });
export type ChecklistBody = z.infer<typeof checklistBody>;

export const effectiveRuleBody = z.object({
  /** Which effects make an activity count as effective (有效互动). */
  counts: z
    .array(z.enum(ACTIVITY_EFFECTS.filter((e) => e !== 'none') as ['delivered_info', 'probed_need', 'advanced_decision']))
    .max(3)
    .refine((a) => new Set(a).size === a.length, { message: 'list each effect once' }),
});

export const tagKeyParams = z.object({ key: itemKey });
export const tagBody = z.object({
  label: z.string().trim().min(1).max(50),
  labelEn: z.string().trim().max(50).nullable().optional(),
  /** The advice shown when a pattern asks for this action. */
  suggestion: z.string().trim().max(200).nullable().optional(),
  suggestionEn: z.string().trim().max(200).nullable().optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
  /** `need`: a customer need / pain point (compared by action consistency); default `action`. */
  category: z.enum(['action', 'need']).optional(),
});
export const tagListQuery = z.object({ all: z.enum(['true', 'false']).optional() });
