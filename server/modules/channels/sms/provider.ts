/**
 * SMS goes through a provider interface with named template parameters. Built in: `log`, which records every send in
 * the `sms_log` table (development, demos, tests). Real providers plug in behind the same interface; their request
 * shapes, for whoever adds them (not called by this code):
 *
 * Aliyun SMS (dysmsapi, action SendSms, API version 2017-05-25):
 *   POST https://dysmsapi.aliyuncs.com/  (RPC style; signed with the Aliyun V3 signature `ACS3-HMAC-SHA256`
 *   over the canonical request, headers x-acs-action: SendSms, x-acs-version: 2017-05-25, x-acs-date, x-acs-signature-nonce)
 *   params: PhoneNumbers="13800138000", SignName="康捷医疗", TemplateCode="SMS_123456789",
 *           TemplateParam='{"title":"商机停滞提醒","link":"https://…"}'   ← our named params map 1:1 (a JSON object)
 *   answer: {"Code":"OK","Message":"OK","BizId":"…","RequestId":"…"}; failure codes such as
 *           isv.BUSINESS_LIMIT_CONTROL (throttled → retry later), isv.MOBILE_NUMBER_ILLEGAL / isv.SMS_TEMPLATE_ILLEGAL
 *           (configuration → dead letter).
 *
 * Tencent Cloud SMS (sms.tencentcloudapi.com, action SendSms, version 2021-01-11, TC3-HMAC-SHA256 signature):
 *   POST https://sms.tencentcloudapi.com/  headers X-TC-Action: SendSms, X-TC-Version: 2021-01-11, X-TC-Region: ap-guangzhou,
 *   X-TC-Timestamp, Authorization: TC3-HMAC-SHA256 Credential=…/…/sms/tc3_request, SignedHeaders=…, Signature=…
 *   body: {"PhoneNumberSet":["+8613800138000"],"SmsSdkAppId":"1400…","SignName":"康捷医疗","TemplateId":"123456",
 *          "TemplateParamSet":["商机停滞提醒","https://…"]}   ← positional: the adapter orders our named params by a
 *          per-template list such as ["title","link"]
 *   answer: {"Response":{"SendStatusSet":[{"Code":"Ok","Message":"send success","SerialNo":"…"}],"RequestId":"…"}};
 *           Code LimitExceeded.* → retry later, InvalidParameterValue.* / FailedOperation.TemplateIncorrectOrUnapproved → dead.
 */
import type { Queryable } from '../../../db/index.js';
import type { Clock } from '../../../core/clock.js';
import { newId } from '../../../core/ids.js';
import { toJson } from '../../../core/json.js';
import type { StoredChannelSettings } from '../schema.js';

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

export function smsProviderFor(db: Queryable, clock: Clock, channel: { id: string; settings: StoredChannelSettings }): SmsProvider {
  const provider = channel.settings.provider ?? 'log';
  if (provider === 'log') return logProvider(db, clock, channel.id);
  // Unknown providers cannot be configured through the API (schema enum); a hand-edited row fails loudly.
  return { name: String(provider), send: async () => ({ ok: false, retryable: false, error: `SMS provider "${provider}" is not available` }) };
}
