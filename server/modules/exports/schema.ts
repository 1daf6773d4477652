import { z } from 'zod';
import { calendarDate } from '../../core/dates.js';

export const LIST_EXPORTS = ['deals', 'customers', 'activities', 'tasks'] as const;
export type ListExportName = (typeof LIST_EXPORTS)[number];

const id = z.string().min(1).max(64);
const text = z.string().min(1).max(100);

export const listExportParams = z.object({ list: z.enum(LIST_EXPORTS) });

/** Filters of the list exports (those a list does not have are ignored). */
export const listExportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  q: z.string().trim().min(1).max(100).optional().describe('customers, deals: the list search (names, phones, credit codes, contacts; deal titles)'),
  kind: z.enum(['company', 'person']).optional().describe('customers'),
  pipelineId: id.optional(),
  stage: z.string().max(64).optional(),
  status: z.string().max(20).optional(),
  ownerId: id.optional().describe('owner (deals, customers, activities) or assignee (tasks)'),
  customerId: id.optional(),
  dealId: id.optional().describe('activities'),
  teamId: id.optional(),
  industry: text.optional(),
  level: text.optional(),
  region: text.optional(),
  source: text.optional(),
  from: calendarDate.optional().describe('activities: first local date'),
  to: calendarDate.optional().describe('activities: last local date, inclusive'),
});
export type ListExportQuery = z.infer<typeof listExportQuery>;
