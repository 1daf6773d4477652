import type { UserRef } from '../api/types';

/** Modules present people as `{id,name}` or `{id,displayName}` or a bare id; show whichever is there. */
export function userName(user: UserRef | string | null | undefined, fallback?: string): string {
  if (!user) return fallback ?? '—';
  if (typeof user === 'string') return fallback ?? user;
  return user.displayName ?? user.name ?? fallback ?? user.id;
}
