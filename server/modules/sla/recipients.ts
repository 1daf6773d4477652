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

export async function resolveRecipients(db: Queryable, owner: Owner | null, notify: readonly string[]): Promise<string[]> {
  const chain = owner ? ancestorsNearestFirst(owner.teamPath) : [];
  let chainUsers: UserRow[] | null = null;
  const loadChainUsers = async () =>
    (chainUsers ??= chain.length
      ? await db.selectFrom('users').select(['id', 'role', 'team_id']).where('team_id', 'in', chain).where('active', '=', 1).execute()
      : []);

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
      if (near.length) add(near);
      else add((await db.selectFrom('users').select('id').where('role', '=', role as never).where('active', '=', 1).orderBy('id').execute()).map((u) => u.id));
    } else if (token.startsWith('user:')) {
      const user = await db.selectFrom('users').select('id').where('username', '=', token.slice(5)).where('active', '=', 1).executeTakeFirst();
      if (user) add([user.id]);
    }
  }
  return out;
}
