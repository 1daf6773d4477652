/**
 * Resolves ladder recipients through the team tree, as of the moment a level fires (the current owner, the
 * current managers). For a task, "owner" is its assignee.
 * - owner.lead: users with role lead in the owner's team, else in the nearest ancestor team that has one.
 * - owner.regional_manager / owner.director: the same walk up the tree for that role.
 * - role:<role>: that role on the owner's ancestor chain (nearest team first), else every active user with it.
 * - user:<username>: that user if active.
 * A hierarchy step that finds nobody falls through to the next step up, so an escalation is never silently lost
 * because, say, a team has no lead.
 */
import type { Queryable } from '../../db/index.js';
import { HIERARCHY, type HierarchyRecipient } from './ladder.js';

interface Owner {
  id: string;
  teamPath: string;
}

type UserRow = { id: string; role: string; team_id: string };

function ancestorsNearestFirst(teamPath: string): string[] {
  return teamPath.split('/').filter(Boolean).reverse();
}

/**
 * Where resolution reads users from. `directDirectory` asks the database each time (one firing, one rule action);
 * `preloadedDirectory` reads every team chain of a batch at once and remembers role and username lookups, so a batch
 * of firings resolves its recipients with one query instead of one or more per firing. Both give the same answers.
 */
export interface RecipientDirectory {
  /** Active users whose team is one of `teamIds`. */
  chainUsers(teamIds: string[]): Promise<UserRow[]>;
  /** Every active user with `role`, by id. */
  withRole(role: string): Promise<string[]>;
  /** The active user called `username`, if any. */
  byUsername(username: string): Promise<string | null>;
}

export function directDirectory(db: Queryable): RecipientDirectory {
  return {
    chainUsers: async (teamIds) =>
      teamIds.length ? db.selectFrom('users').select(['id', 'role', 'team_id']).where('team_id', 'in', teamIds).where('active', '=', 1).execute() : [],
    withRole: async (role) => (await db.selectFrom('users').select('id').where('role', '=', role as never).where('active', '=', 1).orderBy('id').execute()).map((u) => u.id),
    byUsername: async (username) => (await db.selectFrom('users').select('id').where('username', '=', username).where('active', '=', 1).executeTakeFirst())?.id ?? null,
  };
}

/** Reads the active users of every team on these owners' chains in one query; other lookups are remembered. */
export async function preloadedDirectory(db: Queryable, teamPaths: readonly string[]): Promise<RecipientDirectory> {
  const direct = directDirectory(db);
  const teams = [...new Set(teamPaths.flatMap(ancestorsNearestFirst))];
  const byTeam = new Map<string, UserRow[]>();
  for (const u of await direct.chainUsers(teams)) byTeam.set(u.team_id, [...(byTeam.get(u.team_id) ?? []), u]);
  const roles = new Map<string, Promise<string[]>>();
  const names = new Map<string, Promise<string | null>>();
  return {
    chainUsers: async (teamIds) => teamIds.flatMap((id) => byTeam.get(id) ?? []),
    withRole: (role) => roles.get(role) ?? roles.set(role, direct.withRole(role)).get(role)!,
    byUsername: (username) => names.get(username) ?? names.set(username, direct.byUsername(username)).get(username)!,
  };
}

export async function resolveRecipients(db: Queryable, owner: Owner | null, notify: readonly string[], directory: RecipientDirectory = directDirectory(db)): Promise<string[]> {
  const chain = owner ? ancestorsNearestFirst(owner.teamPath) : [];
  let chainUsers: UserRow[] | null = null;
  const loadChainUsers = async () => (chainUsers ??= await directory.chainUsers(chain));

  const nearestWithRole = async (role: string): Promise<string[]> => {
    const users = (await loadChainUsers()).filter((u) => u.role === role && u.id !== owner?.id);
    for (const teamId of chain) {
      const found = users.filter((u) => u.team_id === teamId).map((u) => u.id).sort();
      if (found.length) return found;
    }
    return [];
  };

  const hierarchy = async (step: HierarchyRecipient): Promise<string[]> => {
    for (let i = HIERARCHY.indexOf(step); i < HIERARCHY.length; i++) {
      const s = HIERARCHY[i];
      const found = s === 'owner' ? (owner ? [owner.id] : []) : await nearestWithRole(s.slice('owner.'.length));
      if (found.length) return found;
    }
    return [];
  };

  const out: string[] = [];
  const add = (ids: string[]) => ids.forEach((id) => out.includes(id) || out.push(id));
  for (const token of notify) {
    if ((HIERARCHY as readonly string[]).includes(token)) add(await hierarchy(token as HierarchyRecipient));
    else if (token.startsWith('role:')) {
      const role = token.slice(5);
      const near = await nearestWithRole(role);
      add(near.length ? near : await directory.withRole(role));
    } else if (token.startsWith('user:')) {
      const user = await directory.byUsername(token.slice(5));
      if (user) add([user]);
    }
  }
  return out;
}
