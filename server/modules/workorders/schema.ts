/** Input schemas of the work-order and assist-point routes. */
import { z } from 'zod';
import { coded, formatMessage } from '../../core/validation.js';
import { STATUSES } from './clocks.js';

/** What an order is about: a customer, a deal, or a contract (e.g. a delivery or an invoice question on it). */
export const SUBJECT_TYPES = ['customer', 'deal', 'contract'] as const;

const id = z.string().min(1).max(64);

export const orderBody = z.strictObject({
  /** The type's key or id. */
  type: z.string().min(1).max(64),
  subject: z.strictObject({ type: z.enum(SUBJECT_TYPES), id }),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).optional(),
  assigneeId: id.optional(),
});
export type OrderBody = z.infer<typeof orderBody>;

export const orderPatch = z
  .strictObject({
    status: z.enum(STATUSES),
    assigneeId: id,
    /** Said with a status change (why it waits, what was done); kept in the history. */
    note: z.string().trim().max(2000),
    rating: z.number().int().min(1).max(5),
    ratingComment: z.string().trim().max(1000),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, coded('empty_change', undefined, ['body']));
export type OrderPatch = z.infer<typeof orderPatch>;

export const orderListQuery = z.object({
  /** mine: I requested; assigned: assigned to me; queue: my queue (assigned to me or unassigned in my team). */
  view: z.enum(['all', 'mine', 'assigned', 'queue']).default('all'),
  status: z.string().max(200).optional().describe('Comma-separated statuses; `active` = every status but resolved and closed'),
  subjectType: z.enum(SUBJECT_TYPES).optional(),
  subjectId: id.optional(),
  type: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OrderListQuery = z.infer<typeof orderListQuery>;

export const commentBody = z.strictObject({ body: z.string().trim().min(1).max(5000) });

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, formatMessage('month_format'));

export const pointsQuery = z.object({ userId: z.string().min(1).max(64).optional().describe('A user id or `me` (default)'), month: month.optional() });
export const leaderboardQuery = z.object({ month: month.optional(), teamId: id.optional() });

export const typeListQuery = z.object({ active: z.enum(['true', 'false']).optional() });
