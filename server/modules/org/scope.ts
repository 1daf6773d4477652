/** Data scope lives in the policy layer (core/policy.ts); re-exported here for the modules that read it. */
import { can, type AnyActor } from '../../core/policy.js';

export { inScope, scopeOf, subtreeUpperBound, type Actor, type AnyActor, type Scope } from '../../core/policy.js';

/** Amounts are hidden from actors without `deal.readAmount` (field-level restriction, see RESTRICTED_FIELDS). */
export function canSeeAmounts(actor: AnyActor): boolean {
  return can(actor, 'deal.readAmount');
}

export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}
