import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';

/**
 * Issue 14, defect 2: a same-site page (another port on the intranet host) must not change data with the user's
 * session cookie — neither through a preflight-free `text/plain` body nor through a body-less POST.
 */
describe('hardening: cross-site request forgery', () => {
  let t: TestContext;
  let cookie: string;
  beforeAll(async () => {
    t = await setupTestApp({ config: { allowedOrigins: ['https://crm.example.test'] } });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'seller_a', password: 'password123' } });
    cookie = `af_session=${login.cookies.find((c) => c.name === 'af_session')!.value}`;
  });
  afterAll(async () => t?.close());

  let n = 0;
  async function createCustomer() {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'POST', url: '/api/customers', payload: { name: `客户${++n}${Date.now()}` } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  }

  const own = 'http://localhost:80';

  it('refuses text/plain and form bodies on state-changing routes with 415 naming content-type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: { cookie, 'content-type': type },
        payload: JSON.stringify({ name: '跨站客户', region: '浙江省杭州市' }),
      });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ field: 'content-type' }] });
    }
    const count = await t.db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).where('name', '=', '跨站客户').executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });

  it('refuses cookie-authenticated changes from another origin or a same-site page, even without a body', async () => {
    const customer = await createCustomer();
    const attempts: Array<Record<string, string>> = [
      { origin: 'http://localhost:8080' }, // another port on the same host
      { origin: 'http://evil.localhost' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of attempts) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/customers/${customer.id}`, headers: { cookie, ...headers }, payload: { name: '被改了' } });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', fields: [{ field: 'origin' }] });
      const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, ...headers } });
      expect(logout.statusCode).toBe(403);
    }
    const row = await t.db.selectFrom('customers').select('name').where('id', '=', customer.id).executeTakeFirstOrThrow();
    expect(row.name).not.toBe('被改了');
  });

  it('accepts its own origin, configured origins, same-origin fetches and clients that send neither header', async () => {
    const customer = await createCustomer();
    for (const headers of [{ origin: own }, { origin: 'https://crm.example.test' }, { 'sec-fetch-site': 'same-origin' }, {}] as Array<Record<string, string>>) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/customers/${customer.id}`, headers: { cookie, ...headers }, payload: { region: '浙江省杭州市' } });
      expect(res.statusCode, `${JSON.stringify(headers)} ${res.body}`).toBe(200);
    }
    // Reads are not state changes.
    const read = await t.app.inject({ method: 'GET', url: `/api/customers/${customer.id}`, headers: { cookie, origin: 'http://localhost:8080' } });
    expect(read.statusCode).toBe(200);
  });

  it('leaves API tokens unaffected: a Bearer request from any origin works (tokens are never ambient)', async () => {
    const lead = await t.as('lead_east1');
    const { token } = (await lead({ method: 'POST', url: '/api/tokens', payload: { name: 'sync' } })).json();
    const customer = await createCustomer();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/customers/${customer.id}`,
      headers: { authorization: `Bearer ${token}`, origin: 'http://elsewhere.test', 'sec-fetch-site': 'cross-site' },
      payload: { region: '浙江省宁波市' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
