/** Row types of the event and time engine: calendar, SLA timers, channels, outbox, inbox, rules. Conventions as in schema.ts. */

/** The org's working-day calendar (one row, id 'org'); absent means the defaults. */
export interface CalendarSettingsTable {
  id: string;
  time_zone: string;
  rest_weekdays: string; // JSON array of ISO weekdays
  extra_days_off: string; // JSON array of YYYY-MM-DD
  extra_workdays: string; // JSON array of YYYY-MM-DD
  updated_by: string | null;
  updated_at: string;
}

/** One SLA clock on a subject (a deal's stage dwell or a task's due time) walking an escalation ladder. */
export interface SlaTimersTable {
  id: string;
  subject_type: string; // deal | task
  subject_id: string;
  kind: string; // stage_dwell | stage_idle | task_due
  stage_key: string | null;
  ladder: string; // JSON: the expanded ladder (sla/ladder.ts)
  anchor_at: string;
  /** 1-based level that fires next (ladder length + 1 once exhausted). */
  next_level: number;
  due_at: string | null;
  last_due_at: string | null;
  level_reached: number;
  colour: string; // on_time | yellow | red
  status: string; // active | exhausted | cancelled
  cancel_reason: string | null;
  /** The team whose business hours the clock counts on; null = the org default schedule. */
  team_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A team's business hours and one-off closures (calendar/hours.ts); absent = the default schedule. */
export interface TeamSchedulesTable {
  team_id: string;
  intervals: string; // JSON
  weekdays: string; // JSON
  closures: string; // JSON
  updated_by: string | null;
  updated_at: string;
}

/** Per consumer: every event up to `low_seq` is done, so polls scan only what follows. */
export interface ConsumerWatermarksTable {
  consumer: string;
  low_seq: number;
  updated_at: string;
}

export interface SlaFiringsTable {
  id: string;
  timer_id: string;
  level: number;
  subject_type: string;
  subject_id: string;
  due_at: string;
  fired_at: string;
  recipients: string; // JSON array of user ids
  channels: string; // JSON array
}

export interface SlaInterventionsTable {
  id: string;
  timer_id: string;
  level: number;
  user_id: string;
  subject_type: string;
  subject_id: string;
  status: string; // open | resolved
  note: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** A delivery channel: group robot of a team (and its subtree), SMTP server or SMS provider. */
export interface ChannelsTable {
  id: string;
  kind: string; // wecom | dingtalk | feishu | email | sms
  name: string;
  /** Robots serve this team and its subtree; null = the whole company. */
  team_id: string | null;
  settings: string; // JSON, non-secret (format, locale, SMTP host, ...)
  secrets: string; // JSON, write-only through the API (webhook URL with key, signing secret, SMTP password)
  rate_per_minute: number | null; // null = the kind's documented limit
  rate_per_second: number | null;
  enabled: number;
  created_at: string;
  updated_at: string;
}

/** One message to deliver; written in the transaction of its cause, delivered by the dispatcher job. */
export interface OutboxTable {
  id: string;
  idempotency_key: string;
  channel_id: string | null;
  kind: string; // wecom | dingtalk | feishu | email | sms | webhook
  recipient: string; // user id, e-mail address, phone or URL
  payload: string; // JSON
  status: string; // pending | sent | dead
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
  created_at: string;
  sent_at: string | null;
}

/** The in-app inbox (bell). */
export interface NotificationsTable {
  id: string;
  user_id: string;
  title: string;
  title_en: string | null;
  body: string;
  body_en: string | null;
  link: string | null; // app path such as /deals/<id>
  subject_type: string | null;
  subject_id: string | null;
  read_at: string | null;
  created_at: string;
  idempotency_key: string;
}

export interface NotificationRequestsTable {
  idempotency_key: string;
  created_at: string;
}

export interface ChannelSendsTable {
  id: string;
  channel_id: string;
  sent_at: string;
}

export interface SmsLogTable {
  id: string;
  channel_id: string | null;
  phone: string;
  template: string;
  params: string; // JSON
  sent_at: string;
}

/** An automation rule (if … then …); `definition` is the JSON document the API and YAML round-trip. */
export interface RulesTable {
  id: string;
  key: string;
  name: string;
  name_en: string | null;
  enabled: number;
  trigger_type: string; // record.created | record.updated | deal.stage_changed | sla.level_reached | task.overdue | schedule
  definition: string; // JSON: rules/definition.ts
  version: number;
  /** Schedules count slots after this instant (set on create, enable and cron change) so old slots never fire. */
  schedule_from: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One run of a rule for one cause; UNIQUE(rule_id, event_id) makes it once per (rule, event or cron slot). */
export interface RuleRunsTable {
  id: string;
  rule_id: string;
  event_id: string; // events.id, or schedule:<ISO instant>
  trigger_type: string;
  scheduled_for: string | null;
  status: string; // running | succeeded | failed | skipped
  input: string; // JSON: the context the conditions saw
  outcome: string | null; // JSON: { matched, actions: [...] } or the skip reason
  error: string | null;
  started_at: string;
  duration_ms: number | null;
}

export interface EngineTables {
  calendar_settings: CalendarSettingsTable;
  sla_timers: SlaTimersTable;
  team_schedules: TeamSchedulesTable;
  consumer_watermarks: ConsumerWatermarksTable;
  sla_firings: SlaFiringsTable;
  sla_interventions: SlaInterventionsTable;
  channels: ChannelsTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
  notification_requests: NotificationRequestsTable;
  channel_sends: ChannelSendsTable;
  sms_log: SmsLogTable;
  rules: RulesTable;
  rule_runs: RuleRunsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends EngineTables {}
}
