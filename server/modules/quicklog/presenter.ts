import { z } from 'zod';
import { ACTIVITY_TYPES } from '../activities/effective.js';

const ref = z.object({ id: z.string(), name: z.string() });

export const parsedLogSchema = z
  .object({
    customer: ref.nullable(),
    contact: z.object({ id: z.string().nullable(), name: z.string(), title: z.string().nullable(), isNew: z.boolean() }).nullable(),
    type: z.enum(ACTIVITY_TYPES).nullable(),
    summary: z.string(),
    nextAction: z.object({ text: z.string(), dueAt: z.string().nullable() }).nullable(),
    dealId: z.string().nullable(),
    occurredAt: z.string().nullable().describe('When it happened if the sentence says (昨天, 前天); null: now'),
    unparsed: z.array(
      z.object({
        field: z.enum(['customer', 'contact', 'type', 'nextAction', 'dueAt', 'deal']),
        reason: z.enum(['not_found', 'ambiguous', 'vague', 'no_date', 'new_contact']),
        text: z.string().nullable(),
        candidates: z.array(ref).optional(),
      }),
    ),
  })
  .meta({ id: 'ParsedLog' });

export const customerAliasSchema = z.object({ id: z.string(), customerId: z.string(), alias: z.string(), createdAt: z.string() }).meta({ id: 'CustomerAlias' });

export function presentAlias(row: { id: string; customer_id: string; alias: string; created_at: string }) {
  return { id: row.id, customerId: row.customer_id, alias: row.alias, createdAt: row.created_at };
}
