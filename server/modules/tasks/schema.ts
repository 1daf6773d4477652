import { z } from 'zod';
import { coded } from '../../core/validation.js';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const TASK_VIEWS = ['today', 'overdue', 'upcoming', 'all'] as const;

/** An ISO-8601 instant with a zone (`Z` or `+08:00`), stored as UTC with milliseconds. */
export const isoInstant = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 instant such as 2026-11-25T10:00:00+08:00' })
  .transform((value) => new Date(value).toISOString());

const id = z.string().min(1).max(64);

export const taskBody = z.object({
  title: z.string().trim().min(1).max(300),
  assigneeId: id.optional(),
  dueAt: isoInstant.nullable().optional(),
  customerId: id.nullable().optional(),
  dealId: id.nullable().optional(),
  status: z.enum(TASK_STATUSES).default('open'),
});
export type TaskBody = z.infer<typeof taskBody>;

export const taskPatch = z
  .object({
    title: z.string().trim().min(1).max(300),
    assigneeId: id,
    dueAt: isoInstant.nullable(),
    customerId: id.nullable(),
    dealId: id.nullable(),
    status: z.enum(TASK_STATUSES),
    /** What completing proves (cadence steps: note, time slots); checked by the registered completion checks. */
    deliverable: z.record(z.string(), z.unknown()),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, coded('empty_change', undefined, ['body']));
export type TaskPatch = z.infer<typeof taskPatch>;

export const taskListQuery = z.object({
  view: z.enum(TASK_VIEWS).default('all'),
  /** A user id, or `me`. */
  assigneeId: id.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  customerId: id.optional(),
  dealId: id.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;
