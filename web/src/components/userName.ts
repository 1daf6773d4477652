
/** People come as the API's user reference `{ id, name }`, a user `{ id, displayName }` or a bare id. */
export function userName(user: { id: string; name?: string | null; displayName?: string | null } | string | null | undefined, fallback?: string): string {
  if (!user) return fallback ?? '—';
  if (typeof user === 'string') return fallback ?? user;
  return user.displayName ?? user.name ?? fallback ?? user.id;
}
