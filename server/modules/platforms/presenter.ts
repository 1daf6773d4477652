import { z } from 'zod';
import { parseJson } from '../../core/json.js';
import type { SyncRunRow } from './repo.js';
import { PLATFORMS, type LoadedConnection } from './types.js';

export const connectionSchema = z
  .object({
    id: z.string(),
    platform: z.enum(PLATFORMS),
    name: z.string(),
    settings: z.record(z.string(), z.unknown()),
    secretFields: z.array(z.string()).describe('Secrets are write-only: only which of them are stored is shown'),
    secretsReadable: z.boolean(),
    enabled: z.boolean(),
    callbackUrl: z.string().describe('The URL to enter as the app’s callback / event subscription address'),
    signInUrl: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlatformConnection' });

export function presentConnection(c: LoadedConnection, publicUrl: string): z.infer<typeof connectionSchema> {
  return {
    id: c.id,
    platform: c.platform,
    name: c.name,
    settings: c.settings as Record<string, unknown>,
    secretFields: Object.entries(c.secrets).filter(([, v]) => v != null && v !== '').map(([k]) => k).sort(),
    secretsReadable: c.secretsError === null,
    enabled: c.enabled,
    callbackUrl: `${publicUrl}/api/platforms/${c.id}/callback`,
    signInUrl: `${publicUrl}/api/platforms/${c.id}/sign-in/start`,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export const testResultSchema = z.object({ ok: z.boolean(), expiresAt: z.string().nullable(), error: z.string().nullable() }).meta({ id: 'PlatformTestResult' });

export const signInOptionSchema = z.object({
  id: z.string(),
  platform: z.enum(PLATFORMS),
  name: z.string(),
  startUrl: z.string(),
  clientId: z.string().nullable().describe('What the in-client 免登 JSAPI needs: the corp id (WeCom, DingTalk) or the app id (Feishu)'),
});

export const syncRunSchema = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    slot: z.string().nullable(),
    dryRun: z.boolean(),
    overwrite: z.boolean(),
    status: z.string(),
    plan: z.record(z.string(), z.unknown()),
    error: z.string().nullable(),
    actorId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PlatformSyncRun' });

export function presentRun(r: SyncRunRow): z.infer<typeof syncRunSchema> {
  return { id: r.id, connectionId: r.connection_id, slot: r.slot, dryRun: r.dry_run === 1, overwrite: r.overwrite === 1, status: r.status, plan: parseJson<Record<string, unknown>>(r.plan, {}), error: r.error, actorId: r.actor_id, createdAt: r.created_at };
}

export const bindingSchema = z.object({ connectionId: z.string(), externalId: z.string(), userId: z.string(), source: z.string() });
export const prefSchema = z.object({ mode: z.enum(['default', 'off', 'also', 'instead']), bindings: z.array(z.object({ connectionId: z.string(), platform: z.enum(PLATFORMS), name: z.string(), externalId: z.string() })) });

export const sidebarSchema = z.object({
  customer: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), level: z.string().nullable() }).nullable(),
  me: z.object({ id: z.string(), name: z.string(), teamId: z.string(), teamName: z.string(), storeId: z.string().nullable(), storeName: z.string().nullable() }),
  openDeals: z.array(z.object({ id: z.string(), title: z.string(), stageKey: z.string() })),
});

const jsapiSigned = z.object({ timestamp: z.number().int(), nonceStr: z.string(), signature: z.string() });
export const jsapiConfigSchema = z.object({ corpId: z.string(), agentId: z.string(), config: jsapiSigned, agentConfig: jsapiSigned }).meta({ id: 'PlatformJsapiConfig' });
