import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { setupTestApp, TEST_PASSWORD, type Requester, type TestContext } from '../support/app.js';

/**
 * Issue 15 points 10 and 11: API tokens are a permission an admin grants per role, with a longest lifetime, checked
 * when a token is made and each time it is used; the 万 amount display is an org setting every user reads.
 * On the old code the role list was fixed (a seller could never be granted tokens, a lead could never lose them,
 * and there was no lifetime per role), and the amount style lived in each browser.
 */
describe('org settings: API-token permission per role and the amount display', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(async () => t?.close());

  /** A new session (the cached ones of `t.as` end when the test moves the clock by days). */
  async function fresh(username: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
    const requester: Requester = (req) => t.app.inject({ ...req, headers: { ...(req.headers ?? {}), cookie } } as InjectOptions);
    return requester;
  }

  const bearer = (token: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });

  it('ships sellers without tokens and every other role with tokens of up to a year', async () => {
    const admin = await t.as('admin');
    const settings = (await admin({ method: 'GET', url: '/api/org-settings' })).json();
    expect(settings.amountDisplay).toBe('full');
    expect(settings.tokenRoles.seller).toEqual({ allowed: false, maxDays: 365 });
    expect(settings.tokenRoles.lead).toEqual({ allowed: true, maxDays: 365 });
    const seller = await t.as('seller_a');
    const refused = await seller({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toBe('api_tokens_disabled');
    expect(refused.json().error.message).toContain('lead');
  });

  it('an admin grants sellers tokens with a shorter lifetime: refused above it (400 naming the field), default within it', async () => {
    const admin = await t.as('admin');
    const put = await admin({ method: 'PUT', url: '/api/org-settings', payload: { tokenRoles: { seller: { allowed: true, maxDays: 30 } } } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().tokenRoles.seller).toEqual({ allowed: true, maxDays: 30 });
    expect(put.json().tokenRoles.lead).toEqual({ allowed: true, maxDays: 365 });
    const seller = await t.as('seller_a');
    expect((await seller({ method: 'GET', url: '/api/me/abilities' })).json().abilities.token).toEqual({ use: true });
    const tooLong = await seller({ method: 'POST', url: '/api/tokens', payload: { name: 'sync', expiresInDays: 31 }, headers: { 'accept-language': 'zh-CN' } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toEqual([expect.objectContaining({ field: 'expiresInDays', code: 'token_days_max' })]);
    expect(tooLong.json().error.fields[0].message).toContain('30');
    const created = await seller({ method: 'POST', url: '/api/tokens', payload: { name: 'sync' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().expiresAt).toBe(new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString());
    expect((await bearer(created.json().token)).statusCode).toBe(200);

    // Taking the permission back ends the token already handed out, and the abilities say so.
    await admin({ method: 'PUT', url: '/api/org-settings', payload: { tokenRoles: { seller: { allowed: false, maxDays: 30 } } } });
    expect((await bearer(created.json().token)).statusCode).toBe(401);
    expect((await seller({ method: 'GET', url: '/api/me/abilities' })).json().abilities.token).toEqual({ use: false });
    // Granting it again revives the token (it was never revoked, only out of the role's permission).
    await admin({ method: 'PUT', url: '/api/org-settings', payload: { tokenRoles: { seller: { allowed: true, maxDays: 30 } } } });
    expect((await bearer(created.json().token)).statusCode).toBe(200);
  });

  it('lowering a role’s lifetime ends its tokens older than the new maximum', async () => {
    const created = (await (await t.as('lead_east1'))({ method: 'POST', url: '/api/tokens', payload: { name: 'report', expiresInDays: 200 } })).json();
    t.clock.advance(10 * 86_400_000);
    expect((await bearer(created.token)).statusCode).toBe(200);
    const admin = await fresh('admin');
    const lead = await fresh('lead_east1');
    await admin({ method: 'PUT', url: '/api/org-settings', payload: { tokenRoles: { lead: { allowed: true, maxDays: 7 } } } });
    expect((await bearer(created.token)).statusCode).toBe(401);
    const weekly = (await lead({ method: 'POST', url: '/api/tokens', payload: { name: 'weekly' } })).json();
    expect(weekly.expiresAt).toBe(new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString());
    expect((await bearer(weekly.token)).statusCode).toBe(200);
    await admin({ method: 'PUT', url: '/api/org-settings', payload: { tokenRoles: { lead: { allowed: true, maxDays: 365 } } } });
  });

  it('the amount display is set by an admin and read by everyone; bad input and other roles are refused', async () => {
    const admin = await fresh('admin');
    const director = await fresh('director');
    const seller = await fresh('seller_a2');
    const forbidden = await director({ method: 'PUT', url: '/api/org-settings', payload: { amountDisplay: 'wan' } });
    expect(forbidden.statusCode).toBe(403);
    const bad = await admin({ method: 'PUT', url: '/api/org-settings', payload: { amountDisplay: 'thousands', tokenRoles: { lead: { allowed: true, maxDays: 0 } } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['amountDisplay', 'tokenRoles.lead.maxDays']);
    expect((await seller({ method: 'GET', url: '/api/org-settings' })).json().amountDisplay).toBe('full');
    const ok = await admin({ method: 'PUT', url: '/api/org-settings', payload: { amountDisplay: 'wan' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await seller({ method: 'GET', url: '/api/org-settings' })).json().amountDisplay).toBe('wan');
    const audit = await admin({ method: 'GET', url: '/api/audit?entity=org_settings&id=org' });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(JSON.stringify(audit.json())).toContain('wan');
  });
});
