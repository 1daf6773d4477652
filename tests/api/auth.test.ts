import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';

describe('auth and org', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(async () => t?.close());

  it('logs in with a HttpOnly SameSite session cookie and answers /api/me', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'seller_a', password: 'password123' } });
    expect(res.statusCode).toBe(200);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    const cookie = res.cookies.find((c) => c.name === 'af_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `af_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'seller_a', role: 'seller', team: { name: '华东一组' } });
  });

  it('refuses a wrong password with 401 BAD_CREDENTIALS and unauthenticated calls with 401', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'seller_a', password: 'nope-nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('BAD_CREDENTIALS');
    const me = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('names the missing field when the login body is incomplete', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain('password');
  });

  it('logout ends the session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'seller_b', password: 'password123' } });
    const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('API tokens carry the creating user and stop working once revoked', async () => {
    const seller = await t.as('lead_east1');
    const created = await seller({ method: 'POST', url: '/api/tokens', payload: { name: 'ERP sync' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().username).toBe('lead_east1');
    const list = await seller({ method: 'GET', url: '/api/tokens' });
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await seller({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('lets only admins create users, validates the body and audits the creation', async () => {
    const seller = await t.as('seller_a');
    const body = { username: 'new_seller', displayName: '新销售', password: 'longenough', role: 'seller', teamId: t.org.teams.southTeam };
    expect((await seller({ method: 'POST', url: '/api/users', payload: body })).statusCode).toBe(403);
    const admin = await t.as('admin');
    const bad = await admin({ method: 'POST', url: '/api/users', payload: { ...body, role: 'king' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('role');
    const ok = await admin({ method: 'POST', url: '/api/users', payload: body });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().team.id).toBe(t.org.teams.southTeam);
    const dup = await admin({ method: 'POST', url: '/api/users', payload: body });
    expect(dup.statusCode).toBe(409);
    const audit = await admin({ method: 'GET', url: `/api/audit?entity=user&id=${ok.json().id}` });
    expect(audit.json().items[0]).toMatchObject({ action: 'create', actor: { id: t.org.users.admin.id } });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'new_seller', password: 'longenough' } });
    expect(login.statusCode).toBe(200);
    const stored = await t.db.selectFrom('users').select('password_hash').where('username', '=', 'new_seller').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('rate-limits repeated failed logins with 429 RATE_LIMITED', async () => {
    const strict = await setupTestApp({ loginMax: 3 });
    try {
      const attempt = () => strict.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'seller_a', password: 'wrong-one' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/auth/login']).toBeDefined();
  });
});
