import { z } from 'zod';
import { userRef, timestamps } from '../../core/contract.js';
import { taskBucket, type DayBounds } from './days.js';
import type { TaskRow } from './repo.js';
import { TASK_STATUSES } from './schema.js';

export const taskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(TASK_STATUSES),
    dueAt: z.string().nullable(),
    bucket: z.enum(['overdue', 'today', 'upcoming']).nullable().describe('Open tasks by the org time-zone day of dueAt'),
    completedAt: z.string().nullable(),
    assigneeId: z.string(),
    assignee: userRef,
    customerId: z.string().nullable(),
    customer: z.object({ id: z.string(), name: z.string() }).nullable(),
    dealId: z.string().nullable(),
    deal: z.object({ id: z.string(), title: z.string() }).nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Task' });

export function presentTask(row: TaskRow, bounds: DayBounds): z.infer<typeof taskSchema> {
  return {
    id: row.id,
    title: row.title,
    status: row.status as (typeof TASK_STATUSES)[number],
    dueAt: row.due_at,
    bucket: taskBucket({ status: row.status, dueAt: row.due_at }, bounds),
    completedAt: row.completed_at,
    assigneeId: row.assignee_id,
    assignee: { id: row.assignee_id, name: row.assignee_name },
    customerId: row.customer_id,
    customer: row.customer_id ? { id: row.customer_id, name: row.customer_name ?? '' } : null,
    dealId: row.deal_id,
    deal: row.deal_id ? { id: row.deal_id, title: row.deal_title ?? '' } : null,
    createdBy: row.created_by,
    ...timestamps(row),
  };
}
