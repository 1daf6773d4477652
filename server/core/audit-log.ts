/**
 * The audit trail's write side. It lives in core (like `emitEvent`) because every module writes it inside its own
 * transactions, through `core/command.ts`; the audit module keeps the read side (listing, scoping, presenting).
 */
import type { Insertable } from 'kysely';
import type { Queryable } from '../db/index.js';
import { prepared } from '../db/prepared.js';
import type { AuditLogTable } from '../db/schema.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';
import { toJson } from './json.js';

export interface AuditInput {
  entity: string;
  entityId: string;
  action: string;
  actorId: string | null;
  before?: unknown;
  after?: unknown;
}

const insertAuditRow = prepared((db, row: Insertable<AuditLogTable>) => db.insertInto('audit_log').values(row));

/** Writes one audit entry; call inside the transaction of the change. There is deliberately no update or delete. */
export async function recordAudit(db: Queryable, clock: Clock, input: AuditInput): Promise<void> {
  await insertAuditRow(db, {
    id: newId(),
    entity: input.entity,
    entity_id: input.entityId,
    action: input.action,
    actor_id: input.actorId,
    at: clock.now().toISOString(),
    before: input.before === undefined ? null : toJson(input.before),
    after: input.after === undefined ? null : toJson(input.after),
  });
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

/** Several audit entries in one statement (batch writes: imports); same rules as `recordAudit`. */
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
