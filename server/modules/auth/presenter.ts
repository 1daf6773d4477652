import { z } from 'zod';
import type { ApiTokensTable } from '../../db/schema.js';

export const apiTokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(), expiresAt: z.string().nullable() })
  .meta({ id: 'ApiToken' });

/** The one answer that shows a token's secret: right after it is created. */
export const createdApiTokenSchema = z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string(), expiresAt: z.string() }).meta({ id: 'CreatedApiToken' });

export function presentApiToken(r: Pick<ApiTokensTable, 'id' | 'name' | 'created_at' | 'last_used_at' | 'revoked_at' | 'expires_at'>) {
  return { id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at, expiresAt: r.expires_at };
}
