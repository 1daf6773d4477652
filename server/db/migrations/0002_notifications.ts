import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/** Notification engine: channels (robots, SMTP, SMS), the durable outbox, the in-app inbox, rate-limit slots, SMS log. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const text = 'text' as const;

  await db.schema
    .createTable('channels')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull()) // wecom | dingtalk | feishu | email | sms
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('team_id', text, (c) => c.references('teams.id'))
    .addColumn('settings', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('secrets', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('rate_per_minute', 'integer')
    .addColumn('rate_per_second', 'integer')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('idempotency_key', text, (c) => c.notNull().unique())
    .addColumn('channel_id', text, (c) => c.references('channels.id'))
    .addColumn('kind', text, (c) => c.notNull()) // wecom | dingtalk | feishu | email | sms | webhook
    .addColumn('recipient', text, (c) => c.notNull())
    .addColumn('payload', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull()) // pending | sent | dead
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', text, (c) => c.notNull())
    .addColumn('last_error', text)
    .addColumn('claimed_by', text)
    .addColumn('claimed_until', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('sent_at', text)
    .execute();
  // The dispatcher's claim scans pending rows by due time; the dead-letter list filters by status.
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('title_en', text)
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('body_en', text)
    .addColumn('link', text)
    .addColumn('subject_type', text)
    .addColumn('subject_id', text)
    .addColumn('read_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('idempotency_key', text, (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

  // One row per enqueueNotification request key, so a repeated request creates nothing even if channels changed since.
  await db.schema
    .createTable('notification_requests')
    .addColumn('idempotency_key', text, (c) => c.primaryKey())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  // Sliding-window rate limiting: one row per request sent to a channel.
  await db.schema
    .createTable('channel_sends')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('channel_id', text, (c) => c.notNull().references('channels.id'))
    .addColumn('sent_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channel_sends_window').on('channel_sends').columns(['channel_id', 'sent_at']).execute();

  // What the built-in "log" SMS provider sent (development, demos, tests).
  await db.schema
    .createTable('sms_log')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('channel_id', text)
    .addColumn('phone', text, (c) => c.notNull())
    .addColumn('template', text, (c) => c.notNull())
    .addColumn('params', text, (c) => c.notNull())
    .addColumn('sent_at', text, (c) => c.notNull())
    .execute();
}
