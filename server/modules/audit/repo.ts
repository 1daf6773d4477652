import type { Queryable } from '../../db/index.js';
import { parseJson } from '../../core/json.js';

// The write side moved to core (every module writes it through core/command.ts); re-exported for old callers.
export { recordAudit, diffFields, type AuditInput } from '../../core/audit-log.js';

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
