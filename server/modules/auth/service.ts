/**
 * Login, logout, password change and API-token listing: what the auth routes call (routes → service → repo). Failed
 * logins are limited per account and per client address (throttle.ts); a locked key answers 429 RATE_LIMITED with
 * `retryAfterSeconds`, which the route turns into the Retry-After header.
 */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import type { LoginThrottle } from '../../core/config.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Deps } from '../../core/http.js';
import { dummyHash, hashPassword, verifyPassword } from '../../core/passwords.js';
import type { Actor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { userProfile } from '../org/service.js';
import { presentApiToken } from './presenter.js';
import * as repo from './repo.js';
import { lockDelayMs, throttleKeys, type ThrottleKey } from './throttle.js';

export { SESSION_COOKIE } from './repo.js';

type AuthDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** Checks username and password; on success a new session token and the user's profile. */
export async function login({ db, clock, config }: AuthDeps, input: { username: string; password: string }, ip: string) {
  const keys = throttleKeys(input.username, ip, config.loginThrottle);
  await assertNotLocked(db, clock, keys.map((k) => k.key));
  const user = await repo.findUserByUsername(db, input.username);
  // Unknown users are checked against a dummy hash: both refusals cost one argon2 verification.
  const valid = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !user.active || !valid) {
    await recordFailure(db, clock, keys, config.loginThrottle);
    throw new AppError('BAD_CREDENTIALS');
  }
  await repo.clearLoginFailures(db, keys[0].key);
  const token = await repo.createSession(db, clock, user.id, config.sessionTtlHours);
  return { token, user: await userProfile(db, user.id) };
}

/** A session for a user already identified elsewhere (platform sign-in); the token for the cookie. */
export function openSession({ db, clock, config }: AuthDeps, userId: string): Promise<string> {
  return repo.createSession(db, clock, userId, config.sessionTtlHours);
}

export function logout(db: Queryable, token: string): Promise<void> {
  return repo.deleteSession(db, token);
}

/** The logged-in user, role and team. */
export function me(db: Queryable, actor: Actor) {
  return userProfile(db, actor.id);
}

/**
 * Changes the caller's password after checking the current one; every other session and all API tokens end
 * (`keepSessionToken`: the session the change came from, none when it came with a token).
 */
export async function changePassword(
  { db, clock, config }: AuthDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  ip: string,
  keepSessionToken: string | undefined,
): Promise<void> {
  const keys = throttleKeys(actor.username, ip, config.loginThrottle);
  await assertNotLocked(db, clock, keys.map((k) => k.key));
  const user = await repo.findUserByUsername(db, actor.username);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordFailure(db, clock, keys, config.loginThrottle);
    throw new AppError('BAD_CREDENTIALS', 'current_password_wrong', {
      fields: [{ field: 'currentPassword', code: 'wrong_password' }],
    });
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, clock, user.id, hash);
    await repo.endCredentials(trx, clock, user.id, keepSessionToken);
    await commandIn(trx, clock, { entity: 'user', actorId: user.id }).recorded(user.id, 'update', { before: {}, after: { password: '(changed)' } });
  });
}

/** The caller's API tokens (secrets are never shown again). */
export async function listTokens(db: Queryable, actor: Actor) {
  const rows = await repo.listApiTokens(db, actor.id);
  return { items: rows.map(presentApiToken), total: rows.length };
}

export async function revokeToken(db: Queryable, clock: Clock, actor: Actor, id: string): Promise<void> {
  if (!(await repo.revokeApiToken(db, clock, actor.id, id))) throw notFound('Token');
}

async function assertNotLocked(db: Queryable, clock: Clock, keys: string[]): Promise<void> {
  const until = await repo.loginLockedUntil(db, clock, keys);
  if (!until) return;
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - clock.now().getTime()) / 1000));
  throw new AppError('RATE_LIMITED', 'login_locked', { params: { seconds }, extra: { retryAfterSeconds: seconds } });
}

async function recordFailure(db: Queryable, clock: Clock, keys: ThrottleKey[], t: LoginThrottle): Promise<void> {
  for (const { key, free } of keys) {
    const failures = await repo.countLoginFailure(db, clock, key, t.windowMs);
    const delay = lockDelayMs(failures, free, t);
    if (delay > 0) await repo.lockLogin(db, key, new Date(clock.now().getTime() + delay).toISOString());
  }
}
