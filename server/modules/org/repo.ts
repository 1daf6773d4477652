import { like } from '../../core/like.js';
import type { Queryable } from '../../db/index.js';
import type { Role } from '../../db/schema.js';
import { notFound } from '../../core/errors.js';
import { presentUser } from './presenter.js';

export function findTeam(db: Queryable, id: string) {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listTeams(db: Queryable) {
  return db.selectFrom('teams').selectAll().orderBy('path').execute();
}

export async function insertTeam(db: Queryable, team: { id: string; parent_id: string | null; name: string; kind: string; path: string; created_at: string }) {
  await db.insertInto('teams').values(team).execute();
}

export function findUser(db: Queryable, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Users joined with their team: the one shape every user presenter reads. */
function selectUserProfiles(db: Queryable) {
  return db
    .selectFrom('users')
    .innerJoin('teams', 'teams.id', 'users.team_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.phone',
      'users.email',
      'users.active',
      'teams.id as team_id',
      'teams.name as team_name',
      'teams.kind as team_kind',
      'teams.path as team_path',
    ]);
}

export async function getUserProfile(db: Queryable, id: string) {
  const row = await selectUserProfiles(db)
    .where('users.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('User');
  return presentUser(row);
}

export async function listUsers(db: Queryable, filter: { teamPathPrefix?: string; role?: Role; q?: string }) {
  let query = selectUserProfiles(db);
  if (filter.teamPathPrefix) {
    query = query.where('users.team_path', '>=', filter.teamPathPrefix).where('users.team_path', '<', `${filter.teamPathPrefix}~`);
  }
  if (filter.role) query = query.where('users.role', '=', filter.role);
  if (filter.q) query = query.where((eb) => eb.or([like('users.display_name', filter.q!), like('users.username', filter.q!)]));
  const rows = await query.orderBy('teams.path').orderBy('users.username').execute();
  return rows.map(presentUser);
}

/** The org-wide settings row (migration 0038 seeds it; absent only in a database migrated before). */
export function getOrgSettings(db: Queryable) {
  return db.selectFrom('org_settings').selectAll().where('id', '=', 'org').executeTakeFirst();
}

export async function putOrgSettings(db: Queryable, values: { amount_display: string; token_roles: string; updated_by: string | null; updated_at: string }) {
  await db
    .insertInto('org_settings')
    .values({ id: 'org', ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
