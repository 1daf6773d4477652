import { commandIn } from '../../core/command.js';
import type { Db, Queryable } from '../../db/index.js';
import { ROLES, type Role } from '../../db/schema.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { hooksOf } from '../../core/hooks.js';
import { movePathPrefix } from '../../core/team-paths.js';
import { newId } from '../../core/ids.js';
import { diffFields } from '../audit/repo.js';
import { hashPassword } from '../../core/passwords.js';
import { childPath } from './scope.js';
import * as repo from './repo.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';

/**
 * Runs when a user's password changes or the user is deactivated, in the same transaction (hook
 * `org.credentialsRevoked`, filled by auth: the user's sessions and API tokens end). org never imports auth.
 */
export type CredentialsRevoked = (trx: Queryable, clock: Clock, userId: string) => Promise<void>;
/**
 * Runs when a user moves to another team, in the same transaction (hook `org.ownerMoved`): each module whose records
 * copy their owner's team path (customers, deals, activities, tasks) re-tags that scope column itself, so org knows
 * none of their tables.
 */
export type OwnerMoved = (trx: Queryable, userId: string, teamPath: string) => Promise<void>;
/**
 * Runs when a team moves under another parent, in the same transaction (hook `org.teamMoved`): every team path that
 * starts with `from` now starts with `to`; each module rewrites its own path columns (core/team-paths.ts).
 */
export type TeamMoved = (trx: Queryable, from: string, to: string) => Promise<void>;
declare module '../../core/hooks.js' {
  interface HookMap {
    'org.credentialsRevoked': CredentialsRevoked;
    'org.ownerMoved': OwnerMoved;
    'org.teamMoved': TeamMoved;
  }
}

export const TEAM_KINDS = ['company', 'region', 'store', 'team'] as const;

export async function createTeam(
  db: Db,
  clock: Clock,
  actor: AnyActor,
  input: { name: string; kind: (typeof TEAM_KINDS)[number]; parentId?: string | null; id?: string },
) {
  return db.transaction().execute((trx) => createTeamIn(trx, clock, actor, input));
}

/** createTeam inside the caller's transaction (a contact sync creates the team and its link together). */
export async function createTeamIn(
  trx: Queryable,
  clock: Clock,
  actor: AnyActor,
  input: { name: string; kind: (typeof TEAM_KINDS)[number]; parentId?: string | null; id?: string },
) {
  authorize(actor, 'org.manage');
  const actorId = auditActorId(actor);
  const id = input.id ?? newId();
  let path = `/${id}/`;
  if (input.parentId) {
    const parent = await repo.findTeam(trx, input.parentId);
    if (!parent) throw invalid('parentId', 'not_found_team');
    path = childPath(parent.path, id);
  }
  const team = { id, parent_id: input.parentId ?? null, name: input.name, kind: input.kind, path, created_at: clock.now().toISOString() };
  await repo.insertTeam(trx, team);
  await commandIn(trx, clock, { entity: 'team', actorId: actorId }).recorded(id, 'create', { after: team });
  return team;
}

/** A team's new name (a department renamed on the platform), audited; inside the caller's transaction. */
export async function renameTeamIn(trx: Queryable, clock: Clock, actor: AnyActor, id: string, name: string) {
  authorize(actor, 'org.manage');
  const team = await repo.findTeam(trx, id);
  if (!team) throw notFound('Team');
  if (team.name === name) return;
  await trx.updateTable('teams').set({ name }).where('id', '=', id).execute();
  await commandIn(trx, clock, { entity: 'team', actorId: auditActorId(actor) }).recorded(id, 'update', { before: { name: team.name }, after: { name } });
}

/**
 * A team moved under another parent (a department re-parented on the platform), audited, inside the caller's
 * transaction: its subtree's paths, its users' and every module's scope columns follow, so each record stays visible
 * to exactly the managers above its new place. A team cannot move into its own subtree; the root does not move.
 */
export async function moveTeamIn(trx: Queryable, clock: Clock, actor: AnyActor, id: string, parentId: string) {
  authorize(actor, 'org.manage');
  const team = await repo.findTeam(trx, id);
  if (!team) throw notFound('Team');
  if (team.parent_id === parentId) return;
  const parent = await repo.findTeam(trx, parentId);
  if (!parent) throw invalid('parentId', 'not_found_team');
  if (!team.parent_id || parent.path.startsWith(team.path)) throw invalid('parentId', 'invalid');
  const to = childPath(parent.path, team.id);
  await trx.updateTable('teams').set({ parent_id: parent.id }).where('id', '=', id).execute();
  await movePathPrefix(trx, ['teams', 'path'], team.path, to);
  await movePathPrefix(trx, ['users', 'team_path'], team.path, to);
  for (const move of hooksOf('org.teamMoved')) await move(trx, team.path, to);
  await commandIn(trx, clock, { entity: 'team', actorId: auditActorId(actor) }).recorded(id, 'update', { before: { parentId: team.parent_id, path: team.path }, after: { parentId: parent.id, path: to } });
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  teamId: string;
  phone?: string | null;
  email?: string | null;
  id?: string;
}

export async function createUser(db: Db, clock: Clock, actor: AnyActor, input: NewUser) {
  authorize(actor, 'org.manage');
  if (!ROLES.includes(input.role)) throw invalid('role', 'unknown_value', { values: ROLES.join(', ') });
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute((trx) => createUserIn(trx, clock, actor, input, passwordHash));
}

/** createUser inside the caller's transaction, the password already hashed (hashing is slow: do it before). */
export async function createUserIn(trx: Queryable, clock: Clock, actor: AnyActor, input: NewUser, passwordHash: string) {
  authorize(actor, 'org.manage');
  const actorId = auditActorId(actor);
  if (!ROLES.includes(input.role)) throw invalid('role', 'unknown_value', { values: ROLES.join(', ') });
  const team = await repo.findTeam(trx, input.teamId);
  if (!team) throw invalid('teamId', 'not_found_team');
  const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', 'username_taken', { params: { username: input.username }, fields: [{ field: 'username', code: 'taken' }] });
  const now = clock.now().toISOString();
  const id = input.id ?? newId();
  await trx
    .insertInto('users')
    .values({
      id,
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      team_id: team.id,
      team_path: team.path,
      phone: input.phone ?? null,
      email: input.email ?? null,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await commandIn(trx, clock, { entity: 'user', actorId: actorId }).recorded(id, 'create', { after: { username: input.username, displayName: input.displayName, role: input.role, teamId: team.id } });
  return repo.getUserProfile(trx, id);
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  teamId?: string;
  phone?: string | null;
  email?: string | null;
  active?: boolean;
  password?: string;
}

export async function updateUser(db: Db, clock: Clock, actor: AnyActor, id: string, patch: UserPatch) {
  authorize(actor, 'org.manage');
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return db.transaction().execute((trx) => updateUserIn(trx, clock, actor, id, patch, passwordHash));
}

/** updateUser inside the caller's transaction (a new password already hashed into `passwordHash`). */
export async function updateUserIn(trx: Queryable, clock: Clock, actor: AnyActor, id: string, patch: Omit<UserPatch, 'password'>, passwordHash?: string) {
  authorize(actor, 'org.manage');
  return writeUser(trx, clock, auditActorId(actor), id, patch, passwordHash);
}

/**
 * The one write of a user's fields (the form, contact sync and the hand-over's deactivation all end here): audited
 * with before/after, and a deactivation or new password locks out the old sessions and tokens. Callers authorize.
 */
async function writeUser(trx: Queryable, clock: Clock, actorId: string | null, id: string, patch: Omit<UserPatch, 'password'>, passwordHash?: string) {
  const user = await repo.findUser(trx, id);
  if (!user) throw notFound('User');
  const next: Record<string, unknown> = {};
  if (patch.displayName !== undefined) next.display_name = patch.displayName;
  if (patch.role !== undefined) next.role = patch.role;
  if (patch.phone !== undefined) next.phone = patch.phone;
  if (patch.email !== undefined) next.email = patch.email;
  if (patch.active !== undefined) next.active = patch.active ? 1 : 0;
  if (patch.teamId !== undefined && patch.teamId !== user.team_id) {
    const team = await repo.findTeam(trx, patch.teamId);
    if (!team) throw invalid('teamId', 'not_found_team');
    next.team_id = team.id;
    next.team_path = team.path;
    for (const retag of hooksOf('org.ownerMoved')) await retag(trx, id, team.path);
  }
  const diff = diffFields(user as unknown as Record<string, unknown>, next);
  if (passwordHash) next.password_hash = passwordHash;
  if (Object.keys(next).length > 0) {
    await trx.updateTable('users').set({ ...next, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
  }
  if (diff.changed || passwordHash) {
    await commandIn(trx, clock, { entity: 'user', actorId: actorId }).recorded(id, 'update', { before: diff.before, after: { ...diff.after, ...(passwordHash ? { password: '(changed)' } : {}) } });
  }
  // A new password or a deactivation must lock out whoever holds the old sessions and tokens.
  if (patch.active === false || passwordHash) for (const end of hooksOf('org.credentialsRevoked')) await end(trx, clock, id);
  return repo.getUserProfile(trx, id);
}

/**
 * The one deactivation of a user outside the user form (hand-over): inactive, audited, and locked out like the form
 * does it (sessions ended and API tokens revoked). Call inside the caller's transaction.
 */
export async function deactivateUserInTx(trx: Queryable, clock: Clock, actorId: string | null, userId: string) {
  await writeUser(trx, clock, actorId, userId, { active: false });
}

/** One user as the app shows them (`{ id, username, name, role, team, … }`), or undefined. */
export function userProfile(db: Queryable, id: string) {
  return repo.getUserProfile(db, id);
}

/** The team tree, flat and ordered by path. */
export function listTeams(db: Queryable) {
  return repo.listTeams(db);
}

/** Users filtered by role, text and team subtree; an unknown team matches nobody. */
export async function listUsers(db: Queryable, filter: { role?: Role; q?: string; team?: string }) {
  let prefix: string | undefined;
  if (filter.team) {
    const team = await repo.findTeam(db, filter.team);
    prefix = team?.path ?? '/nonexistent/';
  }
  return repo.listUsers(db, { role: filter.role, q: filter.q, teamPathPrefix: prefix });
}
