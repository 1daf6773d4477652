import { z } from 'zod';

export const slaStateQuery = z.object({
  subject: z.enum(['deal', 'task'], { error: 'must be deal or task' }),
  ids: z
    .string({ error: 'is required: comma-separated ids' })
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
    .refine((ids) => ids.length >= 1, { message: 'name at least one id' })
    .refine((ids) => ids.length <= 500, { message: 'at most 500 ids' })
    .refine((ids) => ids.every((id) => id.length <= 64), { message: 'ids are at most 64 characters' }),
});

export const slaStateSchema = z.object({
  state: z.enum(['on_time', 'yellow', 'red']),
  dueAt: z.string().nullable(),
  level: z.number(),
});

export const slaStateResponse = z.object({ items: z.array(z.object({ id: z.string(), sla: slaStateSchema })) });

export const interventionsQuery = z.object({
  status: z.enum(['open', 'resolved', 'all'], { error: 'must be open, resolved or all' }).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type InterventionsQuery = z.infer<typeof interventionsQuery>;

export const resolveBody = z.object({
  note: z.string({ error: 'is required: what you did' }).trim().min(1, 'must not be empty').max(2000, 'at most 2000 characters'),
});
