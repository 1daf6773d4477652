import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { AppError } from '../../core/errors.js';
import { dummyHash } from '../../core/passwords.js';
import { abilitiesResponse, myAbilities } from './abilities.js';
import { assertMayHoldTokens, createToken } from './tokens.js';
import { userSchema } from '../org/presenter.js';
import { okSchema, pageOf, responses } from '../../core/contract.js';
import { apiTokenSchema, createdApiTokenSchema } from './presenter.js';
import { changePassword, listTokens, login, logout, me, revokeToken, SESSION_COOKIE } from './service.js';

export { SESSION_COOKIE } from './service.js';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const tokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  /** Days until the token stops working; tokens always expire, at most after the role's maximum (org settings). */
  expiresInDays: z.number().int().min(1).max(365).optional().describe("days until the token stops working; default 90 or the role's maximum if shorter"),
});

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(8).max(256),
});

export async function authRoutes(app: App, deps: Deps) {
  const { db, clock, config } = deps;
  void dummyHash(); // computed ahead, so the first unknown-user login is not the slow one

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password; sets the session cookie',
        description: 'Failed attempts are limited per account and per client address; past the limit → 429 RATE_LIMITED with Retry-After.',
        body: loginBody,
        response: responses({ 200: z.object({ user: userSchema }) }, [400, 429]),
      },
    },
    async (req, reply) => {
      const { token, user } = await withRetryAfter(reply, () => login(deps, req.body, req.ip));
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        maxAge: config.sessionTtlHours * 3600,
      });
      return { user };
    },
  );

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags: ['auth'], summary: 'End the session', response: responses({ 200: okSchema }) } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/me', { schema: { tags: ['auth'], summary: 'The logged-in user, role and team', response: responses({ 200: userSchema }) } }, async (req) => {
    return me(db, actorOf(req));
  });

  app.get(
    '/api/me/abilities',
    { schema: { tags: ['auth'], summary: 'What I may do, per module and action, and the fields hidden from me (the web app shows and hides by it)', response: responses({ 200: abilitiesResponse }) } },
    async (req) => myAbilities(db, actorOf(req)),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password (with the current one); my other sessions end and my API tokens are revoked',
        body: passwordChangeBody,
        response: responses({ 200: okSchema }, [400, 429]),
      },
    },
    async (req, reply) => {
      const keep = req.headers.authorization ? undefined : req.cookies[SESSION_COOKIE];
      await withRetryAfter(reply, () => changePassword(deps, actorOf(req), req.body, req.ip, keep));
      return { ok: true as const };
    },
  );

  app.get('/api/tokens', { schema: { tags: ['auth'], summary: 'My API tokens (secrets are never shown again)', response: responses({ 200: pageOf(apiTokenSchema) }) } }, async (req) => {
    return listTokens(db, actorOf(req));
  });

  app.post(
    '/api/tokens',
    {
      // Refused before the body is validated (the authorization matrix found sellers were told the body rules); the
      // permission is an org setting per role, so it is read here rather than declared as a fixed ability.
      preValidation: async (req) => {
        await assertMayHoldTokens(db, actorOf(req));
      },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token with my scope; the secret is returned once. Roles without the permission (org settings; sellers by default) → 403',
        body: tokenBody,
        response: responses({ 201: createdApiTokenSchema }, [400, 403]),
      },
    },
    async (req, reply) => {
      const created = await createToken(db, clock, actorOf(req), req.body);
      reply.code(201);
      return created;
    },
  );

  app.delete('/api/tokens/:id', { schema: { tags: ['auth'], summary: 'Revoke an API token', params: idParams, response: responses({ 200: okSchema }, [400, 404]) } }, async (req) => {
    await revokeToken(db, clock, actorOf(req), req.params.id);
    return { ok: true as const };
  });
}

/** A locked login answers 429 with Retry-After, in seconds (the service names them in the error). */
async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const seconds = error instanceof AppError ? error.extra?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
    throw error;
  }
}
