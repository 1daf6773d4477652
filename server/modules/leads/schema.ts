import { z } from 'zod';
import { coded } from '../../core/validation.js';
import { listQuery } from '../../core/http.js';
import { customerBody } from '../customers/schema.js';

export const ASSIGN_METHODS = ['round_robin', 'least_load'] as const;
export type AssignMethod = (typeof ASSIGN_METHODS)[number];

const values = z.array(z.string().trim().min(1).max(100)).max(200);

/** One assignment rule: when the lead's region/industry/source is among the listed values, it goes to `teamId`. */
export const assignmentRule = z.object({
  key: z.string().trim().min(1).max(64).refine((v) => /^[a-z0-9_-]+$/.test(v), coded('invalid_key')),
  name: z.string().trim().min(1).max(100),
  when: z
    .object({ regions: values.optional(), industries: values.optional(), sources: values.optional() })
    .default({}),
  teamId: z.string().min(1).max(64),
  method: z.enum(ASSIGN_METHODS).default('round_robin'),
});

export const assignmentSettings = z
  .object({
    /** Auto-assign on POST /api/customers without ownerId by managers, admins and API tokens. POST /api/leads always assigns. */
    enabled: z.boolean().default(false),
    rules: z.array(assignmentRule).max(100).default([]),
    /** Where leads no rule matches go; null = the creating user's own team. */
    defaultTeamId: z.string().min(1).max(64).nullable().default(null),
    defaultMethod: z.enum(ASSIGN_METHODS).default('round_robin'),
  })
  // Strict: every field has a default, so a misspelt key would otherwise silently reset the settings.
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.rules.forEach((r, i) => {
      if (seen.has(r.key)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'key'], ...coded('duplicate') });
      seen.add(r.key);
    });
  });
export type AssignmentSettings = z.infer<typeof assignmentSettings>;

const days = z.number().int().min(1).max(3650);

export const poolSettings = z.object({
  enabled: z.boolean().default(true),
  /** Days without an effective activity before a customer returns to the pool, per customer level (A, B, C …). */
  levelDays: z.record(z.string().trim().min(1).max(50), days).default({ A: 30, B: 20, C: 14 }),
  /** For customers without a level or with a level not listed; null = never return them for inactivity. */
  defaultDays: days.nullable().default(30),
  /** Customers of deactivated owners go to the pool at the next sweep. */
  returnInactiveOwners: z.boolean().default(true),
  /** When the sweep runs (5-field cron in the org time zone). */
  cron: z.string().trim().min(9).max(100).default('0 2 * * *'),
  claimsPerDay: z.number().int().min(0).max(1000).default(5),
  maxHeld: z.number().int().min(0).max(100000).default(200),
  /** A seller who finds a duplicate in another team's pool may claim it (off: they request a transfer instead). */
  crossTeamClaim: z.boolean().default(false),
}).strict();
export type PoolSettings = z.infer<typeof poolSettings>;

export const transferRequestBody = z.object({
  reason: z.string().trim().min(1).max(1000),
  /** The requester's own record of the same customer, if any: a merge may fold one into the other. */
  duplicateId: z.string().min(1).max(64).optional(),
});
export type TransferRequestBody = z.infer<typeof transferRequestBody>;

export const RESOLUTIONS = ['keep', 'transfer', 'merge'] as const;

export const resolveBody = z
  .object({
    action: z.enum(RESOLUTIONS),
    mergeInto: z.string().min(1).max(64).optional(),
    note: z.string().trim().max(1000).default(''),
  })
  .refine((b) => b.action !== 'merge' || !!b.mergeInto, { message: 'required when action is merge', path: ['mergeInto'] });
export type ResolveBody = z.infer<typeof resolveBody>;

export const conflictListQuery = listQuery.extend({ status: z.enum(['open', 'resolved', 'all']).default('open') });
export type ConflictListQuery = z.infer<typeof conflictListQuery>;

export const poolListQuery = listQuery.extend({
  level: z.string().max(50).optional(),
  teamId: z.string().min(1).max(64).optional(),
});
export type PoolListQuery = z.infer<typeof poolListQuery>;

export const customerIdParams = z.object({ customerId: z.string().min(1).max(64) });

export const HANDOVER_STRATEGIES = ['by_customer', 'round_robin'] as const;

export const handoverBody = z
  .object({
    to: z.array(z.string().min(1).max(64)).min(1).max(50),
    strategy: z.enum(HANDOVER_STRATEGIES).default('by_customer'),
    deactivate: z.boolean().default(false),
  })
  .refine((b) => new Set(b.to).size === b.to.length, coded('duplicate', undefined, ['to']));
export type HandoverBody = z.infer<typeof handoverBody>;

/** A lead is a customer with a source; its owner comes from the assignment rules unless given. */
export const leadBody = customerBody.extend({ source: z.string().trim().min(1).max(100) });
export type LeadBody = z.infer<typeof leadBody>;

export const leadImportBody = z.object({ items: z.array(leadBody).min(1).max(1000) });
export type LeadImportBody = z.infer<typeof leadImportBody>;

export const assignmentListQuery = listQuery.extend({ customerId: z.string().min(1).max(64).optional() });

export const emptyBody = z.object({}).strict();
