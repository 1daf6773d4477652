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
