import { createHash, randomBytes } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { UsersTable } from '../../db/schema.js';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Actor } from '../org/scope.js';

/** The session cookie's name (the platform sign-in sets the same session). */
export const SESSION_COOKIE = 'af_session';

/** Only hashes of secrets are stored; a stolen database yields no usable session or token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function toActor(user: Pick<UsersTable, 'id' | 'username' | 'display_name' | 'role' | 'team_id' | 'team_path'>): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    teamId: user.team_id,
    teamPath: user.team_path,
  };
}

export function findUserByUsername(db: Queryable, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function createSession(db: Queryable, clock: Clock, userId: string, ttlHours: number): Promise<string> {
  const token = newSecret('afs');
  const now = clock.now();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlHours * 3600_000).toISOString(),
    })
    .execute();
  return token;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

function sessionActorQuery(db: Queryable, tokenHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.team_id', 'users.team_path'])
    .where('sessions.id', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', 1);
}
type SessionActorRow = Awaited<ReturnType<ReturnType<typeof sessionActorQuery>['executeTakeFirst']>>;

/**
 * Every request looks its session up, so the statement is built and compiled once per database handle and then run
 * with the request's values (Kysely would rebuild and recompile it each time: about three times the cost of running
 * it). Nothing is cached about the session itself: a logout or a deactivation counts from the next request, on
 * every process.
 */
const compiledSessionQueries = new WeakMap<Queryable, CompiledQuery>();

export async function actorForSession(db: Queryable, clock: Clock, token: string): Promise<Actor | null> {
  const parameters = [sha256(token), clock.now().toISOString(), 1];
  let compiled = compiledSessionQueries.get(db);
  if (!compiled) {
    compiled = sessionActorQuery(db, parameters[0] as string, parameters[1] as string).compile();
    // The values must be the statement's parameters in this order, or the cached statement would ask something else.
    if (JSON.stringify(compiled.parameters) !== JSON.stringify(parameters)) throw new Error('session lookup: unexpected parameter order');
    compiledSessionQueries.set(db, compiled);
  }
  const { rows } = await db.executeQuery<NonNullable<SessionActorRow>>({ ...compiled, parameters });
  return rows[0] ? toActor(rows[0]) : null;
}

/** The live token's holder and when it was made (the role's token rule is checked by auth/tokens.ts). */
export async function findLiveApiToken(db: Queryable, clock: Clock, token: string) {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.created_at as token_created_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.team_id',
      'users.team_path',
    ])
    .where('api_tokens.token_hash', '=', sha256(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', clock.now().toISOString())]))
    .where('users.active', '=', 1)
    .executeTakeFirst();
  return row ? { tokenId: row.token_id, createdAt: row.token_created_at, actor: toActor(row) } : null;
}

export async function touchApiToken(db: Queryable, clock: Clock, tokenId: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: clock.now().toISOString() }).where('id', '=', tokenId).execute();
}

export async function createApiToken(db: Queryable, clock: Clock, userId: string, name: string, expiresInDays: number) {
  const token = newSecret('aft');
  const id = newId();
  const created_at = clock.now().toISOString();
  const expires_at = new Date(clock.now().getTime() + expiresInDays * 86_400_000).toISOString();
  await db
    .insertInto('api_tokens')
    .values({ id, user_id: userId, name, token_hash: sha256(token), created_at, last_used_at: null, revoked_at: null, expires_at })
    .execute();
  return { id, name, token, createdAt: created_at, expiresAt: expires_at };
}

/**
 * Ends every way a user is logged in: sessions are deleted (but `keepSessionToken`, the one changing its own
 * password) and API tokens revoked for good; revoked tokens stay revoked when the user is reactivated.
 */
export async function endCredentials(db: Queryable, clock: Clock, userId: string, keepSessionToken?: string): Promise<void> {
  let sessions = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionToken) sessions = sessions.where('id', '!=', sha256(keepSessionToken));
  await sessions.execute();
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: clock.now().toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export function listApiTokens(db: Queryable, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeApiToken(db: Queryable, clock: Clock, userId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: clock.now().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The latest lock-out among the keys that is still running, or null. */
export async function loginLockedUntil(db: Queryable, clock: Clock, keys: string[]): Promise<string | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select((eb) => eb.fn.max('locked_until').as('until'))
    .where('key', 'in', keys)
    .where('locked_until', '>', clock.now().toISOString())
    .executeTakeFirst();
  return row?.until ?? null;
}

/**
 * Counts one failure on a key in one statement (concurrent failures on several processes all count); a key
 * quiet for longer than the window starts again at 1. Returns the new count.
 */
export async function countLoginFailure(db: Queryable, clock: Clock, key: string, windowMs: number): Promise<number> {
  const now = clock.now().toISOString();
  const stale = new Date(clock.now().getTime() - windowMs).toISOString();
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, last_failure_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb.case().when('login_throttle.last_failure_at', '<', stale).then(1).else(eb('login_throttle.failures', '+', 1)).end(),
        last_failure_at: now,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function lockLogin(db: Queryable, key: string, until: string): Promise<void> {
  await db.updateTable('login_throttle').set({ locked_until: until }).where('key', '=', key).execute();
}

export async function clearLoginFailures(db: Queryable, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export async function setPasswordHash(db: Queryable, clock: Clock, userId: string, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash, updated_at: clock.now().toISOString() }).where('id', '=', userId).execute();
}
