import { z } from 'zod';
import { routeKind } from './definition.js';
import { requestValuesSchema } from './facts.js';

export const STATUSES = ['draft', 'pending', 'approved', 'rejected', 'withdrawn'] as const;

export const submitBody = z.strictObject({
  kind: routeKind,
  subject: z.strictObject({
    type: z.literal('deal', { error: 'must be deal' }),
    id: z.string({ error: 'must be the deal id' }).min(1, 'must not be empty').max(64),
  }),
  values: requestValuesSchema.default({ documentDiscountFen: 0 }),
});
export type SubmitInput = z.output<typeof submitBody>;

export const decisionBody = z
  .strictObject({
    decision: z.enum(['approve', 'reject'], { error: 'must be approve or reject' }),
    comment: z.string({ error: 'must be text' }).max(2000, 'must be at most 2000 characters').optional(),
  })
  .superRefine((d, ctx) => {
    // A rejection must tell the requester what to change.
    if (d.decision === 'reject' && !d.comment?.trim()) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'is required when rejecting' });
  });
export type DecisionInput = z.output<typeof decisionBody>;

export const withdrawBody = z.strictObject({ comment: z.string({ error: 'must be text' }).max(2000).optional() }).default({});
export const resubmitBody = z.strictObject({ values: requestValuesSchema.optional() }).default({});

export const listQuery = z.object({
  status: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` }).optional(),
  assignee: z.enum(['me'], { error: 'must be me' }).optional(),
  requester: z.enum(['me'], { error: 'must be me' }).optional(),
  kind: routeKind.optional(),
  dealId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.output<typeof listQuery>;

export const exportQuery = listQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx'], { error: 'must be csv or xlsx' }).default('csv'),
});
export type ExportQuery = z.output<typeof exportQuery>;

export const delegationBody = z
  .strictObject({
    toUserId: z.string({ error: 'must be a user id' }).min(1).max(64),
    startsOn: z.iso.date({ error: 'must be a valid date YYYY-MM-DD' }),
    endsOn: z.iso.date({ error: 'must be a valid date YYYY-MM-DD' }),
    note: z.string({ error: 'must be text' }).max(500).optional(),
  })
  .refine((d) => d.startsOn <= d.endsOn, { path: ['endsOn'], message: 'must not be before startsOn' });
export type DelegationInput = z.output<typeof delegationBody>;

export const kindParams = z.object({ kind: routeKind });
export const migrateBody = z.strictObject({
  ids: z.array(z.string().min(1).max(64)).min(1, 'name at least one request').max(200, 'at most 200 requests'),
});
