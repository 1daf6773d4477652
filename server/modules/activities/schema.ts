import { cursorQuery } from '../../core/paging.js';
import { z } from 'zod';
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
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  exactTotal: cursorQuery.exactTotal,
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;
