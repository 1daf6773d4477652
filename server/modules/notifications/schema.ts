import { z } from 'zod';

export const inboxQuery = z.object({
  /** true = only unread. */
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const OUTBOX_STATUSES = ['pending', 'sent', 'dead'] as const;

export const outboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  kind: z.enum(['wecom', 'dingtalk', 'feishu', 'email', 'sms', 'webhook']).optional(),
  channelId: z.string().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.infer<typeof outboxQuery>;
