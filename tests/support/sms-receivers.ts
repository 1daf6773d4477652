/**
 * Local stand-ins for the Aliyun and Tencent Cloud SMS APIs. Each re-derives the documented signature from the
 * request as it arrived on the wire (its own implementation, not the server's) and answers like the real API:
 * a bad signature gets the provider's error, a good one its success answer. Accepted requests are kept for asserts.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (k: Buffer | string, s: string) => createHmac('sha256', k).update(s, 'utf8').digest();

export interface SmsReceived {
  headers: Record<string, string>;
  query: Record<string, string>;
  body: string;
  signatureOk: boolean;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headersOf(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]));
}

async function listen(handler: (req: IncomingMessage, body: string) => { status: number; json: unknown }) {
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const { status, json } = handler(req, body);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Aliyun dysmsapi with the V3 signature ACS3-HMAC-SHA256 (canonical request over the headers named in SignedHeaders). */
export async function startAliyunSmsReceiver(accessKeyId: string, secret: string) {
  const received: SmsReceived[] = [];
  const rfc3986 = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const server = await listen((req, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const headers = headersOf(req);
    const query = Object.fromEntries(url.searchParams.entries());
    const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '');
    let signatureOk = false;
    if (auth && auth[1] === accessKeyId && headers['x-acs-content-sha256'] === sha(body)) {
      const names = auth[2].split(';');
      const canonicalQuery = Object.keys(query).sort().map((k) => `${rfc3986(k)}=${rfc3986(query[k])}`).join('&');
      const canonical = [req.method, url.pathname, canonicalQuery, names.map((n) => `${n}:${(headers[n] ?? '').trim()}\n`).join(''), auth[2], sha(body)].join('\n');
      const expected = createHmac('sha256', secret).update(`ACS3-HMAC-SHA256\n${sha(canonical)}`).digest('hex');
      signatureOk = expected === auth[3] && names.includes('x-acs-date') && names.includes('x-acs-signature-nonce') && names.includes('host');
    }
    received.push({ headers, query, body, signatureOk });
    if (!signatureOk) return { status: 400, json: { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' } };
    if (headers['x-acs-action'] !== 'SendSms' || headers['x-acs-version'] !== '2017-05-25') return { status: 400, json: { Code: 'InvalidAction', Message: 'bad action' } };
    return { status: 200, json: { Code: 'OK', Message: 'OK', BizId: `biz-${received.length}`, RequestId: 'req' } };
  });
  return { ...server, received };
}

/** Tencent Cloud SMS API 3.0 with TC3-HMAC-SHA256 (derived signing key per UTC date and service). */
export async function startTencentSmsReceiver(secretId: string, secretKey: string) {
  const received: SmsReceived[] = [];
  const server = await listen((req, body) => {
    const headers = headersOf(req);
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '');
    let signatureOk = false;
    if (auth && auth[1] === secretId) {
      const [, , date, signed, signature] = auth;
      const ts = Number(headers['x-tc-timestamp']);
      const names = signed.split(';');
      const canonical = ['POST', '/', '', names.map((n) => `${n}:${(headers[n] ?? '').trim().toLowerCase() === '' ? '' : n === 'x-tc-action' ? headers[n].toLowerCase() : headers[n].trim()}\n`).join(''), signed, sha(body)].join('\n');
      const toSign = ['TC3-HMAC-SHA256', String(ts), `${date}/sms/tc3_request`, sha(canonical)].join('\n');
      const key = hmac(hmac(hmac(`TC3${secretKey}`, date), 'sms'), 'tc3_request');
      signatureOk = createHmac('sha256', key).update(toSign).digest('hex') === signature && new Date(ts * 1000).toISOString().slice(0, 10) === date;
    }
    received.push({ headers, query: {}, body, signatureOk });
    if (!signatureOk) return { status: 200, json: { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'r' } } };
    return { status: 200, json: { Response: { SendStatusSet: [{ SerialNo: `serial-${received.length}`, Code: 'Ok', Message: 'send success' }], RequestId: 'r' } } };
  });
  return { ...server, received };
}
