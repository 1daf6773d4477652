import { knownRequirement, type UnmetItem } from '../../api/types';

/** Identity of a requirement across refreshes of the unmet list. */
export function unmetKey(item: UnmetItem): string {
  const r = knownRequirement(item);
  if (!r) return `${item.code}:${item.label}`;
  if (r.kind === 'field') return `field:${r.field}`;
  if (r.kind === 'evidence') return `evidence:${r.evidenceKind}`;
  return `checklist:${r.item}`;
}
