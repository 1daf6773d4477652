import { z } from 'zod';
import { actionSchema, triggerSchema } from './definition.js';

export { ruleDefinitionSchema } from './definition.js';
export { yamlBody, yamlText } from '../pipelines/schema.js';

/** PATCH: any subset of the definition; the merged rule is validated as a whole. */
export const rulePatchBody = z.strictObject({
  key: z.string().optional(),
  name: z.string().optional(),
  nameEn: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
  trigger: triggerSchema.optional(),
  conditions: z.unknown().optional(),
  actions: z.array(actionSchema).optional(),
});
export type RulePatch = z.infer<typeof rulePatchBody>;

export const ruleListQuery = z.object({
  enabled: z.enum(['true', 'false']).optional(),
  trigger: z.string().max(64).optional(),
});

export const runListQuery = z.object({
  status: z.enum(['running', 'succeeded', 'failed', 'skipped']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
