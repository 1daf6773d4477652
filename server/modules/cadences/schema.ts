import { z } from 'zod';
import { coded } from '../../core/validation.js';
import { ACTIVITY_EFFECTS, ACTIVITY_TYPES } from '../activities/effective.js';
import { isoInstant } from '../tasks/schema.js';
import { cadenceKey } from './definition.js';

export { cadenceDefinitionSchema } from './definition.js';
export { yamlBody, yamlText } from '../pipelines/schema.js';

export const startBody = z.object({ cadence: cadenceKey });

export const keyParams = z.object({ key: z.string().min(1).max(64) });

export const statsQuery = z
  .object({ from: isoInstant, to: isoInstant })
  .refine((q) => q.from < q.to, coded('before_start', undefined, ['to']));
export type StatsQuery = z.infer<typeof statsQuery>;

export const stepsQuery = z.object({
  /** A user id, or `me` (default). */
  assigneeId: z.string().min(1).max(64).default('me'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const optOutBody = z.object({ reason: z.string().trim().max(500).optional() });

export const typeParams = z.object({ type: z.enum(ACTIVITY_TYPES, { error: `must be one of ${ACTIVITY_TYPES.join(', ')}` }) });

const itemKey = z.string().max(64).regex(/^[a-z][a-z0-9_]*$/, 'must start with a lowercase letter and use only a-z, 0-9 and _');
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
