import { commandIn } from '../../core/command.js';
import { z } from 'zod';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { AppError, notFound } from '../../core/errors.js';
import type { FastifyReply } from 'fastify';
import type { Clock } from '../../core/clock.js';
import type { LoginThrottle } from '../../core/config.js';
import type { Queryable } from '../../db/index.js';
import { dummyHash, hashPassword, verifyPassword } from '../../core/passwords.js';
import { lockDelayMs, throttleKeys, type ThrottleKey } from './throttle.js';
import * as repo from './repo.js';
import { getUserProfile } from '../org/repo.js';
import { abilitiesResponse, myAbilities } from './abilities.js';
import { assertMayHoldTokens, createToken } from './tokens.js';
import { userSchema } from '../org/presenter.js';
import { okSchema, pageOf, responses } from '../../core/contract.js';
import { apiTokenSchema, createdApiTokenSchema, presentApiToken } from './presenter.js';

export { SESSION_COOKIE } from './repo.js';
import { SESSION_COOKIE } from './repo.js';

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
      const keys = throttleKeys(req.body.username, req.ip, config.loginThrottle);
      await assertNotLocked(db, clock, keys.map((k) => k.key), reply);
      const user = await repo.findUserByUsername(db, req.body.username);
      // Unknown users are checked against a dummy hash: both refusals cost one argon2 verification.
      const valid = await verifyPassword(user?.password_hash ?? (await dummyHash()), req.body.password);
      if (!user || !user.active || !valid) {
        await recordFailure(db, clock, keys, config.loginThrottle);
        throw new AppError('BAD_CREDENTIALS');
      }
      await repo.clearLoginFailures(db, keys[0].key);
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
      const actor = actorOf(req);
      const keys = throttleKeys(actor.username, req.ip, config.loginThrottle);
      await assertNotLocked(db, clock, keys.map((k) => k.key), reply);
      const user = await repo.findUserByUsername(db, actor.username);
      if (!user || !(await verifyPassword(user.password_hash, req.body.currentPassword))) {
        await recordFailure(db, clock, keys, config.loginThrottle);
        throw new AppError('BAD_CREDENTIALS', 'current_password_wrong', {
          fields: [{ field: 'currentPassword', code: 'wrong_password' }],
        });
      }
      const hash = await hashPassword(req.body.newPassword);
      await db.transaction().execute(async (trx) => {
        await repo.setPasswordHash(trx, clock, user.id, hash);
        await repo.endCredentials(trx, clock, user.id, req.headers.authorization ? undefined : req.cookies[SESSION_COOKIE]);
        await commandIn(trx, clock, { entity: 'user', actorId: user.id }).recorded(user.id, 'update', { before: {}, after: { password: '(changed)' } });
      });
      return { ok: true as const };
    },
  );

  app.get('/api/tokens', { schema: { tags: ['auth'], summary: 'My API tokens (secrets are never shown again)', response: responses({ 200: pageOf(apiTokenSchema) }) } }, async (req) => {
    const rows = await repo.listApiTokens(db, actorOf(req).id);
    return {
      items: rows.map(presentApiToken),
      total: rows.length,
    };
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
    if (!(await repo.revokeApiToken(db, clock, actorOf(req).id, req.params.id))) throw notFound('Token');
    return { ok: true as const };
  });
}

async function assertNotLocked(db: Queryable, clock: Clock, keys: string[], reply: FastifyReply): Promise<void> {
  const until = await repo.loginLockedUntil(db, clock, keys);
  if (!until) return;
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - clock.now().getTime()) / 1000));
  reply.header('retry-after', String(seconds));
  throw new AppError('RATE_LIMITED', 'login_locked', { params: { seconds }, extra: { retryAfterSeconds: seconds } });
}

async function recordFailure(db: Queryable, clock: Clock, keys: ThrottleKey[], t: LoginThrottle): Promise<void> {
  for (const { key, free } of keys) {
    const failures = await repo.countLoginFailure(db, clock, key, t.windowMs);
    const delay = lockDelayMs(failures, free, t);
    if (delay > 0) await repo.lockLogin(db, key, new Date(clock.now().getTime() + delay).toISOString());
  }
}
