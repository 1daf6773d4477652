import { formatMessage } from '../../core/validation.js';
import { z } from 'zod';

import { ATTACHMENT_KINDS, type AttachmentKind } from '../../core/entities.js';

/** Record kinds that take attachments: the registry's decision (core/entities.ts). */
export const ATTACHMENT_ENTITIES = ATTACHMENT_KINDS;
export type AttachmentEntity = AttachmentKind;

const entityId = z.string().min(1).max(64);

/** The text fields of the multipart upload (the file itself travels in the part named `file`). */
export const uploadFields = z.object({
  entity: z.enum(ATTACHMENT_ENTITIES),
  entityId,
  /** Evidence kind that stage gates count, e.g. `trial_agreement`; `other` when not evidence. */
  kind: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z][a-z0-9_]*$/, formatMessage('key_format'))
    .default('other'),
});
export type UploadFields = z.infer<typeof uploadFields>;

export const attachmentListQuery = z.object({ entity: z.enum(ATTACHMENT_ENTITIES), entityId });
