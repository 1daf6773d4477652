import { z } from 'zod';
import { userRef, timestamps } from '../../core/contract.js';
import { parseJson } from '../../core/json.js';
import type { ContactsTable } from '../../db/schema.js';
import type { CustomerRow } from './repo.js';
import { CUSTOMER_KINDS, DECISION_POWERS } from './schema.js';

export const customerSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CUSTOMER_KINDS),
    name: z.string(),
    phone: z.string().nullable(),
    phoneNormalized: z.string().nullable(),
    region: z.string().nullable(),
    industry: z.string().nullable(),
    source: z.string().nullable(),
    level: z.string().nullable(),
    creditCode: z.string().nullable(),
    ownerId: z.string(),
    owner: userRef,
    custom: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Customer' });

export const contactSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    decisionPower: z.enum(DECISION_POWERS).nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contact' });

export const customerDetailSchema = customerSchema
  .extend({ contacts: z.array(contactSchema), counts: z.object({ deals: z.number().int(), activities: z.number().int() }) })
  .meta({ id: 'CustomerDetail' });

export type CustomerOut = z.infer<typeof customerSchema>;
export type ContactOut = z.infer<typeof contactSchema>;

export function presentCustomer(row: CustomerRow): CustomerOut {
  return {
    id: row.id,
    kind: row.kind as CustomerOut['kind'],
    name: row.name,
    phone: row.phone,
    phoneNormalized: row.phone_normalized,
    region: row.region,
    industry: row.industry,
    source: row.source,
    level: row.level,
    creditCode: row.credit_code,
    ownerId: row.owner_id,
    owner: { id: row.owner_id, name: row.owner_name },
    custom: parseJson<Record<string, unknown>>(row.custom, {}),
    ...timestamps(row),
  };
}

export function presentContact(row: ContactsTable): ContactOut {
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    title: row.title,
    decisionPower: row.decision_power as ContactOut['decisionPower'],
    phone: row.phone,
    email: row.email,
    ...timestamps(row),
  };
}
