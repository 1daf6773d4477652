import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';

export interface AuditInput {
  entity: string;
  entityId: string;
  action: string;
  actorId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry; call inside the transaction of the change. There is deliberately no update or delete. */
export async function recordAudit(db: Queryable, clock: Clock, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      entity: input.entity,
      entity_id: input.entityId,
      action: input.action,
      actor_id: input.actorId,
      at: clock.now().toISOString(),
      before: input.before === undefined ? null : toJson(input.before),
      after: input.after === undefined ? null : toJson(input.after),
    })
    .execute();
}

/** Writes several audit entries in one statement (batches: imports); same rules as `recordAudit`. */
export async function recordAudits(db: Queryable, clock: Clock, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const at = clock.now().toISOString();
  await db
    .insertInto('audit_log')
    .values(
      inputs.map((input) => ({
        id: newId(),
        entity: input.entity,
        entity_id: input.entityId,
        action: input.action,
        actor_id: input.actorId,
        at,
        before: input.before === undefined ? null : toJson(input.before),
        after: input.after === undefined ? null : toJson(input.after),
      })),
    )
    .execute();
}

export async function listAudit(db: Queryable, entity: string, entityId: string) {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.action',
      'audit_log.actor_id',
      'users.display_name as actor_name',
      'audit_log.at',
      'audit_log.before',
      'audit_log.after',
    ])
    .where('audit_log.entity', '=', entity)
    .where('audit_log.entity_id', '=', entityId)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null,
    at: r.at,
    before: parseJson(r.before, null),
    after: parseJson(r.after, null),
  }));
}

/** Only the fields whose values differ, as {before, after}; keeps audit rows readable. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
