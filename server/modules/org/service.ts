import type { Db, Queryable } from '../../db/index.js';
import { ROLES, type Role } from '../../db/schema.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { recordAudit, diffFields } from '../audit/repo.js';
import { hashPassword } from '../auth/passwords.js';
import { endCredentials } from '../auth/repo.js';
import { childPath } from './scope.js';
import * as repo from './repo.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';

export const TEAM_KINDS = ['company', 'region', 'store', 'team'] as const;

export async function createTeam(
  db: Db,
  clock: Clock,
  actor: AnyActor,
  input: { name: string; kind: (typeof TEAM_KINDS)[number]; parentId?: string | null; id?: string },
) {
  authorize(actor, 'org.manage');
  const actorId = auditActorId(actor);
  return db.transaction().execute(async (trx) => {
    const id = input.id ?? newId();
    let path = `/${id}/`;
    if (input.parentId) {
      const parent = await repo.findTeam(trx, input.parentId);
      if (!parent) throw invalid('parentId', 'not_found_team');
      path = childPath(parent.path, id);
    }
    const team = { id, parent_id: input.parentId ?? null, name: input.name, kind: input.kind, path, created_at: clock.now().toISOString() };
    await repo.insertTeam(trx, team);
    await recordAudit(trx, clock, { entity: 'team', entityId: id, action: 'create', actorId, after: team });
    return team;
  });
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
  const actorId = auditActorId(actor);
  if (!ROLES.includes(input.role)) throw invalid('role', 'unknown_value', { values: ROLES.join(', ') });
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
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
    await recordAudit(trx, clock, {
      entity: 'user',
      entityId: id,
      action: 'create',
      actorId,
      after: { username: input.username, displayName: input.displayName, role: input.role, teamId: team.id },
    });
    return repo.getUserProfile(trx, id);
  });
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
  const actorId = auditActorId(actor);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return db.transaction().execute(async (trx) => {
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
      await repo.moveOwnedRecords(trx, id, team.path);
    }
    const diff = diffFields(user as unknown as Record<string, unknown>, next);
    if (passwordHash) next.password_hash = passwordHash;
    if (Object.keys(next).length > 0) {
      await trx.updateTable('users').set({ ...next, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    }
    if (diff.changed || passwordHash) {
      await recordAudit(trx, clock, {
        entity: 'user',
        entityId: id,
        action: 'update',
        actorId,
        before: diff.before,
        after: { ...diff.after, ...(passwordHash ? { password: '(changed)' } : {}) },
      });
    }
    // A new password or a deactivation must lock out whoever holds the old sessions and tokens.
    if (patch.active === false || passwordHash) await endCredentials(trx, clock, id);
    return repo.getUserProfile(trx, id);
  });
}

/**
 * The one deactivation of a user outside the user form (hand-over): inactive, audited, and locked out like the form
 * does it (sessions ended and API tokens revoked). Call inside the caller's transaction.
 */
export async function deactivateUserInTx(trx: Queryable, clock: Clock, actorId: string | null, userId: string) {
  await trx.updateTable('users').set({ active: 0, updated_at: clock.now().toISOString() }).where('id', '=', userId).execute();
  await recordAudit(trx, clock, { entity: 'user', entityId: userId, action: 'update', actorId, before: { active: 1 }, after: { active: 0 } });
  await endCredentials(trx, clock, userId);
}
