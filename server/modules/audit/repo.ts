import type { Queryable } from '../../db/index.js';

// The write side is core/command.ts (the only caller of recordAudit); the field diff is shared with services' checks.
export { diffFields } from '../../core/audit-log.js';

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
  return rows;
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
