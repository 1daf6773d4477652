/** `GET /api/me/abilities`: what the caller may do, per module and action, and which fields are hidden from them. */
import { z } from 'zod';
import { abilities, ACTIONS, hiddenFields, isSystem, RESTRICTED_FIELDS, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { hooksOf } from '../../core/hooks.js';
import { mayHoldTokens } from './tokens.js';

/**
 * Abilities that depend on settings rather than the role alone, answered beside the policy's fixed ones:
 * `token.use` — may hold API tokens (granted per role by an admin); `callback.check` — named a team's quality
 * checker for the random call-backs (随机抽检), so the page is in their menu even when they manage nobody.
 */
const SETTING_ABILITIES = { token: ['use'], callback: ['check'] } as const;

/** Answers `callback.check`, filled by the callbacks module (hook `auth.isCallbackChecker`); none installed: no. */
export type IsCallbackChecker = (db: Queryable, userId: string) => Promise<boolean>;
declare module '../../core/hooks.js' {
  interface HookMap {
    'auth.isCallbackChecker': IsCallbackChecker;
  }
}

async function isCallbackChecker(db: Queryable, actor: AnyActor): Promise<boolean> {
  if (isSystem(actor)) return true;
  for (const check of hooksOf('auth.isCallbackChecker')) if (await check(db, actor.id)) return true;
  return false;
}
const MODULES = [...new Set([...Object.keys(ACTIONS), ...Object.keys(SETTING_ABILITIES)])];
const actionsOf = (module: string): string[] => [...Object.keys((ACTIONS as Record<string, object>)[module] ?? {}), ...((SETTING_ABILITIES as Record<string, readonly string[]>)[module] ?? [])];

/** Built from the action table, so the OpenAPI document lists every module and action the server knows. */
export const abilitiesResponse = z.object({
  abilities: z.object(Object.fromEntries(MODULES.map((module) => [module, z.object(Object.fromEntries(actionsOf(module).map((a) => [a, z.boolean()])))]))),
  hiddenFields: z.array(z.enum(RESTRICTED_FIELDS.map((r) => r.field) as [string, ...string[]])).describe('Fields removed from every answer to this caller, e.g. deal.amountFen'),
});

export async function myAbilities(db: Queryable, actor: AnyActor): Promise<z.infer<typeof abilitiesResponse>> {
  const fixed = abilities(actor);
  return {
    abilities: { ...fixed, token: { use: await mayHoldTokens(db, actor) }, callback: { ...fixed.callback, check: await isCallbackChecker(db, actor) } },
    hiddenFields: hiddenFields(actor),
  };
}
