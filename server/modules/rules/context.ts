/**
 * The context a rule's conditions and templates see: `{ event, record, before, actor, rule, now }`. `record` is the
 * current row in camelCase (JSON columns parsed, plus `owner`), read inside the run's transaction, so it is the
 * committed state right after the change. `before` comes from the update event itself (its `before` values) or the
 * stage move's `from`; it is absent when the event says no such thing.
 */
import type { Queryable } from '../../db/index.js';
import { isEvent, type StoredEvent } from '../../core/events.js';
import { parseJson } from '../../core/json.js';
import { linkOf, recordOf, ruleSpecOf } from '../../core/entities.js';
import type { RuleEntity } from './definition.js';

const JSON_COLUMNS = new Set(['custom', 'checklist', 'contact_ids']);

export type RuleRecord = Record<string, unknown> & { id: string; teamPath?: string };

export function camelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[camelKey(key)] = JSON_COLUMNS.has(key) && typeof value === 'string' ? parseJson(value, null) : value;
  }
  return out;
}

/** The owner of a record for recipient specs: a task's assignee, every other record's owner. */
export function ownerOf(record: RuleRecord | null): { id: string; teamPath: string } | null {
  if (!record) return null;
  const id = (record.ownerId ?? record.assigneeId) as string | undefined;
  return id ? { id, teamPath: String(record.teamPath ?? '') } : null;
}

export async function loadRecord(db: Queryable, entity: RuleEntity, id: string): Promise<RuleRecord | null> {
  const { table } = recordOf(entity);
  const rules = ruleSpecOf(entity);
  // Only the columns the registry lets rules read; Kysely cannot type a select over a union of tables.
  const row = await db.selectFrom(table as 'tasks').select(rules.read as readonly 'id'[]).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const record = camelRow(row as Record<string, unknown>) as RuleRecord;
  if (typeof record.amountFen !== 'undefined') {
    const fen = Number(record.amountFen);
    record.amountFen = fen;
    // Money in yuan for rule authors (issue 15 point 6): "大单 > 1,000,000" means yuan, never fen by accident.
    record.amountYuan = fen / 100;
  }
  const ownerId = (record.ownerId ?? record.assigneeId) as string | undefined;
  if (ownerId) {
    const owner = await db.selectFrom('users').select(['id', 'username', 'display_name', 'role']).where('id', '=', ownerId).executeTakeFirst();
    record.owner = owner ? { id: owner.id, username: owner.username, displayName: owner.display_name, role: owner.role } : null;
  }
  return record;
}

export async function loadActor(db: Queryable, actorId: string | null) {
  if (!actorId) return null;
  const user = await db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'team_id']).where('id', '=', actorId).executeTakeFirst();
  return user ? { id: user.id, username: user.username, displayName: user.display_name, role: user.role, teamId: user.team_id } : null;
}

/**
 * The record as it was before the event's change: the record now with the changed fields put back, as the update
 * event carries them (`before`); a stage move's `from`. Null for events that change nothing (creations).
 */
export function loadBefore(event: StoredEvent, record: RuleRecord | null): Record<string, unknown> | null {
  if (!record) return null;
  if (isEvent(event, 'deal.stage_changed')) {
    // The move event names the stage left, not the status the deal had then; leave status out rather than guess.
    const { status: _status, ...rest } = record;
    return { ...rest, stageKey: event.payload.from };
  }
  if (!isEvent(event, 'customer.updated', 'deal.updated', 'task.updated', 'task.completed')) return null;
  const before = event.payload.before;
  if (!before) return null;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(before)) {
    changed[camelKey(key)] = JSON_COLUMNS.has(snakeKey(key)) && typeof value === 'string' ? parseJson(value, null) : value;
  }
  const out: Record<string, unknown> = { ...record, ...changed };
  if ('amountFen' in changed) out.amountYuan = Number(changed.amountFen) / 100;
  return out;
}

const snakeKey = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The record's page in the web app (registry link templates), or the task list when it has none. */
export function linkFor(entity: RuleEntity, record: RuleRecord): string {
  return linkOf(entity, record) ?? '/tasks';
}
