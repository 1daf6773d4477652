/**
 * Aliyun SMS (dysmsapi, action SendSms, API version 2017-05-25), signed with Aliyun's V3 request signature
 * `ACS3-HMAC-SHA256` — documented in "V3版本请求体&签名机制 / Request syntax and signature method V3"
 * (help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature, revision of 2024-12/2025-02),
 * which Aliyun recommends over the older RPC V2 HMAC-SHA1 signature:
 *
 *   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HexSHA256(body)
 *   CanonicalHeaders = lower-cased `host`, `x-acs-*` (and content-type when present), sorted, each `name:value\n`
 *   StringToSign     = "ACS3-HMAC-SHA256" \n HexSHA256(CanonicalRequest)
 *   Signature        = Hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 *   Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names;…>,Signature=<hex>
 *
 * The RPC parameters (PhoneNumbers, SignName, TemplateCode, TemplateParam as a JSON object of our named parameters)
 * travel in the query string, RFC 3986-encoded and sorted; the body is empty.
 * Answer: {"Code":"OK","BizId":…}; isv.BUSINESS_LIMIT_CONTROL / Throttling.* → retry later; other codes → dead letter.
 */
import { createHash, createHmac } from 'node:crypto';

export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';
export const ALIYUN_SMS_VERSION = '2017-05-25';

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/** RFC 3986 percent-encoding as the V3 document asks (space → %20, `~` kept, `*` encoded). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
}

/** Signs one request; shared by the sender and (independently re-derived from the wire) the test receiver. */
export function aliyunSignature(secret: string, method: string, path: string, query: string, headers: Record<string, string>, body: string) {
  const names = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'))
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${String(lower[n]).trim()}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [method, path, query, canonicalHeaders, signedHeaders, sha256Hex(body)].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
  return { signedHeaders, signature: createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex') };
}

export interface AliyunConfig {
  endpoint?: string | null;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
}

export function buildAliyunRequest(config: AliyunConfig, sms: { phone: string; template: string; params: Record<string, string> }, now: Date, nonce: string) {
  const url = new URL(config.endpoint || ALIYUN_SMS_ENDPOINT);
  const query = canonicalQuery({ PhoneNumbers: sms.phone, SignName: config.signName, TemplateCode: sms.template, TemplateParam: JSON.stringify(sms.params) });
  const body = '';
  const headers: Record<string, string> = {
    host: url.host,
    'x-acs-action': 'SendSms',
    'x-acs-version': ALIYUN_SMS_VERSION,
    'x-acs-date': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': nonce,
    'x-acs-content-sha256': sha256Hex(body),
  };
  const { signedHeaders, signature } = aliyunSignature(config.accessKeySecret, 'POST', url.pathname || '/', query, headers, body);
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${config.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { url: `${url.origin}${url.pathname || '/'}?${query}`, headers, body };
}

export function judgeAliyun(status: number, body: unknown): { ok: boolean; retryable: boolean; id?: string; error?: string } {
  const answer = (body ?? {}) as { Code?: string; Message?: string; BizId?: string };
  if (status === 200 && answer.Code === 'OK') return { ok: true, retryable: false, id: answer.BizId };
  const code = answer.Code ?? `HTTP ${status}`;
  const retryable = status >= 500 || status === 429 || /LIMIT_CONTROL|Throttling/i.test(code);
  return { ok: false, retryable, error: `aliyun: ${code}: ${answer.Message ?? ''}`.trim() };
}
