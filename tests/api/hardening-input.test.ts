import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/** Issue 14, defects 4–6 and 8 (headers): bad input is a 4xx in the error shape, never a 500 or a bare Fastify body. */

function expectErrorShape(res: { statusCode: number; body: string }, status: number, code?: string) {
  const where = `${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBe(status);
  const body = JSON.parse(res.body);
  expect(typeof body.error?.code, where).toBe('string');
  expect(typeof body.error?.message, where).toBe('string');
  if (code) expect(body.error.code, where).toBe(code);
  return body.error as { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}

const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');
const DEEP_FLOW = `key: x\nname: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
const DEEP_BLOCK = Array.from({ length: 10_000 }, () => '- ').join('') + 'x';

function multipart(fields: Array<[string, string]>) {
  const boundary = `----af${newId()}`;
  const chunks = fields.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('hardening: bad input never gives a 500 or a foreign error body', () => {
  let t: TestContext;
  let admin: Requester;
  let seller: Requester;
  beforeAll(async () => {
    t = await setupTestApp();
    admin = await t.as('admin');
    seller = await t.as('seller_a');
  });
  afterAll(async () => t?.close());

  it('refuses inherited property names as sort fields (toString, __proto__, constructor) with a 400 naming sort', async () => {
    for (const url of ['/api/customers', '/api/deals']) {
      for (const sort of ['toString', '__proto__', 'constructor', '-hasOwnProperty', 'valueOf']) {
        const error = expectErrorShape(await seller({ method: 'GET', url: `${url}?sort=${sort}` }), 400, 'VALIDATION_FAILED');
        expect(error.fields?.[0].field).toBe('sort');
      }
    }
  });

  it('refuses impossible calendar dates on appointment lists and stats with a 400 naming the field', async () => {
    const list = expectErrorShape(await admin({ method: 'GET', url: '/api/appointments?date=2026-02-30' }), 400, 'VALIDATION_FAILED');
    expect(list.fields?.map((f) => f.field)).toContain('date');
    const stats = expectErrorShape(await admin({ method: 'GET', url: '/api/appointments/stats?from=2026-02-30&to=2026-03-31' }), 400);
    expect(stats.fields?.map((f) => f.field)).toContain('from');
    expectErrorShape(await admin({ method: 'GET', url: '/api/appointments/stats?from=2026-01-01&to=2026-13-01' }), 400);
    expect((await admin({ method: 'GET', url: '/api/appointments/stats?from=2028-02-01&to=2028-02-29' })).statusCode).toBe(200);
    const deal = await admin({ method: 'GET', url: '/api/deals?sort=expectedCloseDate' });
    expect(deal.statusCode).toBe(200);
  });

  it('answers YAML alias bombs and 10,000-level nesting with line-precise errors on every YAML endpoint', async () => {
    for (const kind of ['pipelines', 'rules', 'cadences', 'work-order-types']) {
      for (const doc of [ALIAS_BOMB, DEEP_FLOW, DEEP_BLOCK]) {
        const validate = await admin({ method: 'POST', url: `/api/${kind}/validate`, headers: { 'content-type': 'text/yaml' }, payload: doc });
        expect(validate.statusCode, `${kind} validate ${validate.body.slice(0, 200)}`).toBe(200);
        const result = validate.json();
        expect(result.ok).toBe(false);
        expect(result.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
        // A stable code, and a message in the caller's language (Chinese by default).
        expect(result.errors[0].code).toMatch(/^yaml_too_(many_aliases|deep)$/);
        expect(result.errors[0].message).toMatch(/别名|嵌套|层/);
        const imported = await admin({ method: 'POST', url: `/api/${kind}/import`, headers: { 'content-type': 'application/yaml' }, payload: doc });
        expect(expectErrorShape(imported, 422, 'YAML_INVALID').message).toBeTruthy();
      }
    }
  });

  it("answers Fastify's own URL errors (bad percent-encoding, over-long path parameter) in the error shape", async () => {
    const badEncoding = await seller({ method: 'GET', url: '/api/customers/%E0%A4%A' });
    expect(expectErrorShape(badEncoding, 400, 'VALIDATION_FAILED').fields?.[0].field).toBe('url');
    expectErrorShape(await seller({ method: 'GET', url: `/api/customers/${'x'.repeat(500)}` }), 414, 'URI_TOO_LONG');
  });

  it('answers oversized request headers with 431 in the error shape (real socket, HTTP parser level)', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = new URL(address);
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`);
        });
        let data = '';
        socket.on('data', (d) => (data += d));
        socket.on('error', () => resolve(data));
        socket.on('close', () => resolve(data));
        setTimeout(() => reject(new Error(`no answer: ${data}`)), 5000).unref();
      });
      expect(raw).toMatch(/^HTTP\/1\.1 431 /);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
      expect(body.error).toMatchObject({ code: 'HEADERS_TOO_LARGE', message: expect.any(String) });
    } finally {
      await t.app.server.close();
    }
  });

  it('limits multipart text fields: too many fields → 413, an over-long field → 400 naming it; nothing is buffered', async () => {
    const many = multipart(Array.from({ length: 400 }, (_, i) => [`f${i}`, 'x'.repeat(100)] as [string, string]));
    expectErrorShape(await seller({ method: 'POST', url: '/api/attachments', ...many }), 413, 'PAYLOAD_TOO_LARGE');
    const long = multipart([['entity', 'customer'], ['entityId', 'x'.repeat(1024 * 1024)]]);
    const error = expectErrorShape(await seller({ method: 'POST', url: '/api/attachments', ...long }), 400, 'VALIDATION_FAILED');
    expect(error.fields?.[0].field).toBe('entityId');
  });

  it('marks API JSON as not cacheable, and sends HSTS only over HTTPS', async () => {
    const me = await seller({ method: 'GET', url: '/api/me' });
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.headers['strict-transport-security']).toBeUndefined();
    const error = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(error.headers['cache-control']).toBe('no-store');
    // A forwarded "https" from an untrusted client does not count as HTTPS.
    const spoofed = await seller({ method: 'GET', url: '/api/me', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('hardening: HSTS behind a trusted TLS proxy', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp({ config: { trustProxy: 1 } });
  });
  afterAll(async () => t?.close());

  it('sends Strict-Transport-Security when the trusted proxy says the request came over HTTPS', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'GET', url: '/api/me', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
