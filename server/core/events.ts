import type { Insertable } from 'kysely';
import type { Queryable } from '../db/index.js';
import { prepared } from '../db/prepared.js';
import type { EventsTable } from '../db/schema.js';
import type { Clock } from './clock.js';
import type { RecordKind } from './entities.js';
import { newId } from './ids.js';
import { toJson } from './json.js';

/** A rule-caused change names the rule and the chain depth, so the rules engine can stop loops. */
export interface EventSource {
  ruleId: string;
  depth: number;
}

/**
 * What an update event says about the change: the fields that changed (camelCase record field names, as rules read
 * them) with their values before and after. Consumers such as the rules engine take `before` from here, never from
 * the audit trail.
 */
export interface Change {
  changed: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** The change of an update event from an audit-style diff; column names become the camelCase field names rules read. */
export function change(before: Record<string, unknown>, after: Record<string, unknown>): Change {
  const rename = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [camel(k), v]));
  const b = rename(before);
  const a = rename(after);
  return { changed: Object.keys(a), before: b, after: a };
}

interface OwnerMove {
  ownerId?: string;
  previousOwnerId?: string;
  /** How the owner changed when not by an edit: transfer | claim | handover | pool_return | … */
  via?: string;
}

interface TaskRefs {
  assigneeId: string;
  dueAt: string | null;
  customerId: string | null;
  dealId: string | null;
}

interface AppointmentRefs {
  storeId: string;
  consultantId: string;
}

interface ApprovalRefs {
  kind: string;
  subjectType: string;
  subjectId: string;
  /** The requester. */
  ownerId: string;
}

/** Every event type and the payload it carries. `emitEvent` checks emitters against it; consumers narrow with `isEvent`. */
export interface EventMap {
  'customer.created': { ownerId: string; name: string; via?: string };
  'customer.updated': Change & OwnerMove & { mergedFrom?: string; source?: EventSource };
  'customer.deleted': { ownerId: string; mergedInto?: string };
  /** A confirmed colour change (kind colour) or a 下滑预警 (kind trend) of a customer's health (modules/health). */
  'customer.health_changed': Record<string, unknown> & {
    kind?: 'colour' | 'trend';
    from?: string | null;
    to?: string;
    /** Caused only by a model switch and the admin did not ask for playbooks: rules ignore it. */
    quiet?: boolean;
  };
  'deal.created': { pipelineId: string; stageKey: string; ownerId: string; customerId: string; source?: EventSource };
  /** A deal brought in by an import without per-row events: the SLA clock starts, rules do not react. */
  'deal.imported': { pipelineId: string; stageKey: string; ownerId: string; customerId: string; source?: EventSource };
  /** A deal removed (an import undone): the SLA engine cancels its clock. */
  'deal.deleted': { ownerId: string; customerId: string };
  'deal.updated': Change & OwnerMove & { item?: string; done?: boolean; source?: EventSource };
  'deal.stage_changed': {
    from: string;
    to: string;
    direction: string;
    pipelineId: string;
    skipped: unknown;
    skipReason: string | null | undefined;
    status: string;
    /** Lost-reason key when the deal was marked lost. */
    lostReason?: string | null;
  };
  'activity.logged': Record<string, unknown> & { type: string; customerId: string; dealId: string | null; ownerId: string; occurredAt: string; effective: boolean };
  'task.created': TaskRefs & { source?: EventSource };
  'task.updated': Change & Partial<TaskRefs> & { status?: string; via?: string; reason?: string; source?: EventSource };
  'task.completed': Partial<Change> & TaskRefs;
  'task.overdue': { timerId: string; dueAt: string; assigneeId: string };
  'sla.level_reached': Record<string, unknown> & { timerId: string; level: number; colour: string; ownerId: string };
  'calendar.updated': Record<string, unknown>;
  /** A team's business hours changed (entity: team). */
  'calendar.team_updated': Record<string, unknown>;
  'appointment.created': AppointmentRefs & { customerId: string; at: string };
  'appointment.checked_in': AppointmentRefs & { late: boolean };
  'appointment.no_show': AppointmentRefs & { customerId: string; at: string; dueAt: string; managers: string[] };
  'appointment.reassigned': { storeId: string; to: string; taskId: string; dueAt: string };
  'appointment.cancelled': AppointmentRefs;
  'approval.submitted': ApprovalRefs & { routeVersion: number; branch: string; resubmitted?: boolean };
  'approval.decided': ApprovalRefs & { status: 'approved' | 'rejected' };
  'approval.withdrawn': ApprovalRefs;
  /** An edit of the subject left the approved envelope: the request went back to draft. */
  'approval.invalidated': ApprovalRefs & { field: string; reason: string };
  'work_order.created': { typeKey: string; requesterId: string; assigneeId: string | null; queueTeamId: string; subjectType: string; subjectId: string };
  'work_order.updated': Change & { from: string; status: string; assigneeId: string | null; requesterId: string; rating: number | null };
  'work_order.escalated': { level: number; clock: string; dueAt: string; recipients: string[] };
  /** A tracked material link was opened (entity: the customer); a seller can call while the customer reads. */
  'material.opened': { linkId: string; openId: string; title: string; activityId: string | null; ownerId: string; device: string; opens: number };
  /** A link's first N hours passed without an open (entity: the customer); once per link and window. */
  'material.not_opened': { linkId: string; title: string; activityId: string | null; ownerId: string; hours: number; sentAt: string };
  /** A live risk flag was raised on a deal (modules/patterns): a surfaced pattern or, in cold start, an expert rule. */
  'risk.flagged': { pipelineId: string; ownerId: string; sourceKey: string; kind: 'pattern' | 'rule'; patternId: string | null; evidence: string };
  'risk.cleared': { ownerId: string; sourceKey: string };
  'contract.created': { number: string; dealId: string; customerId: string; ownerId: string };
  'contract.amended': Change & { version: number; reason: string };
  'payment.recorded': { paymentId: string; contractId: string; customerId: string; receivedOn: string; creditFen: number };
  'payment.reversed': { paymentId: string; contractId: string; reversedOn: string };
  'credit.applied': { contractId: string; customerId: string; instalmentId: string };
  'claim.filed': { claimId: string; contractId: string; pauseUntil: string };
  'claim.rejected': { claimId: string; contractId: string; note: string };
  'receivable.escalated': { instalmentId: string; outstandingFen: number; workOrderId: string | null; taskId: string | null };
}

export type DomainEventType = keyof EventMap;

export interface DomainEvent<K extends DomainEventType = DomainEventType> {
  type: K;
  entity: RecordKind;
  entityId: string;
  actorId: string | null;
  payload: EventMap[K];
}

/** An event as consumers read it back; `StoredEvent<'deal.updated'>` has the typed payload. */
export type StoredEvent<K extends DomainEventType = DomainEventType> = {
  [T in K]: { seq: number; id: string; type: T; entity: string; entityId: string; actorId: string | null; payload: EventMap[T]; occurredAt: string };
}[K];

/** Narrows a stored event to one or several types, with their payload types. */
export function isEvent<K extends DomainEventType>(event: { type: string }, ...types: K[]): event is StoredEvent<K> {
  return (types as string[]).includes(event.type);
}

const insertEventRow = prepared((db, row: Insertable<EventsTable>) => db.insertInto('events').values(row));

/**
 * Appends a domain event. Call it with the same transaction as the change it describes, so an event exists
 * exactly when its change committed; consumers (SLA, cadences, rules) record what they processed in
 * `event_consumptions` keyed by (consumer, event id), which makes their processing exactly-once.
 */
export async function emitEvent<K extends DomainEventType>(db: Queryable, clock: Clock, event: DomainEvent<K>): Promise<string> {
  const id = newId();
  await insertEventRow(db, {
    id,
    type: event.type,
    entity: event.entity,
    entity_id: event.entityId,
    actor_id: event.actorId,
    payload: toJson(event.payload),
    occurred_at: clock.now().toISOString(),
  });
  return id;
}

/**
 * Appends several domain events with one insert, in order (their `seq` follows the array): for engines that act in
 * batches, the same rows as one `emitEvent` per item. Returns their ids.
 */
export async function emitEvents(db: Queryable, clock: Clock, events: ReadonlyArray<DomainEvent>): Promise<string[]> {
  const at = clock.now().toISOString();
  const rows = events.map((event) => ({
    id: newId(),
    type: event.type,
    entity: event.entity,
    entity_id: event.entityId,
    actor_id: event.actorId,
    payload: toJson(event.payload),
    occurred_at: at,
  }));
  // 500 rows × 7 columns stays inside both databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('events').values(rows.slice(i, i + 500)).execute();
  return rows.map((r) => r.id);
}
