import { z } from 'zod';

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
