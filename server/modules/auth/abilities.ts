/** `GET /api/me/abilities`: what the caller may do, per module and action, and which fields are hidden from them. */
import { z } from 'zod';
import { abilities, ACTIONS, hiddenFields, RESTRICTED_FIELDS, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { mayHoldTokens } from './tokens.js';

/**
 * Abilities an admin grants per role at run time (org settings), answered beside the policy's fixed ones:
 * `token.use` — may hold API tokens.
 */
const SETTING_ABILITIES = { token: ['use'] } as const;

/** Built from the action table, so the OpenAPI document lists every module and action the server knows. */
export const abilitiesResponse = z.object({
  abilities: z.object({
    ...Object.fromEntries(Object.entries(ACTIONS).map(([module, actions]) => [module, z.object(Object.fromEntries(Object.keys(actions).map((a) => [a, z.boolean()])))])),
    ...Object.fromEntries(Object.entries(SETTING_ABILITIES).map(([module, actions]) => [module, z.object(Object.fromEntries(actions.map((a) => [a, z.boolean()])))])),
  }),
  hiddenFields: z.array(z.enum(RESTRICTED_FIELDS.map((r) => r.field) as [string, ...string[]])).describe('Fields removed from every answer to this caller, e.g. deal.amountFen'),
});

export async function myAbilities(db: Queryable, actor: AnyActor): Promise<z.infer<typeof abilitiesResponse>> {
  return {
    abilities: { ...abilities(actor), token: { use: await mayHoldTokens(db, actor) } },
    hiddenFields: hiddenFields(actor),
  };
}
