import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/index.js';
import type { UsersTable } from '../../db/schema.js';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Actor } from '../org/scope.js';

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

export async function actorForSession(db: Queryable, clock: Clock, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.team_id', 'users.team_path'])
    .where('sessions.id', '=', sha256(token))
    .where('sessions.expires_at', '>', clock.now().toISOString())
    .where('users.active', '=', 1)
    .executeTakeFirst();
  return row ? toActor(row) : null;
}

export async function actorForApiToken(db: Queryable, clock: Clock, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.team_id',
      'users.team_path',
    ])
    .where('api_tokens.token_hash', '=', sha256(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: clock.now().toISOString() })
    .where('id', '=', row.token_id)
    .execute();
  return toActor(row);
}

export async function createApiToken(db: Queryable, clock: Clock, userId: string, name: string) {
  const token = newSecret('aft');
  const id = newId();
  const created_at = clock.now().toISOString();
  await db
    .insertInto('api_tokens')
    .values({ id, user_id: userId, name, token_hash: sha256(token), created_at, last_used_at: null, revoked_at: null })
    .execute();
  return { id, name, token, createdAt: created_at };
}

export function listApiTokens(db: Queryable, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
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
