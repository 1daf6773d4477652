import { z } from 'zod';
import { effectiveLimits } from './limits.js';
import type { LoadedChannel } from './repo.js';
import { CHANNEL_KINDS } from './schema.js';

const limitsSchema = z.object({ perSecond: z.number().nullable(), perMinute: z.number().nullable() });

export const channelSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    teamId: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
    secretSet: z.boolean().describe('Secrets are write-only: the API only says whether (and which) are stored'),
    secretFields: z.array(z.string()),
    ratePerMinute: z.number().nullable(),
    ratePerSecond: z.number().nullable(),
    limits: limitsSchema.describe('The configured limits capped by the provider’s documented ones'),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Channel' });

export const channelTestResultSchema = z
  .object({ ok: z.boolean(), status: z.number().nullable(), response: z.unknown(), error: z.string().nullable() })
  .meta({ id: 'ChannelTestResult' });

/** API shape: secrets are write-only, so only which of them are set is shown. */
export function presentChannel(c: LoadedChannel): z.infer<typeof channelSchema> {
  const secretFields = Object.entries(c.secrets).filter(([, value]) => value != null && value !== '').map(([key]) => key).sort();
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    teamId: c.teamId,
    settings: c.settings,
    secretSet: secretFields.length > 0,
    secretFields,
    ratePerMinute: c.ratePerMinute,
    ratePerSecond: c.ratePerSecond,
    limits: effectiveLimits(c.kind, { perMinute: c.ratePerMinute, perSecond: c.ratePerSecond }),
    enabled: c.enabled,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
