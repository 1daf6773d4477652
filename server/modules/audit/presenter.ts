import { z } from 'zod';
import { parseJson } from '../../core/json.js';
import type { AuditRow } from './repo.js';

export const auditEntrySchema = z
  .object({
    id: z.string(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable().describe('null for system actions (rules, jobs, CLI)'),
    at: z.string(),
    before: z.unknown().describe('Changed fields before the change (null on create)'),
    after: z.unknown().describe('Changed fields after the change (null on delete)'),
  })
  .meta({ id: 'AuditEntry' });

/** One audit entry as the API shows it: the actor as a reference (null for the organisation), values parsed. */
export function presentAuditEntry(r: AuditRow) {
  return {
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null,
    at: r.at,
    before: parseJson(r.before, null),
    after: parseJson(r.after, null),
  };
}
