import type { Selectable } from 'kysely';
import { z } from 'zod';
import { parseJson } from '../../core/json.js';
import type { NotificationsTable, OutboxTable } from '../../db/schema.js';

export const notificationSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    body: z.string(),
    bodyEn: z.string().nullable(),
    link: z.string().nullable().describe('App path such as /deals/<id>'),
    subject: z.object({ type: z.string(), id: z.string() }).nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });

export const inboxSchema = z.object({ items: z.array(notificationSchema), total: z.number().int(), unread: z.number().int() }).meta({ id: 'Inbox' });

export const outboxItemSchema = z
  .object({
    id: z.string(),
    idempotencyKey: z.string(),
    channel: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    kind: z.string(),
    recipient: z.string().nullable(),
    title: z.string().nullable(),
    status: z.enum(['pending', 'sent', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxItem' });

export function presentNotification(row: Selectable<NotificationsTable>): z.infer<typeof notificationSchema> {
  return {
    id: row.id,
    title: row.title,
    titleEn: row.title_en,
    body: row.body,
    bodyEn: row.body_en,
    link: row.link,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    readAt: row.read_at,
    createdAt: row.created_at,
  };
}

/** Admin view of an outbox row: the message's title, never a webhook signature or any channel secret. */
export function presentOutbox(row: Selectable<OutboxTable> & { channel_name: string | null }): z.infer<typeof outboxItemSchema> {
  const payload = parseJson<Record<string, unknown>>(row.payload, {});
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    channel: row.channel_id ? { id: row.channel_id, name: row.channel_name } : null,
    kind: row.kind,
    recipient: row.recipient,
    title: typeof payload.title === 'string' ? payload.title : typeof payload.event === 'string' ? payload.event : null,
    status: row.status as z.infer<typeof outboxItemSchema>['status'],
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
