import { z } from 'zod';
import { coded } from '../../core/validation.js';

export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'feishu', 'email', 'sms'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const ROBOT_KINDS = ['wecom', 'dingtalk', 'feishu'] as const;
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** `log` records messages in sms_log instead of sending (development and demos); the others send for real. */
export const SMS_PROVIDERS = ['log', 'aliyun', 'tencent'] as const;

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

/** Per-kind shapes of `settings` (non-secret, returned by the API) and `secrets` (write-only). */
export const robotSettings = z.strictObject({
  format: z.enum(['text', 'markdown']).default('markdown'),
  locale: z.enum(LOCALES).default('zh-CN'),
  /** @-mention the recipient by mobile (WeCom text, DingTalk). */
  mentionByMobile: z.boolean().default(true),
});
export const robotSecrets = z.strictObject({
  /** The robot's webhook address including its key / access_token. */
  webhookUrl: httpUrl,
  /** DingTalk 加签 / Feishu 签名校验 secret; WeCom robots have none. */
  secret: z.string().trim().min(1).max(200).nullable().optional(),
});

export const emailSettings = z.strictObject({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535).default(465),
  /** TLS from the first byte (port 465); false = plain, upgraded with STARTTLS when offered. */
  secure: z.boolean().default(true),
  from: z.string().trim().min(3).max(255),
  user: z.string().trim().max(255).nullable().optional(),
  locale: z.enum(LOCALES).default('zh-CN'),
});
export const emailSecrets = z.strictObject({ password: z.string().max(500).nullable().optional() });

export const smsSettings = z.strictObject({
  provider: z.enum(SMS_PROVIDERS).default('log'),
  signName: z.string().trim().max(50).nullable().optional(),
  /** Provider template id for notifications; its parameters are `title` and `link`. */
  templateCode: z.string().trim().max(100).default('ACTIONFLOW_NOTIFY'),
  locale: z.enum(LOCALES).default('zh-CN'),
  /** Override of the provider's API address (a regional endpoint or a proxy); defaults to the documented one. */
  endpoint: httpUrl.nullable().optional(),
  /** Tencent: the SMS application (SmsSdkAppId) and region. */
  sdkAppId: z.string().trim().max(50).nullable().optional(),
  region: z.string().trim().max(50).nullable().optional(),
  /** Tencent templates take positional parameters: the order of our named ones (default title, link). */
  templateParams: z.array(z.string().trim().min(1).max(50)).max(10).nullable().optional(),
});
export const smsSecrets = z.strictObject({
  accessKeyId: z.string().max(200).nullable().optional(),
  accessKeySecret: z.string().max(500).nullable().optional(),
});

/**
 * Stored settings and secrets as the delivery code reads them: every field any kind may have, each optional, since a
 * row holds only its own kind's fields (validated by KIND_SHAPES on write).
 */
export type StoredChannelSettings = Partial<z.infer<typeof robotSettings> & z.infer<typeof emailSettings> & z.infer<typeof smsSettings>>;
export type StoredChannelSecrets = Partial<z.infer<typeof robotSecrets> & z.infer<typeof emailSecrets> & z.infer<typeof smsSecrets>>;

export const KIND_SHAPES = {
  wecom: { settings: robotSettings, secrets: robotSecrets },
  dingtalk: { settings: robotSettings, secrets: robotSecrets },
  feishu: { settings: robotSettings, secrets: robotSecrets },
  email: { settings: emailSettings, secrets: emailSecrets },
  sms: { settings: smsSettings, secrets: smsSecrets },
} as const;

const rate = z.number().int().min(1).max(10_000).nullable().optional();

export const channelBody = z.object({
  kind: z.enum(CHANNEL_KINDS),
  name: z.string().trim().min(1).max(100),
  /** Team whose members (and sub-teams) this channel serves; null = whole company. */
  teamId: z.string().min(1).max(64).nullable().optional(),
  settings: z.record(z.string(), z.unknown()).default({}),
  secrets: z.record(z.string(), z.unknown()).default({}),
  /** Lower than the robot's own limit only; null = the documented limit of the kind. */
  ratePerMinute: rate,
  ratePerSecond: rate,
  enabled: z.boolean().default(true),
});
export type ChannelBody = z.infer<typeof channelBody>;

export const channelPatch = z
  .object({
    name: z.string().trim().min(1).max(100),
    teamId: z.string().min(1).max(64).nullable(),
    /** Replaces the settings (validated for the channel's kind). */
    settings: z.record(z.string(), z.unknown()),
    /** Merged into the stored secrets: a key given replaces it, null removes it; absent keys are kept. */
    secrets: z.record(z.string(), z.unknown()),
    ratePerMinute: rate,
    ratePerSecond: rate,
    enabled: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, coded('empty_change', undefined, ['body']));
export type ChannelPatch = z.infer<typeof channelPatch>;

export const channelTestBody = z
  .object({
    /** E-mail address or mobile number for e-mail and SMS channels; robots post to their group. */
    to: z.string().trim().min(3).max(255).optional(),
  })
  .nullish();
export type ChannelTestBody = z.infer<typeof channelTestBody>;
