import { api, type Page } from '../../api/client';
import type { Attachment } from '../../api/types';

export function listAttachments(entity: string, entityId: string) {
  return api.get<Page<Attachment>>('/api/attachments', { entity, entityId });
}

/** Multipart upload: the text fields come before the file so the server can check them before streaming it. */
export function uploadAttachment(entity: string, entityId: string, kind: string, file: File) {
  const form = new FormData();
  form.append('entity', entity);
  form.append('entityId', entityId);
  form.append('kind', kind);
  form.append('file', file, file.name);
  return api.upload<Attachment>('/api/attachments', form);
}

export const downloadUrl = (a: Attachment) => a.url ?? `/api/attachments/${a.id}/content`;
