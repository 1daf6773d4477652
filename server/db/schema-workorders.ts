/** Row types of work orders (协作工单) and assist points (助攻积分). Conventions as in schema.ts. */

export interface WorkOrderTypesTable {
  id: string;
  key: string;
  name: string;
  name_en: string | null;
  team_id: string;
  active: number;
  version: number;
  definition: string; // JSON: workorders/definition.ts
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface WorkOrderTypeVersionsTable {
  type_id: string;
  version: number;
  definition: string;
  created_at: string;
  created_by: string | null;
}

export interface WorkOrdersTable {
  id: string;
  type_id: string;
  type_version: number;
  title: string;
  description: string | null;
  subject_type: string;
  subject_id: string;
  customer_id: string;
  deal_id: string | null;
  requester_id: string;
  team_path: string;
  queue_team_id: string;
  queue_path: string;
  assignee_id: string | null;
  status: string;
  due_at: string | null;
  responded_at: string | null;
  response_due_at: string | null;
  response_outcome: string | null;
  first_resolved_at: string | null;
  first_resolution_due_at: string | null;
  first_resolution_outcome: string | null;
  resolved_at: string | null;
  resolution_due_at: string | null;
  resolution_outcome: string | null;
  waiting_ms: number;
  closed_at: string | null;
  reopen_count: number;
  rating: number | null;
  rating_comment: string | null;
  next_level: number;
  escalation_due_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkOrderHistoryTable {
  id: string;
  order_id: string;
  seq: number;
  from_status: string | null;
  status: string;
  assignee_id: string | null;
  actor_id: string | null;
  note: string | null;
  at: string;
}

export interface WorkOrderCommentsTable {
  id: string;
  order_id: string;
  author_id: string;
  body: string;
  created_at: string;
}

export interface WorkOrderEscalationsTable {
  order_id: string;
  level: number;
  due_at: string;
  fired_at: string;
  recipients: string;
}

export interface AssistRuleSetsTable {
  id: string;
  version: number;
  effective_from: string;
  definition: string;
  created_at: string;
  created_by: string | null;
}

export interface AssistPointsTable {
  id: string;
  order_id: string;
  rule_key: string;
  helper_id: string;
  team_id: string;
  kind: string;
  points: number;
  reverses_id: string | null;
  rule_set_version: number;
  month: string;
  week: string;
  at: string;
}

export interface WorkOrderTables {
  work_order_types: WorkOrderTypesTable;
  work_order_type_versions: WorkOrderTypeVersionsTable;
  work_orders: WorkOrdersTable;
  work_order_history: WorkOrderHistoryTable;
  work_order_comments: WorkOrderCommentsTable;
  work_order_escalations: WorkOrderEscalationsTable;
  assist_rule_sets: AssistRuleSetsTable;
  assist_points: AssistPointsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends WorkOrderTables {}
}
