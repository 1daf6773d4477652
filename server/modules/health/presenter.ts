/** Response shapes of the health API (zod → OpenAPI → web types). */
import { z } from 'zod';
import { healthModelSchema } from './definition.js';
import { planSchema } from './retention-plan.js';

const colour = z.enum(['green', 'yellow', 'red', 'grey']);

export const modelVersionSchema = z
  .object({ version: z.number().int(), name: z.string(), definition: healthModelSchema, firePlaybooks: z.boolean(), createdAt: z.string(), createdBy: z.string().nullable() })
  .meta({ id: 'HealthModelVersion' });

export const modelsSchema = z.object({ current: modelVersionSchema.nullable(), versions: z.array(modelVersionSchema) });

export const contributionSchema = z.object({
  dimension: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  group: z.string(),
  /** Null when missing or not applicable; absent when it is an amount (`amount: true`) the caller may not see. */
  raw: z.number().nullable().optional(),
  amount: z.boolean(),
  normalized: z.number().nullable(),
  weight: z.number(),
  contribution: z.number(),
  status: z.enum(['ok', 'stale', 'missing', 'not_applicable']),
  missingSince: z.string().nullable(),
});

export const customerHealthSchema = z
  .object({
    customerId: z.string(),
    score: z.number().nullable(),
    colour: colour.nullable(),
    modelVersion: z.number().int().nullable(),
    coverage: z.number().nullable(),
    trendAlert: z.boolean(),
    pending: z.object({ colour: z.string(), count: z.number() }).nullable(),
    computedAt: z.string().nullable(),
    contributions: z.array(contributionSchema),
    moved: z.object({
      since: z.string().nullable(),
      scoreDelta: z.number().nullable(),
      dimensions: z.array(z.object({ dimension: z.string(), name: z.string(), before: z.number(), after: z.number(), delta: z.number() })),
    }),
    history: z.array(z.object({ at: z.string(), score: z.number(), colour, coverage: z.number(), modelVersion: z.number().int(), trendAlert: z.boolean(), reason: z.string().nullable() })),
    retentionPlans: z.array(planSchema),
  })
  .meta({ id: 'CustomerHealth' });

export const recomputeResultSchema = z.object({
  customers: z.number().int(),
  written: z.number().int(),
  changes: z.array(z.object({ customerId: z.string(), kind: z.enum(['colour', 'trend']), from: z.string().nullable().optional(), to: z.string().optional() })),
});

export const previewSchema = z.object({
  version: z.number().int(),
  customers: z.number().int(),
  changes: z.number().int(),
  /** Changes the switch alone causes (reason `model_switch`): no playbook fires for them unless the admin asks. */
  quiet: z.number().int(),
  transitions: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
  sample: z.array(
    z.object({
      customerId: z.string(),
      name: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      score: z.number(),
      /** `model_switch` (caused by the switch), `confirmed` / `severe` (the current version would change it now too), `initial`, `coverage`. */
      reason: z.string(),
      /** The stored hysteresis state the step started from. */
      pending: z.object({ colour: z.string(), count: z.number().int() }).nullable(),
    }),
  ),
});

export const healthListSchema = z.object({
  items: z.array(z.object({ customerId: z.string(), name: z.string(), score: z.number(), colour, trendAlert: z.boolean(), modelVersion: z.number().int(), computedAt: z.string() }).meta({ id: 'CustomerHealthItem' })),
});

export const backtestSchema = z.object({
  months: z.number(),
  leadDays: z.number(),
  quietDays: z.number(),
  customers: z.number().int(),
  flagged: z.number().int(),
  caughtEarly: z.number().int(),
  share: z.number().nullable(),
  medianLeadDays: z.number().nullable(),
  items: z.array(z.object({ customerId: z.string(), lastOrderAt: z.string(), flaggedAt: z.string().nullable(), leadDays: z.number().nullable(), caught: z.boolean() })),
});

export { planSchema };
