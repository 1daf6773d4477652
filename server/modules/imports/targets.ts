/** The import kinds by name: the one place that knows them all. */
import { activityTarget } from './activity-target.js';
import { contractTarget } from './contract-target.js';
import { customerTarget } from './customer-target.js';
import { dealTarget } from './deal-target.js';
import type { ImportKind } from './fields.js';
import type { ImportTarget } from './target.js';

const TARGETS: Record<ImportKind, ImportTarget> = {
  customers: customerTarget as unknown as ImportTarget,
  deals: dealTarget as unknown as ImportTarget,
  activities: activityTarget as unknown as ImportTarget,
  contracts: contractTarget as unknown as ImportTarget,
};

export function targetOf(kind: string): ImportTarget {
  const target = TARGETS[kind as ImportKind];
  if (!target) throw new Error(`import: unknown kind ${kind}`);
  return target;
}
