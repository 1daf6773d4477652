import { z } from 'zod';
import { coded } from '../../core/validation.js';
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
