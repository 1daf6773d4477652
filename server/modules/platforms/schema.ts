/** Input schemas of the platforms routes. */
import { formatMessage } from '../../core/validation.js';
import { z } from 'zod';
import { ROLES } from '../../db/schema.js';
import { NOTIFICATION_KINDS, NOTIFY_MODES, PLATFORMS } from './types.js';

const text = (max: number) => z.string().trim().max(max);
const url = z.string().trim().max(500).regex(/^https?:\/\//i, formatMessage('url_format'));

export const connectionSettings = z.strictObject({
  corpId: text(64).optional(),
  agentId: text(32).optional(),
  appKey: text(128).optional(),
  appId: text(128).optional(),
  cardTemplateId: text(128).optional(),
  baseUrl: url.optional(),
  apiBaseUrl: url.optional(),
  loginBaseUrl: url.optional(),
  signIn: z.boolean().optional(),
  autoCreate: z.boolean().optional(),
  autoCreateRole: z.enum(ROLES as [string, ...string[]]).optional(),
  autoCreateTeamId: text(64).optional(),
  notify: z.strictObject({ mode: z.enum(NOTIFY_MODES), kinds: z.array(z.enum(NOTIFICATION_KINDS)).max(20).optional() }).optional(),
  ratePerMinute: z.number().int().min(1).max(1000).nullable().optional(),
  sync: z
    .strictObject({
      nightly: z.boolean().optional(),
      rootDeptId: text(64).optional(),
      deptTeams: z.record(z.string().max(64), z.string().max(64)).optional(),
      parentTeamId: text(64).optional(),
      defaultRole: z.enum(ROLES as [string, ...string[]]).optional(),
      deactivateLeavers: z.boolean().optional(),
    })
    .optional(),
});

/** Secrets are write-only: given values replace the stored ones, null removes one, absent keeps it. */
export const connectionSecrets = z.strictObject({
  secret: text(256).nullable().optional(),
  callbackToken: text(128).nullable().optional(),
  encodingAesKey: z.string().trim().regex(/^[A-Za-z0-9]{43}$/, formatMessage('aes_key_format')).nullable().optional(),
  verificationToken: text(128).nullable().optional(),
  encryptKey: text(128).nullable().optional(),
  cardApiSecret: text(128).nullable().optional(),
});

export const connectionBody = z.strictObject({
  platform: z.enum(PLATFORMS),
  name: z.string().trim().min(1).max(100),
  settings: connectionSettings.default({}),
  secrets: connectionSecrets.default({}),
  enabled: z.boolean().default(true),
});
export type ConnectionBody = z.infer<typeof connectionBody>;

export const connectionPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  settings: connectionSettings.optional(),
  secrets: connectionSecrets.optional(),
  enabled: z.boolean().optional(),
});
export type ConnectionPatch = z.infer<typeof connectionPatch>;

export const signInBody = z.strictObject({
  code: z.string().trim().min(1).max(512),
  /** in_client: a code from the client's 免登 API (dd.getAuthCode / tt.requestAuthCode / the WeCom silent redirect). */
  mode: z.enum(['web', 'in_client']).default('in_client'),
});

export const signInQuery = z.object({ code: z.string().max(512).optional(), state: z.string().max(128).optional() });
export const startQuery = z.object({ inClient: z.enum(['0', '1']).optional() });

export const syncBody = z.strictObject({ dryRun: z.boolean().default(true), overwrite: z.boolean().default(false) });

export const prefBody = z.strictObject({ mode: z.enum(['default', 'off', 'also', 'instead']) });

export const bindingBody = z.strictObject({ userId: z.string().min(1).max(64), externalId: z.string().trim().min(1).max(128) });

export const contactQuery = z.object({ connectionId: z.string().max(64).optional(), externalContactId: z.string().max(128).optional(), customerId: z.string().max(64).optional() });
export const contactLinkBody = z.strictObject({ connectionId: z.string().min(1).max(64), externalContactId: z.string().trim().min(1).max(128), customerId: z.string().min(1).max(64) });

/** The page URL the JS-SDK signatures are for (the platform checks it against the page it runs in). */
export const jsapiQuery = z.object({ url: z.string().trim().max(2000).regex(/^https?:\/\//i, formatMessage('url_format')) });
