import type { Queryable } from '../db/index.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';
import { toJson } from './json.js';

export type DomainEventType =
  | 'customer.created'
  | 'customer.updated'
  | 'customer.deleted'
  | 'deal.created'
  | 'deal.updated'
  | 'deal.stage_changed'
  | 'activity.logged'
  | 'task.created'
  | 'task.updated'
  | 'task.completed'
  | 'task.overdue'
  | 'sla.level_reached'
  | 'customer.health_changed'
  | 'calendar.updated'
  | 'calendar.team_updated'
  | 'appointment.created'
  | 'appointment.checked_in'
  | 'appointment.no_show'
  | 'appointment.reassigned'
  | 'appointment.cancelled';

export interface DomainEvent {
  type: DomainEventType;
  entity: string;
  entityId: string;
  actorId: string | null;
  payload: Record<string, unknown>;
}

/**
 * Appends a domain event. Call it with the same transaction as the change it describes, so an event exists
 * exactly when its change committed; consumers (SLA, cadences, rules) record what they processed in
 * `event_consumptions` keyed by (consumer, event id), which makes their processing exactly-once.
 */
export async function emitEvent(db: Queryable, clock: Clock, event: DomainEvent): Promise<string> {
  const id = newId();
  await db
    .insertInto('events')
    .values({
      id,
      type: event.type,
      entity: event.entity,
      entity_id: event.entityId,
      actor_id: event.actorId,
      payload: toJson(event.payload),
      occurred_at: clock.now().toISOString(),
    })
    .execute();
  return id;
}
