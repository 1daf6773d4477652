/**
 * Callback signatures and payload encryption of the three platforms. Pure functions; the fake platforms in
 * tests/support/fake-platforms.ts use the same documented algorithms from the other side.
 *
 * WeCom (企业微信开发者中心「加解密方案说明」, doc 90968, as of 2024-03) and DingTalk (开放平台「回调加解密」, HTTP
 * event subscription, as of 2024-05) share one scheme:
 *   msg_signature = sha1(sort([token, timestamp, nonce, encrypt]).join(''))  (hex)
 *   AESKey = base64_decode(EncodingAESKey + '=')  (43 chars → 32 bytes), IV = AESKey[0..16), AES-256-CBC,
 *   PKCS#7 padding to a 32-byte block; plaintext = random(16) ‖ uint32be(len(msg)) ‖ msg ‖ receiveId
 *   (WeCom: the corp id; DingTalk: the app key / suite key).
 * Feishu (开放平台「配置 Encrypt Key」与「事件订阅：安全校验」, as of 2024-06):
 *   key = sha256(encryptKey), body `{"encrypt": base64(iv(16) ‖ AES-256-CBC(key, iv, PKCS#7(json)))}`;
 *   X-Lark-Signature = sha256_hex(timestamp + nonce + encryptKey + rawBody) with X-Lark-Request-Timestamp/-Nonce.
 * DingTalk 互动卡片 HTTP callbacks are not events and are neither encrypted nor msg_signature'd (互动卡片 / 开发指南 /
 * 卡片互动 > 事件回调, open.dingtalk.com/document/development/event-callback-card, doc updated 2026-08-04): with the
 * apiSecret given to 注册卡片回调地址 the request carries x-ddpaas-signature-timestamp (ms) and
 *   x-ddpaas-signature = base64(HmacSHA256(key = apiSecret, message = timestamp)).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export class CallbackRefused extends Error {}

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sha1([token, timestamp, nonce, encrypt].sort().join(''));
}

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new CallbackRefused('EncodingAESKey must be 43 characters (32 bytes in base64)');
  return key;
}

export function wecomEncrypt(encodingAesKey: string, message: string, receiveId: string, random = randomBytes(16)): string {
  const key = aesKeyOf(encodingAesKey);
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = Buffer.concat([random, len, msg, Buffer.from(receiveId, 'utf8')]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** Decrypts and checks the receive id (a message for another corp / app is refused). */
export function wecomDecrypt(encodingAesKey: string, encrypted: string, receiveId: string): string {
  const key = aesKeyOf(encodingAesKey);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  } catch {
    throw new CallbackRefused('payload does not decrypt');
  }
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > 32) throw new CallbackRefused('bad padding');
  const content = plain.subarray(16, plain.length - pad);
  const len = content.readUInt32BE(0);
  const message = content.subarray(4, 4 + len).toString('utf8');
  const rid = content.subarray(4 + len).toString('utf8');
  if (rid !== receiveId) throw new CallbackRefused(`payload is for ${rid}, not ${receiveId}`);
  return message;
}

/** Verifies msg_signature and decrypts; throws CallbackRefused on any mismatch. */
export function openWecomStyle(opts: { token: string; encodingAesKey: string; receiveId: string; signature: string; timestamp: string; nonce: string; encrypt: string }): string {
  if (!opts.signature || !sameText(msgSignature(opts.token, opts.timestamp, opts.nonce, opts.encrypt), opts.signature)) throw new CallbackRefused('signature mismatch');
  return wecomDecrypt(opts.encodingAesKey, opts.encrypt, opts.receiveId);
}

/** DingTalk card-callback signature (see the header): base64 HMAC-SHA256 of the timestamp under the apiSecret. */
export function dingtalkCardSignature(apiSecret: string, timestamp: string): string {
  return createHmac('sha256', apiSecret).update(timestamp, 'utf8').digest('base64');
}

const feishuKey = (encryptKey: string) => createHash('sha256').update(encryptKey, 'utf8').digest();

export function feishuEncrypt(encryptKey: string, json: string, iv = randomBytes(16)): string {
  const cipher = createCipheriv('aes-256-cbc', feishuKey(encryptKey), iv);
  return Buffer.concat([iv, cipher.update(json, 'utf8'), cipher.final()]).toString('base64');
}

export function feishuDecrypt(encryptKey: string, encrypted: string): string {
  try {
    const raw = Buffer.from(encrypted, 'base64');
    const decipher = createDecipheriv('aes-256-cbc', feishuKey(encryptKey), raw.subarray(0, 16));
    return Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString('utf8');
  } catch {
    throw new CallbackRefused('payload does not decrypt');
  }
}

export function feishuSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + rawBody, 'utf8').digest('hex');
}

/** Reads `<Tag><![CDATA[value]]></Tag>` or `<Tag>value</Tag>` of the platforms' flat XML (no nesting needed). */
export function xmlField(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${tag}>`).exec(xml);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

/**
 * JS-SDK permission signature (WeCom「JS-SDK使用权限签名算法」doc 90506, as of 2024-03; the same algorithm for
 * wx.config with the corp jsapi_ticket and wx.agentConfig with the app's agent_config ticket):
 * sha1("jsapi_ticket=…&noncestr=…&timestamp=…&url=…"), the URL without its #fragment. Hex, lower case.
 */
export function jsapiSignature(ticket: string, nonceStr: string, timestamp: string | number, url: string): string {
  return sha1(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url.split('#')[0]}`);
}
