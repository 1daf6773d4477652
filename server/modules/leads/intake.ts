/**
 * What leads decide when any caller creates a customer (hook `customers.intake`, installed by the composition root):
 * the assignment rules may pick the owner, and duplicates are refused with 409.
 */
import type { CustomerIntake } from '../customers/service.js';
import { autoAssigns, planAssignment, recordPlannedAssignment } from './assignment.js';
import { assertNoDuplicate } from './duplicates.js';
import { loadSettings } from './repo.js';

export const leadIntake: CustomerIntake = {
  async pickOwner(trx, actor, input, options) {
    if (!autoAssigns(actor, (await loadSettings(trx)).assignment, options)) return null;
    const plan = await planAssignment(trx, actor, input);
    return { owner: plan.owner, afterInsert: (tx, clock, customerId, actorId) => recordPlannedAssignment(tx, clock, customerId, plan, actorId) };
  },
  check: (trx, actor, input) => assertNoDuplicate(trx, actor, input),
};
