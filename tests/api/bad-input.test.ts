import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/**
 * Sweeps every documented endpoint with malformed input and asserts the contract: a 4xx with a machine-readable code and
 * a message (and named fields for validation failures), never a 500. Endpoints come from the OpenAPI document, so a new
 * route is covered the day it is added.
 */
describe('bad input on every endpoint', () => {
  let t: TestContext;
  let admin: Requester;
  let paths: Record<string, Record<string, { requestBody?: unknown; parameters?: Array<{ in: string; name: string }> }>>;
  beforeAll(async () => {
    t = await setupTestApp();
    admin = await t.as('admin');
    paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
  });
  afterAll(async () => t?.close());

  const fill = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
  const badBodies: unknown[] = [{ __bogus: 1 }, [], 'text', { name: 12, title: [], id: {}, amountFen: 'lots', at: 'tomorrow' }];

  function expectClientError(method: string, url: string, res: { statusCode: number; body: string }) {
    const where = `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
    expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, where).toBeLessThan(500);
    const body = JSON.parse(res.body);
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
    if (body.error.code === 'VALIDATION_FAILED') expect(body.error.fields?.length, where).toBeGreaterThan(0);
  }

  it('answers malformed bodies with a 4xx naming the problem, never a 500', async () => {
    let checked = 0;
    for (const [path, ops] of Object.entries(paths)) {
      for (const method of ['post', 'put', 'patch'] as const) {
        if (!ops[method]) continue;
        if (path.endsWith('/logout')) continue; // no body; always succeeds
        for (const body of badBodies) {
          const res = await admin({
            method: method.toUpperCase() as 'POST',
            url: fill(path),
            payload: typeof body === 'string' ? body : JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
          if (res.statusCode < 300) {
            // Endpoints whose body is entirely optional may accept `{}`-like input; they must not accept garbage types.
            expect(body, `${method} ${path} accepted ${JSON.stringify(body)}`).toEqual({ __bogus: 1 });
            continue;
          }
          expectClientError(method, path, res);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('answers malformed query strings and unknown ids with a 4xx, never a 500', async () => {
    let checked = 0;
    for (const [path, ops] of Object.entries(paths)) {
      if (!ops.get) continue;
      const url = `${fill(path)}?page=-1&pageSize=abc&sort=%24%24&from=notadate&to=x&ids=&at=yesterday&entity=nope&view=sideways`;
      const res = await admin({ method: 'GET', url });
      if (res.statusCode < 400) continue; // endpoints without those parameters ignore them
      expectClientError('GET', url, res);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
