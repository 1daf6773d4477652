import { presentAttachment } from './presenter.js';
import type { Queryable } from '../../db/index.js';
import type { AttachmentsTable } from '../../db/schema.js';
import { placeOf } from '../org/record-scope.js';
import { inScope, type Scope } from '../org/scope.js';
import type { AttachmentEntity } from './schema.js';

/** Whether the record an attachment hangs on exists and is inside the scope (deleted customers count as gone). */
export async function ownerInScope(db: Queryable, scope: Scope, entity: AttachmentEntity, id: string): Promise<boolean> {
  const place = await placeOf(db, entity, id, { live: true });
  return place !== null && place !== 'config' && inScope(scope, place);
}

export async function insertAttachment(db: Queryable, row: AttachmentsTable) {
  await db.insertInto('attachments').values(row).execute();
}

const columns = [
  'attachments.id',
  'attachments.entity',
  'attachments.entity_id',
  'attachments.kind',
  'attachments.filename',
  'attachments.mime',
  'attachments.size',
  'attachments.sha256',
  'attachments.uploaded_by',
  'attachments.created_at',
  'users.display_name as uploader_name',
] as const;

export async function listAttachments(db: Queryable, entity: string, entityId: string) {
  const rows = await db
    .selectFrom('attachments')
    .leftJoin('users', 'users.id', 'attachments.uploaded_by')
    .select(columns)
    .where('attachments.entity', '=', entity)
    .where('attachments.entity_id', '=', entityId)
    .orderBy('attachments.created_at', 'desc')
    .orderBy('attachments.id')
    .execute();
  return rows.map(presentAttachment);
}

export async function findAttachment(db: Queryable, id: string) {
  const row = await db.selectFrom('attachments').leftJoin('users', 'users.id', 'attachments.uploaded_by').select(columns).where('attachments.id', '=', id).executeTakeFirst();
  return row ? presentAttachment(row) : undefined;
}

export type AttachmentRow = Omit<AttachmentsTable, never> & { uploader_name: string | null };

