/** Row types of approvals (审批): versioned routes, requests pinned to a version, steps, assignees, trail, delegations. Conventions as in schema.ts. */

/** One route per kind (`quote`, …): the published version in force and the admin's unpublished draft. */
export interface ApprovalRoutesTable {
  kind: string;
  name: string;
  /** 0 until the first publication. */
  published_version: number;
  draft: string | null; // JSON route definition
  draft_yaml: string | null;
  updated_by: string | null;
  updated_at: string;
}

/** Published versions, append-only: a request names the version it was submitted under. */
export interface ApprovalRouteVersionsTable {
  id: string;
  kind: string;
  version: number;
  definition: string; // JSON route definition
  published_by: string | null;
  published_at: string;
}

/** One request: draft → pending → approved | rejected | withdrawn; an edit outside the envelope sends it back to draft. */
export interface ApprovalRequestsTable {
  id: string;
  kind: string;
  subject_type: string; // deal
  subject_id: string;
  /** The requester: owner and team path are the scope columns. */
  owner_id: string;
  team_path: string;
  route_version: number;
  /** Name of the branch of the route the values chose. */
  branch: string;
  values: string; // JSON: what was submitted
  facts: string; // JSON: the computed routing facts (effective discount in basis points, …)
  envelope: string; // JSON: what an approval covers
  status: string;
  current_step: number; // idx of the active step; -1 when none is active
  /** Each submission (first, resubmit, migration) is a round with its own chain of steps; the trail keeps them all. */
  round: number;
  invalid_reason: string | null; // JSON { field, value, limit } when an edit left the envelope
  /** Bumped by every transition; the conditional update on it serialises concurrent decisions. */
  revision: number;
  submitted_at: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApprovalStepsTable {
  id: string;
  request_id: string;
  round: number;
  idx: number;
  name: string;
  mode: string; // any | all
  status: string; // waiting | pending | approved | rejected | cancelled
  /** JSON { hours, remindShare } of the step's SLA on the approver's team calendar. */
  sla: string;
  fallback: string; // JSON recipient specs used when the step's approvers resolve to nobody
  started_at: string | null;
  remind_at: string | null;
  due_at: string | null;
  /** 0 nothing fired, 1 reminded, 2 escalated; `next_due_at` is the instant of the next level (null: none). */
  sla_level: number;
  next_due_at: string | null;
  completed_at: string | null;
}

/** Who must decide a step: the original approver; a delegate acts in their name (E 代 D 审批). */
export interface ApprovalAssigneesTable {
  id: string;
  request_id: string;
  step_id: string;
  approver_id: string;
  status: string; // pending | approved | rejected | auto_approved | void
  decided_by: string | null; // the delegate when one acted
  comment: string | null;
  decided_at: string | null;
}

/** The full trail of a request, append-only (exportable). */
export interface ApprovalTrailTable {
  id: string;
  request_id: string;
  /** Order within the request (several entries share an instant inside one transaction). */
  seq: number;
  step_idx: number | null;
  action: string; // submitted | approved | rejected | auto_approved | withdrawn | invalidated | reminded | escalated | migrated | resubmitted
  actor_id: string | null;
  on_behalf_of: string | null;
  comment: string | null;
  detail: string | null; // JSON
  at: string;
}

/** An approver away: `to_user_id` decides in their name between the two dates (inclusive, org time zone). */
export interface ApprovalDelegationsTable {
  id: string;
  owner_id: string; // the delegating approver
  team_path: string;
  to_user_id: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  revoked_at: string | null;
  created_at: string;
}

/** Exactly-once SLA firings of a step: one row per (step, level), inserted with the notifications. */
export interface ApprovalSlaFiringsTable {
  step_id: string;
  level: number;
  fired_at: string;
}

export interface ApprovalTables {
  approval_routes: ApprovalRoutesTable;
  approval_route_versions: ApprovalRouteVersionsTable;
  approval_requests: ApprovalRequestsTable;
  approval_steps: ApprovalStepsTable;
  approval_assignees: ApprovalAssigneesTable;
  approval_trail: ApprovalTrailTable;
  approval_delegations: ApprovalDelegationsTable;
  approval_sla_firings: ApprovalSlaFiringsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends ApprovalTables {}
}
