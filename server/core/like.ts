/**
 * The one way to build a LIKE match from user text: `%`, `_` and `\` typed by a user are literal characters, not
 * wildcards, on both databases (SQLite has no default escape character, so every match names `escape '\'`).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** The pattern for `text` anywhere (`contains`) or at the start (`prefix`); use it with `escape '\\'`. */
export function likePattern(text: string, mode: 'contains' | 'prefix' = 'contains'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}

/** `column like pattern escape '\'` for a column reference such as `users.username`. */
export function like(column: string, text: string, mode: 'contains' | 'prefix' = 'contains'): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${likePattern(text, mode)} escape '\\'`;
}
