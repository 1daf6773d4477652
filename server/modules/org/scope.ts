/** Data scope: which records a user may see. Pure; the SQL predicate is built from it in `scopeFilter`. */
import type { Role } from '../../db/schema.js';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string;
  teamPath: string;
}

export type Scope = { kind: 'all' } | { kind: 'subtree'; path: string } | { kind: 'own'; userId: string };

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
    case 'director':
    case 'finance':
    case 'support':
      return { kind: 'all' };
    case 'lead':
    case 'regional_manager':
      return { kind: 'subtree', path: actor.teamPath };
    case 'seller':
      return { kind: 'own', userId: actor.id };
  }
}

/** Upper bound of a materialised-path prefix range: ids use [0-9a-z-] and "/", all below "~". */
export function subtreeUpperBound(path: string): string {
  return `${path}~`;
}

/** Same decision as the SQL predicate, for a single record already in memory. */
export function inScope(scope: Scope, record: { ownerId: string; teamPath: string }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'own') return record.ownerId === scope.userId;
  return record.teamPath.startsWith(scope.path);
}

/** Amounts are hidden from support (field-level restriction). */
export function canSeeAmounts(actor: Actor): boolean {
  return actor.role !== 'support';
}

export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}
