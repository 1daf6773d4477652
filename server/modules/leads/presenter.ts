import { z } from 'zod';
import { fieldErrorSchema, userRef } from '../../core/contract.js';

/**
 * Lead answers. Settings mirror their input schemas (assignmentSettings, poolSettings) and stay open; lists are
 * documented by their main fields.
 */
export const assignmentSettingsOut = z.looseObject({ rules: z.array(z.looseObject({})).optional() }).meta({ id: 'LeadAssignmentSettings' });
export const poolSettingsOut = z.looseObject({}).meta({ id: 'PoolSettings' });

export const leadSettingsSchema = z.object({ assignment: assignmentSettingsOut, pool: poolSettingsOut, updatedAt: z.string().nullable() });

export const openPage = z.looseObject({ items: z.array(z.looseObject({ id: z.string().optional() })), total: z.number().int().optional() });

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

export const conflictSchema = z.looseObject({ id: z.string(), status: z.string().optional() }).meta({ id: 'OwnershipConflict' });

export const claimSchema = z.looseObject({ customerId: z.string().optional() });

export const handoverSchema = z.looseObject({ user: userRef.optional() });
