/** Row types of dashboard subscriptions (migration 0030, modules/digests). Conventions as in schema.ts. */

/** A manager's dashboard pushed to group robots on a schedule, with the figures of the subscriber's own scope. */
export interface DashboardSubscriptionsTable {
  id: string;
  /** Whose scope the figures are counted in (and who may change the subscription). */
  user_id: string;
  name: string;
  metrics: string; // JSON MetricName[]
  filters: string; // JSON { pipelineId?, teamId?, ownerId? }
  cron: string; // five fields, org time zone
  channel_ids: string; // JSON robot channel ids
  enabled: number;
  /** Slots are counted from here (creation, a new cron or a re-enable), so no past slot fires late. */
  schedule_from: string;
  created_at: string;
  updated_at: string;
}

/** One push of a subscription for one cron slot: UNIQUE(subscription_id, scheduled_for) makes it once. */
export interface DashboardSendsTable {
  id: string;
  subscription_id: string;
  scheduled_for: string;
  late: number;
  markdown: string; // JSON { 'zh-CN': { title, body }, en: … }
  channel_ids: string; // JSON robots the message was queued to
  created_at: string;
}

export interface SubscriptionTables {
  dashboard_subscriptions: DashboardSubscriptionsTable;
  dashboard_sends: DashboardSendsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends SubscriptionTables {}
}
