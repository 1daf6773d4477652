/**
 * Tencent Cloud SMS (API 3.0, action SendSms, version 2021-01-11), signed with `TC3-HMAC-SHA256` as documented in
 * "签名方法 v3 / Signature v3" of Tencent Cloud API 3.0 (SMS API documentation → 公共参数 → 签名方法 v3, with the
 * SendSms 2021-01-11 reference; the SDK 3.0 pages of 2024 use the same scheme):
 *
 *   CanonicalRequest = POST \n / \n "" \n "content-type:…\nhost:…\n" \n "content-type;host" \n HexSHA256(body)
 *   StringToSign     = "TC3-HMAC-SHA256" \n Timestamp \n <UTC date>/sms/tc3_request \n HexSHA256(CanonicalRequest)
 *   SecretSigning    = HMAC(HMAC(HMAC("TC3"+SecretKey, date), "sms"), "tc3_request")
 *   Signature        = Hex(HMAC-SHA256(SecretSigning, StringToSign))
 *   Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<date>/sms/tc3_request, SignedHeaders=content-type;host, Signature=<hex>
 *
 * Headers X-TC-Action: SendSms, X-TC-Version, X-TC-Timestamp, X-TC-Region. The body's TemplateParamSet is positional:
 * our named parameters are ordered by the channel's `templateParams` list (default ["title", "link"]).
 * Answer: {"Response":{"SendStatusSet":[{"Code":"Ok",…}]}} or {"Response":{"Error":{"Code":…}}};
 * LimitExceeded.* / InternalError.* → retry later, others → dead letter.
 */
import { createHash, createHmac } from 'node:crypto';

export const TENCENT_SMS_ENDPOINT = 'https://sms.tencentcloudapi.com/';
export const TENCENT_SMS_VERSION = '2021-01-11';
const CONTENT_TYPE = 'application/json; charset=utf-8';

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

export function tencentSignature(secretKey: string, host: string, timestamp: number, body: string) {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonicalRequest = ['POST', '/', '', `content-type:${CONTENT_TYPE}\nhost:${host}\n`, 'content-type;host', sha256Hex(body)].join('\n');
  const scope = `${date}/sms/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date), 'sms'), 'tc3_request');
  return { scope, signature: createHmac('sha256', signing).update(stringToSign, 'utf8').digest('hex') };
}

export interface TencentConfig {
  endpoint?: string | null;
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  region?: string | null;
  templateParams?: string[] | null;
}

/** Mainland numbers go out in E.164 (+86…) as the API expects. */
export function e164(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('0086')) return `+${digits.slice(2)}`;
  if (/^1\d{10}$/.test(digits)) return `+86${digits}`;
  return `+${digits}`;
}

export function buildTencentRequest(config: TencentConfig, sms: { phone: string; template: string; params: Record<string, string> }, now: Date) {
  const url = new URL(config.endpoint || TENCENT_SMS_ENDPOINT);
  const order = config.templateParams?.length ? config.templateParams : ['title', 'link'];
  const body = JSON.stringify({
    PhoneNumberSet: [e164(sms.phone)],
    SmsSdkAppId: config.sdkAppId,
    SignName: config.signName,
    TemplateId: sms.template,
    TemplateParamSet: order.map((name) => sms.params[name] ?? ''),
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  const { scope, signature } = tencentSignature(config.secretKey, url.host, timestamp, body);
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPE,
    host: url.host,
    'x-tc-action': 'SendSms',
    'x-tc-version': TENCENT_SMS_VERSION,
    'x-tc-timestamp': String(timestamp),
    'x-tc-region': config.region || 'ap-guangzhou',
    authorization: `TC3-HMAC-SHA256 Credential=${config.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
  };
  return { url: url.toString(), headers, body };
}

export function judgeTencent(status: number, body: unknown): { ok: boolean; retryable: boolean; id?: string; error?: string } {
  const response = ((body ?? {}) as { Response?: { Error?: { Code: string; Message?: string }; SendStatusSet?: Array<{ Code: string; Message?: string; SerialNo?: string }> } }).Response;
  const sent = response?.SendStatusSet?.[0];
  if (status === 200 && sent?.Code === 'Ok') return { ok: true, retryable: false, id: sent.SerialNo };
  const code = response?.Error?.Code ?? sent?.Code ?? `HTTP ${status}`;
  const message = response?.Error?.Message ?? sent?.Message ?? '';
  const retryable = status >= 500 || /^(LimitExceeded|InternalError|RequestLimitExceeded)/.test(code);
  return { ok: false, retryable, error: `tencent: ${code}: ${message}`.trim() };
}
