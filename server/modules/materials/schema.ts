import { z } from 'zod';
import { isoInstant } from '../tasks/schema.js';
import { coded, formatMessage } from '../../core/validation.js';

const id = z.string().min(1).max(64);

export const materialLinkBody = z
  .object({
    /** An uploaded file (proposal PDF, price sheet) the customer may open without a login… */
    attachmentId: id.optional(),
    /** …or a web address (a case video) the link redirects to. */
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(2000).optional(),
    customerId: id,
    /** The activity the material was sent with: its timeline shows the opens. */
    activityId: id.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    expiresAt: isoInstant,
  })
  .superRefine((body, ctx) => {
    if (!!body.attachmentId === !!body.url) ctx.addIssue({ code: 'custom', path: ['attachmentId'], ...coded('material_source') });
  });
export type MaterialLinkBody = z.infer<typeof materialLinkBody>;

export const materialLinkQuery = z
  .object({ customerId: id.optional(), activityId: id.optional() })
  .refine((q) => !!q.customerId || !!q.activityId, { message: 'give customerId or activityId', path: ['customerId'] });

export const tokenParams = z.object({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/, formatMessage('token_format')) });

export const beaconBody = z.object({ b: z.string().min(20).max(100), ms: z.number().int().min(0).max(24 * 3600_000) });
