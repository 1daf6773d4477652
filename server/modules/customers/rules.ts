/** Pure rules of the customer record: phone normalisation, credit code format, who may own what. */
import { inScope, scopeOf, type AnyActor, type Scope } from '../org/scope.js';

/** The one phone normaliser (leads/normalize.ts); customers, leads and appointments import it from here. */
export { normalizePhone } from '../leads/normalize.js';

/** 统一社会信用代码: 18 characters; the alphabet excludes I, O, Z, S, V. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function isValidCreditCode(code: string): boolean {
  return CREDIT_CODE.test(code);
}

/**
 * Whether `actor` (within `scope`, their own unless a use case grants a wider reach) may make `target` the owner (or assignee) of a record: sellers only themselves, leads and
 * managers someone in their team subtree, roles that see everything anyone. Inactive users own nothing new.
 */
export function mayAssign(actor: AnyActor, target: { id: string; teamPath: string; active: boolean }, scope: Scope = scopeOf(actor)): boolean {
  if (!target.active) return false;
  return inScope(scope, { ownerId: target.id, teamPath: target.teamPath });
}
