import { commandIn } from '../../core/command.js';
import type { Readable } from 'node:stream';
import type { Queryable } from '../../db/index.js';
import { AppError, invalid, notFound, type FieldError } from '../../core/errors.js';
import { fieldErrorsOf } from '../../core/validation.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { scopeOf, type Actor } from '../org/scope.js';
import { hooksOf } from '../../core/hooks.js';
import * as repo from './repo.js';
import { uploadFields, type AttachmentEntity } from './schema.js';
import { commitTemp, discardTemp, openContent, writeTemp, type TempFile } from './store.js';
import { cleanFilename, detectFileType } from './types.js';

type FileDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** One part of a multipart body, as @fastify/multipart yields them (kept structural so the service knows no HTTP). */
export type UploadPart =
  | { type: 'file'; fieldname: string; filename: string; file: Readable & { truncated?: boolean } }
  | { type: 'field'; fieldname: string; value: unknown; valueTruncated?: boolean };

/**
 * Whether someone outside a record's owner scope takes part in it (a work order's helper, who may sit in another
 * department than the requester): the module owning the record answers (issue 9).
 */
export type ParticipantCheck = (db: Queryable, actor: Actor, entity: AttachmentEntity, entityId: string) => Promise<boolean>;

declare module '../../core/hooks.js' {
  interface HookMap {
    'files.participantCheck': ParticipantCheck;
  }
}

/** The caller may read and attach to the record: it is in their scope, or they take part in it. */
async function mayUse(db: Queryable, actor: Actor, entity: AttachmentEntity, entityId: string): Promise<boolean> {
  if (await repo.ownerInScope(db, scopeOf(actor), entity, entityId)) return true;
  for (const check of hooksOf('files.participantCheck')) if (await check(db, actor, entity, entityId)) return true;
  return false;
}

async function assertOwnerInScope(db: Queryable, actor: Actor, entity: AttachmentEntity, entityId: string) {
  if (!(await mayUse(db, actor, entity, entityId))) {
    throw new AppError('NOT_FOUND', 'not_found', { params: { what: 'Record' }, fields: [{ field: 'entityId', code: 'not_found_record', params: { entity } }] });
  }
}

const tooLarge = (limit: number) =>
  new AppError('PAYLOAD_TOO_LARGE', undefined, { fields: [{ field: 'file', code: 'file_too_large', params: { max: limit } }] });

/**
 * Stores an upload: stream to a temp file (hashing on the way), check fields, scope, size and type, rename to the
 * content address, then insert the row and its audit entry in one transaction. Any refusal removes the temp file.
 */
export async function uploadAttachment(deps: FileDeps, actor: Actor, parts: AsyncIterable<UploadPart>) {
  const { db, clock, config } = deps;
  const raw: Record<string, string> = {};
  let temp: TempFile | null = null;
  let originalName = '';
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw invalid(part.fieldname, 'too_long', { max: 4096 });
        raw[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file' || temp) {
        part.file.resume();
        throw invalid('file', 'file_missing');
      }
      originalName = part.filename;
      temp = await writeTemp(config.filesDir, part.file);
      if (part.file.truncated || temp.size > config.maxUploadBytes) throw tooLarge(config.maxUploadBytes);
    }
    const parsed = uploadFields.safeParse(raw);
    const problems: FieldError[] = parsed.success ? [] : fieldErrorsOf(parsed.error.issues, '', raw);
    if (!temp) problems.push({ field: 'file', code: 'required' });
    if (!parsed.success || !temp) {
      throw new AppError('VALIDATION_FAILED', undefined, { fields: problems });
    }
    const fields = parsed.data;
    await assertOwnerInScope(db, actor, fields.entity, fields.entityId);
    if (temp.size === 0) throw invalid('file', 'file_empty');
    const filename = cleanFilename(originalName);
    const detected = detectFileType(filename, temp.head);
    if (!detected.ok) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, { fields: [{ field: 'file', code: 'file_type', detail: detected.reason }] });
    }
    const stored = temp;
    await commitTemp(config.filesDir, stored);
    temp = null;
    return await db.transaction().execute(async (trx) => {
      const id = newId();
      await repo.insertAttachment(trx, {
        id,
        entity: fields.entity,
        entity_id: fields.entityId,
        kind: fields.kind,
        filename,
        mime: detected.type.mime,
        size: stored.size,
        sha256: stored.sha256,
        uploaded_by: actor.id,
        created_at: clock.now().toISOString(),
      });
      const attachment = (await repo.findAttachment(trx, id))!;
      await commandIn(trx, clock, { entity: 'attachment', actorId: actor.id }).recorded(id, 'create', { after: { entity: attachment.entity, entityId: attachment.entityId, kind: attachment.kind, filename, mime: attachment.mime, size: attachment.size, sha256: attachment.sha256 } });
      return attachment;
    });
  } finally {
    await discardTemp(temp);
  }
}

export async function listAttachments(db: Queryable, actor: Actor, entity: AttachmentEntity, entityId: string) {
  await assertOwnerInScope(db, actor, entity, entityId);
  const items = await repo.listAttachments(db, entity, entityId);
  return { items, total: items.length };
}

/** The attachment and a stream of its bytes, only if the reader's scope covers the owning record (404 otherwise). */
export async function openAttachment(deps: FileDeps, actor: Actor, id: string) {
  const attachment = await repo.findAttachment(deps.db, id);
  if (!attachment || !(await mayUse(deps.db, actor, attachment.entity, attachment.entityId))) {
    throw notFound('Attachment');
  }
  return { attachment, stream: openContent(deps.config.filesDir, attachment.sha256) };
}
