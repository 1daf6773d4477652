import { z } from 'zod';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { AppError, notFound } from '../../core/errors.js';
import { verifyPassword } from './passwords.js';
import * as repo from './repo.js';
import { getUserProfile } from '../org/repo.js';
import { userSchema } from '../org/presenter.js';
import { okSchema, pageOf, responses } from '../../core/contract.js';
import { apiTokenSchema, createdApiTokenSchema, presentApiToken } from './presenter.js';

export const SESSION_COOKIE = 'af_session';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const tokenBody = z.object({ name: z.string().trim().min(1).max(100) });

export async function authRoutes(app: App, deps: Deps) {
  const { db, clock, config } = deps;

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.windowMs } },
      schema: { tags: ['auth'], summary: 'Log in with username and password; sets the session cookie', body: loginBody, response: responses({ 200: z.object({ user: userSchema }) }, [400, 429]) },
    },
    async (req, reply) => {
      const user = await repo.findUserByUsername(db, req.body.username);
      // Verify even for unknown users' sake of timing is overkill here; argon2 cost dominates either way.
      if (!user || !user.active || !(await verifyPassword(user.password_hash, req.body.password))) {
        throw new AppError('BAD_CREDENTIALS');
      }
      const token = await repo.createSession(db, clock, user.id, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        maxAge: config.sessionTtlHours * 3600,
      });
      return { user: await getUserProfile(db, user.id) };
    },
  );

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags: ['auth'], summary: 'End the session', response: responses({ 200: okSchema }) } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await repo.deleteSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/me', { schema: { tags: ['auth'], summary: 'The logged-in user, role and team', response: responses({ 200: userSchema }) } }, async (req) => {
    const actor = actorOf(req);
    return getUserProfile(db, actor.id);
  });

  app.get('/api/tokens', { schema: { tags: ['auth'], summary: 'My API tokens (secrets are never shown again)', response: responses({ 200: pageOf(apiTokenSchema) }) } }, async (req) => {
    const rows = await repo.listApiTokens(db, actorOf(req).id);
    return {
      items: rows.map(presentApiToken),
      total: rows.length,
    };
  });

  app.post(
    '/api/tokens',
    { schema: { tags: ['auth'], summary: 'Create an API token with my scope; the secret is returned once', body: tokenBody, response: responses({ 201: createdApiTokenSchema }, [400]) } },
    async (req, reply) => {
      const created = await repo.createApiToken(db, clock, actorOf(req).id, req.body.name);
      reply.code(201);
      return created;
    },
  );

  app.delete('/api/tokens/:id', { schema: { tags: ['auth'], summary: 'Revoke an API token', params: idParams, response: responses({ 200: okSchema }, [400, 404]) } }, async (req) => {
    if (!(await repo.revokeApiToken(db, clock, actorOf(req).id, req.params.id))) throw notFound('Token');
    return { ok: true as const };
  });
}
