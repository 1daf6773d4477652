import { z } from 'zod';
import { userRef } from '../../core/contract.js';
import type { AttachmentRow } from './repo.js';
import { ATTACHMENT_ENTITIES, type AttachmentEntity } from './schema.js';

export const attachmentSchema = z
  .object({
    id: z.string(),
    entity: z.enum(ATTACHMENT_ENTITIES),
    entityId: z.string(),
    kind: z.string(),
    filename: z.string(),
    mime: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: userRef,
    createdAt: z.string(),
    url: z.string().describe('Download path of the content'),
  })
  .meta({ id: 'Attachment' });

export function presentAttachment(row: AttachmentRow): z.infer<typeof attachmentSchema> {
  return {
    id: row.id,
    entity: row.entity as AttachmentEntity,
    entityId: row.entity_id,
    kind: row.kind,
    filename: row.filename,
    mime: row.mime,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: { id: row.uploaded_by, name: row.uploader_name ?? '' },
    createdAt: row.created_at,
    url: `/api/attachments/${row.id}/content`,
  };
}
