/**
 * Shapes of the public API as the web app reads them. Optional fields are ones a role may not receive
 * (support gets no `amountFen`) or that a module may add later.
 */
export type Role = 'seller' | 'lead' | 'regional_manager' | 'director' | 'finance' | 'support' | 'admin';
export const ROLES: Role[] = ['seller', 'lead', 'regional_manager', 'director', 'finance', 'support', 'admin'];

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  team: { id: string; name: string };
}

export interface UserRow extends Me {
  phone?: string | null;
  email?: string | null;
  active: boolean;
}

export interface Team {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
  depth: number;
}

export interface UserRef {
  id: string;
  name?: string;
  displayName?: string;
}

export interface Contact {
  id: string;
  customerId?: string;
  name: string;
  title?: string | null;
  decisionPower?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface Customer {
  id: string;
  kind: 'company' | 'person';
  name: string;
  phone?: string | null;
  region?: string | null;
  industry?: string | null;
  source?: string | null;
  level?: string | null;
  creditCode?: string | null;
  ownerId?: string;
  owner?: UserRef | null;
  custom?: Record<string, unknown>;
  contacts?: Contact[];
  createdAt: string;
  updatedAt: string;
}

export interface GateChecklistItem {
  key: string;
  label: string;
  labelEn?: string;
  hint?: string;
  hintEn?: string;
}

export interface GateEvidence {
  kind: string;
  label: string;
  labelEn?: string;
  min: number;
}

/** Exit requirements of a stage. `requiredFields` are deal fields (title, amountFen, expectedCloseDate) or `custom.<key>`. */
export interface StageGate {
  requiredFields: string[];
  evidence: GateEvidence[];
  checklist: GateChecklistItem[];
}

export interface Stage {
  key: string;
  name: string;
  nameEn?: string;
  description?: string;
  descriptionEn?: string;
  probability: number;
  allowSkip: boolean;
  terminal?: 'won' | 'lost' | null;
  /** Present in a pipeline's full `definition`; the `stages` summary of lists and boards leaves it out. */
  gate?: StageGate;
  [extra: string]: unknown;
}

export interface PipelineDefinition {
  key: string;
  name: string;
  nameEn?: string;
  description?: string;
  descriptionEn?: string;
  stages: Stage[];
  [extra: string]: unknown;
}

export interface Pipeline {
  id: string;
  key: string;
  name: string;
  nameEn?: string | null;
  templateKey?: string | null;
  version?: number;
  archived?: boolean;
  stages?: Stage[];
  definition?: PipelineDefinition;
  createdAt?: string;
  updatedAt?: string;
}

export interface PipelineTemplate {
  key: string;
  name: string;
  nameEn?: string | null;
  description?: string | null;
  stages?: Stage[] | number;
  installed?: boolean;
}

export type Requirement =
  | { kind: 'field'; field: string }
  | { kind: 'evidence'; evidenceKind: string; min: number; have: number }
  | { kind: 'checklist'; item: string };

/** One unmet exit requirement as the 422 GATE_UNMET body (and `deal.gate.unmet`) lists it. */
export interface UnmetItem {
  code: string;
  label: string;
  labelEn?: string;
  hint: string;
  hintEn?: string;
  requirement?: Requirement;
  [extra: string]: unknown;
}

export interface ChecklistState {
  done: boolean;
  note?: string | null;
  by?: string | null;
  at?: string | null;
}

export interface StageHistoryRow {
  id?: string;
  stageKey: string;
  enteredAt: string;
  leftAt: string | null;
  enteredBy?: UserRef | string | null;
  direction: string;
  skipReason?: string | null;
}

export interface Deal {
  id: string;
  title: string;
  customerId: string;
  customer?: { id: string; name: string } | null;
  customerName?: string;
  pipelineId: string;
  stageKey: string;
  status: string;
  ownerId: string;
  owner?: UserRef | null;
  ownerName?: string;
  amountFen?: number;
  expectedCloseDate?: string | null;
  checklist?: Record<string, ChecklistState>;
  custom?: Record<string, unknown>;
  stageEnteredAt: string;
  createdAt: string;
  updatedAt: string;
  history?: StageHistoryRow[];
  gate?: { stageKey: string; unmet: UnmetItem[]; allowSkip?: boolean } | null;
}

export interface BoardColumn {
  stageKey: string;
  count: number;
  amountFen?: number;
  deals: Deal[];
  /** More cards of this column: `/api/pipelines/:id/board/columns/:stageKey?cursor=`. */
  nextCursor?: string | null;
}

export interface Board {
  pipeline: Pipeline & { stages: Stage[] };
  columns: BoardColumn[];
}

export interface Activity {
  id: string;
  type: string;
  occurredAt: string;
  customerId: string;
  customer?: { id: string; name: string } | null;
  dealId?: string | null;
  ownerId?: string;
  owner?: UserRef | null;
  summary: string;
  outcome?: string | null;
  nextAction?: string | null;
  nextActionAt?: string | null;
  effective?: boolean;
  createdAt?: string;
}

export interface Task {
  id: string;
  title: string;
  assigneeId: string;
  dueAt: string | null;
  customerId?: string | null;
  customer?: { id: string; name: string } | null;
  dealId?: string | null;
  deal?: { id: string; title: string } | null;
  status: 'open' | 'done' | 'cancelled';
  completedAt?: string | null;
}

export interface Attachment {
  id: string;
  entity: string;
  entityId: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  createdAt: string;
  uploadedBy?: UserRef | string | null;
  url?: string;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: { id: string; name: string | null } | null;
  at: string;
  before: unknown;
  after: unknown;
}

export interface CustomFieldDef {
  id: string;
  entity: 'customer' | 'deal' | 'activity';
  key: string;
  label: string;
  labelEn?: string | null;
  type: string;
  options: { value: string; label: string; labelEn?: string }[];
  required: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/* ---- Event and time engine (notifications, SLA, channels, calendar, rules) ---- */

export interface AppNotification {
  id: string;
  title: string;
  titleEn?: string | null;
  body: string;
  bodyEn?: string | null;
  /** App path such as `/deals/<id>`. */
  link?: string | null;
  subject?: { type: string; id: string } | null;
  readAt: string | null;
  createdAt: string;
}

export interface Inbox {
  items: AppNotification[];
  total: number;
  unread: number;
}

export type SlaColour = 'on_time' | 'yellow' | 'red';

export interface SlaState {
  state: SlaColour;
  /** When the next ladder level fires; null when none is pending. */
  dueAt: string | null;
  /** Highest ladder level reached so far (0 = none). */
  level: number;
}

export type SlaUnit = 'wd' | 'bh' | 'h' | 'd';

export interface SlaLevel {
  /** `<n>wd` working days, `<n>h` hours, `<n>d` calendar days. */
  after: string;
  since?: 'entry' | 'previous_level';
  colour?: 'yellow' | 'red';
  notify: string[];
  require?: 'intervention';
  channels?: string[];
}

export interface SlaSpec {
  idle?: boolean;
  ladder: SlaLevel[];
}

export interface Intervention {
  id: string;
  status: 'open' | 'resolved';
  level: number;
  subject: { type: string; id: string; title: string | null; link: string };
  owner: { id: string; name: string } | null;
  stageKey: string | null;
  kind: string;
  colour: string;
  stillEscalating: boolean;
  note: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export type ChannelKind = 'wecom' | 'dingtalk' | 'feishu' | 'email' | 'sms';

export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  teamId: string | null;
  settings: Record<string, unknown>;
  /** Secrets are write-only: the API only says whether (and which) are stored. */
  secretSet: boolean;
  secretFields: string[];
  ratePerMinute: number | null;
  ratePerSecond: number | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ChannelTestResult {
  ok: boolean;
  status: number | null;
  response: unknown;
  error: string | null;
}

export interface OutboxItem {
  id: string;
  idempotencyKey: string;
  channel: { id: string; name: string | null } | null;
  kind: string;
  recipient: string | null;
  title: string | null;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface CalendarSettings {
  timeZone: string;
  /** 1 = Monday … 7 = Sunday. */
  restWeekdays: number[];
  extraDaysOff: string[];
  extraWorkdays: string[];
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CalendarDay {
  date: string;
  kind: 'workday' | 'dayoff';
  reason: 'weekday' | 'rest_day' | 'holiday' | 'makeup_workday' | 'extra_day_off' | 'extra_workday';
  provisional: boolean;
}

export interface WorkingDays {
  from: string;
  to: string;
  timeZone: string;
  count: number;
  workingDays: string[];
  days: CalendarDay[];
  provisionalYears: number[];
}

export type RuleTriggerType = 'record.created' | 'record.updated' | 'deal.stage_changed' | 'sla.level_reached' | 'task.overdue' | 'schedule';

export interface RuleTrigger {
  type: RuleTriggerType;
  entity?: string;
  pipeline?: string;
  from?: string;
  to?: string;
  level?: number | string;
  colour?: 'yellow' | 'red';
  cron?: string;
}

export type RuleActionType = 'notify' | 'create_task' | 'create_followup' | 'set_field' | 'webhook' | 'start_cadence' | 'create_followup_deal';

export interface RuleAction {
  type: RuleActionType;
  config: Record<string, unknown>;
}

export interface RuleDefinitionInput {
  key: string;
  name: string;
  nameEn?: string;
  description?: string;
  enabled: boolean;
  trigger: RuleTrigger;
  conditions?: unknown;
  actions: RuleAction[];
}

export interface Rule extends Omit<RuleDefinitionInput, 'nameEn' | 'description'> {
  id: string;
  nameEn: string | null;
  description: string | null;
  conditions: unknown;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RuleRun {
  id: string;
  ruleId: string;
  eventId: string | null;
  triggerType: string;
  scheduledFor: string | null;
  status: 'running' | 'succeeded' | 'failed' | 'skipped';
  input: unknown;
  outcome: unknown;
  error: string | null;
  startedAt: string;
  durationMs: number | null;
}
