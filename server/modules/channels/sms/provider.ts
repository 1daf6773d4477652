/**
 * SMS goes through a provider interface with named template parameters. Built in: `log` (development, demos, tests:
 * records every send in `sms_log`, sends nothing), `aliyun` (sms/aliyun.ts) and `tencent` (sms/tencent.ts), which
 * send for real with their documented request formats and signatures.
 */
import type { Queryable } from '../../../db/index.js';
import type { Clock } from '../../../core/clock.js';
import { newId } from '../../../core/ids.js';
import { toJson } from '../../../core/json.js';
import type { StoredChannelSecrets, StoredChannelSettings } from '../schema.js';
import { buildAliyunRequest, judgeAliyun } from './aliyun.js';
import { buildTencentRequest, judgeTencent } from './tencent.js';

/** POSTs through the channel module's outbound guard; answers the status and parsed body. */
export type SmsHttp = (url: string, body: string, headers: Record<string, string>) => Promise<{ status: number; body: unknown }>;

export interface SmsRequest {
  phone: string;
  /** Provider template code/id. */
  template: string;
  /** Named template parameters. */
  params: Record<string, string>;
}

export interface SmsResult {
  ok: boolean;
  retryable: boolean;
  /** Provider message id on success, or its code and message on failure. */
  id?: string;
  error?: string;
}

export interface SmsProvider {
  name: string;
  send(request: SmsRequest): Promise<SmsResult>;
}

/** Records the message instead of sending it. */
export function logProvider(db: Queryable, clock: Clock, channelId: string | null): SmsProvider {
  return {
    name: 'log',
    async send(request) {
      if (!/^\+?\d{5,20}$/.test(request.phone.replace(/[\s-]/g, ''))) {
        return { ok: false, retryable: false, error: `log: invalid phone number "${request.phone}"` };
      }
      const id = newId();
      await db
        .insertInto('sms_log')
        .values({ id, channel_id: channelId, phone: request.phone, template: request.template, params: toJson(request.params), sent_at: clock.now().toISOString() })
        .execute();
      return { ok: true, retryable: false, id };
    },
  };
}

export function smsProviderFor(db: Queryable, clock: Clock, channel: { id: string; settings: StoredChannelSettings; secrets?: StoredChannelSecrets }, http?: SmsHttp): SmsProvider {
  const provider = channel.settings.provider ?? 'log';
  if (provider === 'log') return logProvider(db, clock, channel.id);
  const s = channel.settings;
  const keyId = channel.secrets?.accessKeyId ?? '';
  const keySecret = channel.secrets?.accessKeySecret ?? '';
  const missing = (what: string): SmsResult => ({ ok: false, retryable: false, error: `${provider}: ${what} is not configured` });
  const call = async (request: { url: string; headers: Record<string, string>; body: string }, judge: (status: number, body: unknown) => SmsResult) => {
    if (!http) return { ok: false, retryable: false, error: `${provider}: no HTTP client` };
    const res = await http(request.url, request.body, request.headers);
    return judge(res.status, res.body);
  };
  if (provider === 'aliyun') {
    return {
      name: 'aliyun',
      async send(request) {
        if (!keyId || !keySecret) return missing('accessKeyId/accessKeySecret');
        if (!s.signName) return missing('signName');
        return call(buildAliyunRequest({ endpoint: s.endpoint, accessKeyId: keyId, accessKeySecret: keySecret, signName: s.signName }, request, clock.now(), newId()), judgeAliyun);
      },
    };
  }
  if (provider === 'tencent') {
    return {
      name: 'tencent',
      async send(request) {
        if (!keyId || !keySecret) return missing('accessKeyId (SecretId)/accessKeySecret (SecretKey)');
        if (!s.signName || !s.sdkAppId) return missing('signName/sdkAppId');
        const config = { endpoint: s.endpoint, secretId: keyId, secretKey: keySecret, sdkAppId: s.sdkAppId, signName: s.signName, region: s.region, templateParams: s.templateParams };
        return call(buildTencentRequest(config, request, clock.now()), judgeTencent);
      },
    };
  }
  // Unknown providers cannot be configured through the API (schema enum); a hand-edited row fails loudly.
  return { name: String(provider), send: async () => ({ ok: false, retryable: false, error: `SMS provider "${provider}" is not available` }) };
}
