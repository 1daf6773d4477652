import { z } from 'zod';
import { fieldErrorSchema, userRef } from '../../core/contract.js';
import { assignmentSettings, HANDOVER_STRATEGIES, poolSettings } from './schema.js';

/** Lead answers. Settings are answered in the schemas they are checked in with (assignmentSettings, poolSettings). */
export const assignmentSettingsOut = assignmentSettings.meta({ id: 'LeadAssignmentSettings' });
export const poolSettingsOut = poolSettings.meta({ id: 'PoolSettings' });

export const leadSettingsSchema = z.object({ assignment: assignmentSettingsOut, pool: poolSettingsOut, updatedAt: z.string().nullable() });

export const leadImportSchema = z.object({
  created: z.number().int(),
  duplicates: z.number().int(),
  errors: z.number().int(),
  results: z.array(
    z.looseObject({
      index: z.number().int(),
      status: z.enum(['created', 'duplicate', 'error']),
      id: z.string().optional(),
      ownerId: z.string().optional(),
      customer: z.string().optional(),
      owner: z.looseObject({ id: z.string(), name: z.string() }).optional(),
      code: z.string().optional(),
      message: z.string().optional(),
      fields: z.array(fieldErrorSchema).optional(),
    }),
  ),
});

const recordRef = z.object({ id: z.string(), name: z.string() });

export const conflictSchema = z
  .object({
    id: z.string(),
    customer: recordRef,
    duplicate: recordRef.extend({ name: z.string().nullable() }).nullable().describe('the new record that collided, if one was written'),
    requester: userRef,
    owner: userRef,
    reason: z.string(),
    status: z.enum(['open', 'resolved']),
    resolution: z.enum(['keep', 'transfer', 'merge']).nullable(),
    mergeInto: z.string().nullable(),
    note: z.string().nullable(),
    resolvedBy: userRef.extend({ name: z.string().nullable() }).nullable(),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OwnershipConflict' });

export const conflictPage = z.object({ items: z.array(conflictSchema) });

export const resolvedConflictSchema = conflictSchema.extend({
  outcome: z.record(z.string(), z.unknown()).describe('What the decision moved: the customer’s deals and tasks (transfer) or the merged records (merge); empty for keep'),
});

export const poolLimits = z.object({ claimsToday: z.number().int(), claimsPerDay: z.number().int(), held: z.number().int(), maxHeld: z.number().int() }).meta({ id: 'PoolLimits' });

export const poolPage = z.object({
  items: z.array(
    z
      .object({
        customerId: z.string(),
        name: z.string(),
        kind: z.string(),
        level: z.string().nullable(),
        region: z.string().nullable(),
        industry: z.string().nullable(),
        source: z.string().nullable(),
        phoneMasked: z.string().nullable(),
        team: recordRef,
        formerOwner: userRef,
        reason: z.string(),
        pooledAt: z.string(),
        lastEffectiveAt: z.string().nullable(),
      })
      .meta({ id: 'PoolItem' }),
  ),
  total: z.number().int(),
  limits: poolLimits,
});

export const claimSchema = z
  .object({
    customerId: z.string(),
    ownerId: z.string(),
    moved: z.object({ deals: z.number().int(), tasks: z.number().int() }).describe('open deals and tasks that came with the customer'),
    limits: poolLimits.describe('my limits after this claim'),
  })
  .meta({ id: 'PoolClaim' });

export const poolLogPage = z.object({
  items: z.array(
    z.object({ id: z.string(), customer: recordRef, action: z.string(), user: userRef, reason: z.string().nullable(), actorId: z.string().nullable(), at: z.string() }),
  ),
});

export const assignmentPage = z.object({
  items: z.array(
    z
      .object({
        id: z.string(),
        customer: recordRef,
        user: userRef,
        previousOwnerId: z.string().nullable(),
        teamId: z.string().nullable(),
        rule: z.string().nullable(),
        method: z.string(),
        reason: z.string().nullable(),
        actorId: z.string().nullable(),
        at: z.string(),
      })
      .meta({ id: 'Assignment' }),
  ),
});

const movedCounts = { customers: z.number().int(), deals: z.number().int(), tasks: z.number().int() };

export const handoverSchema = z
  .object({
    userId: z.string(),
    strategy: z.enum(HANDOVER_STRATEGIES),
    moved: z.object(movedCounts),
    recipients: z.array(userRef.extend(movedCounts)).describe('What each colleague received'),
    deactivated: z.boolean(),
  })
  .meta({ id: 'HandoverSummary' });
