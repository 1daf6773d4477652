/**
 * Contact sync: the platform's departments and members → teams and users. `planSync` reads the platform and the
 * links and writes nothing (the dry run shows it); `applySync` carries a plan out through the org module's use cases
 * (each user change one audited transaction). What a sync never does: change a role (roles are set in actionflow;
 * created users get the connection's default role), or overwrite a value an admin changed by hand since the last
 * sync (the link remembers what the sync wrote) unless `overwrite` is asked for. Members who left (status left or
 * resigned, or no longer listed) are deactivated when `sync.deactivateLeavers` is on (default).
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { systemActor, type Actor } from '../../core/policy.js';
import { normalizePhone } from '../customers/normalize.js';
import { listTeams } from '../org/repo.js';
import { createTeam, createUser, deactivateUserInTx, updateUser } from '../org/service.js';
import { APIS, ROOT_DEPT } from './protocol/index.js';
import { apiCtx } from './notify.js';
import * as repo from './repo.js';
import type { LoadedConnection } from './types.js';

type Field = 'displayName' | 'phone' | 'email' | 'teamId';
type Values = Partial<Record<Field, string | null>>;

export interface SyncPlan {
  teams: Array<{ externalId: string; name: string; action: 'create' | 'link'; teamId: string | null; parentExternalId: string | null }>;
  users: Array<{
    externalId: string;
    name: string;
    action: 'create' | 'bind' | 'update' | 'deactivate' | 'unchanged';
    userId: string | null;
    /** Values to write (create/bind/update). */
    set: Values;
    /** Fields left alone because an admin changed them by hand since the last sync. */
    kept: Field[];
    /** For created users: their team, by the first department. */
    deptExternalId?: string | null;
  }>;
  counts: Record<'teamsCreated' | 'usersCreated' | 'usersBound' | 'usersUpdated' | 'usersDeactivated' | 'fieldsKept', number>;
}

const KEY: Record<Field, 'display_name' | 'phone' | 'email' | 'team_id'> = { displayName: 'display_name', phone: 'phone', email: 'email', teamId: 'team_id' };

export async function planSync(deps: Deps, conn: LoadedConnection, options: { overwrite: boolean; fetch?: typeof fetch }): Promise<SyncPlan> {
  const api = APIS[conn.platform];
  const ctx = apiCtx(deps, conn, options.fetch);
  const root = conn.settings.sync?.rootDeptId ?? ROOT_DEPT[conn.platform];
  const depts = await api.departments(ctx, root);
  const members = await api.members(ctx, [root, ...depts.map((d) => d.id)]);
  const deptLinks = new Map((await repo.linksOf(deps.db, conn.id, 'dept')).map((l) => [l.external_id, l.local_id]));
  const mapped = conn.settings.sync?.deptTeams ?? {};
  const teams = await listTeams(deps.db);
  const teamIds = new Set(teams.map((t) => t.id));

  const plan: SyncPlan = { teams: [], users: [], counts: { teamsCreated: 0, usersCreated: 0, usersBound: 0, usersUpdated: 0, usersDeactivated: 0, fieldsKept: 0 } };
  /** Department → team id, known now or after the plan's creations (null until then). */
  const teamOf = new Map<string, string | null>();
  const rootTeam = conn.settings.sync?.parentTeamId ?? teams.find((t) => !t.parent_id)?.id ?? null;
  teamOf.set(root, mapped[root] ?? deptLinks.get(root) ?? rootTeam);
  for (const d of depts) {
    const known = mapped[d.id] ?? deptLinks.get(d.id);
    if (known && teamIds.has(known)) {
      teamOf.set(d.id, known);
      if (!deptLinks.has(d.id)) plan.teams.push({ externalId: d.id, name: d.name, action: 'link', teamId: known, parentExternalId: d.parentId });
      continue;
    }
    teamOf.set(d.id, null);
    plan.teams.push({ externalId: d.id, name: d.name, action: 'create', teamId: null, parentExternalId: d.parentId });
    plan.counts.teamsCreated++;
  }

  const userLinks = await repo.linksOf(deps.db, conn.id, 'user');
  const byExternal = new Map(userLinks.map((l) => [l.external_id, l]));
  const listed = new Set<string>();
  for (const m of members) {
    if (!m.active) continue;
    listed.add(m.externalId);
    const dept = m.deptIds.find((id) => teamOf.has(id)) ?? root;
    const desired: Values = { displayName: m.name, phone: normalizePhone(m.mobile), email: m.email, teamId: teamOf.get(dept) ?? null };
    const link = byExternal.get(m.externalId);
    let user = link ? await repo.userById(deps.db, link.local_id) : undefined;
    let action: SyncPlan['users'][number]['action'] = 'update';
    if (!user && desired.phone) {
      user = (await repo.usersByPhone(deps.db, [desired.phone]))[0];
      action = 'bind';
    }
    if (!user) {
      plan.users.push({ externalId: m.externalId, name: m.name, action: 'create', userId: null, set: desired, kept: [], deptExternalId: dept });
      plan.counts.usersCreated++;
      continue;
    }
    const lastSynced = parseJson<Values>(link?.synced ?? '{}', {});
    const set: Values = {};
    const kept: Field[] = [];
    for (const field of Object.keys(desired) as Field[]) {
      const want = desired[field];
      const have = (user as Record<string, unknown>)[KEY[field]] as string | null;
      if (want === undefined || want === null || want === have) continue;
      // Changed by hand: differs from what the sync wrote last time (or, never synced, differs at all).
      const handEdited = !(field in lastSynced) || lastSynced[field] !== have;
      if (handEdited && !options.overwrite) kept.push(field);
      else set[field] = want;
    }
    if (action === 'update' && !Object.keys(set).length) action = 'unchanged';
    plan.users.push({ externalId: m.externalId, name: m.name, action, userId: user.id, set, kept, deptExternalId: dept });
    if (action === 'bind') plan.counts.usersBound++;
    if (action === 'update') plan.counts.usersUpdated++;
    plan.counts.fieldsKept += kept.length;
  }
  if (conn.settings.sync?.deactivateLeavers !== false) {
    for (const link of userLinks) {
      if (listed.has(link.external_id)) continue;
      const user = await repo.userById(deps.db, link.local_id);
      if (!user || user.active !== 1) continue;
      plan.users.push({ externalId: link.external_id, name: user.display_name, action: 'deactivate', userId: user.id, set: {}, kept: [] });
      plan.counts.usersDeactivated++;
    }
  }
  return plan;
}

export async function applySync(deps: Deps, conn: LoadedConnection, plan: SyncPlan, actor: Actor | ReturnType<typeof systemActor>): Promise<void> {
  const now = () => deps.clock.now().toISOString();
  const teamOf = new Map<string, string>();
  for (const l of await repo.linksOf(deps.db, conn.id, 'dept')) teamOf.set(l.external_id, l.local_id);
  for (const [ext, team] of Object.entries(conn.settings.sync?.deptTeams ?? {})) teamOf.set(ext, team);
  const root = conn.settings.sync?.rootDeptId ?? ROOT_DEPT[conn.platform];
  const rootTeam = conn.settings.sync?.parentTeamId ?? (await listTeams(deps.db)).find((t) => !t.parent_id)?.id;
  if (rootTeam && !teamOf.has(root)) teamOf.set(root, rootTeam);
  // Parents come before children in the platforms' lists; a child whose parent is unknown goes under the root team.
  for (const t of plan.teams) {
    if (t.action === 'link' && t.teamId) {
      await repo.upsertLink(deps.db, now(), { connectionId: conn.id, kind: 'dept', externalId: t.externalId, localId: t.teamId, source: 'sync', synced: { name: t.name } });
      teamOf.set(t.externalId, t.teamId);
      continue;
    }
    const parentId = (t.parentExternalId && teamOf.get(t.parentExternalId)) || rootTeam || null;
    const team = await createTeam(deps.db, deps.clock, actor, { name: t.name, kind: 'team', parentId });
    await repo.upsertLink(deps.db, now(), { connectionId: conn.id, kind: 'dept', externalId: t.externalId, localId: team.id, source: 'sync', synced: { name: t.name } });
    teamOf.set(t.externalId, team.id);
  }
  for (const u of plan.users) {
    const teamId = u.set.teamId ?? (u.deptExternalId ? teamOf.get(u.deptExternalId) : undefined) ?? rootTeam;
    if (u.action === 'deactivate' && u.userId) {
      const userId = u.userId;
      await deps.db.transaction().execute((trx) => deactivateUserInTx(trx, deps.clock, null, userId));
      continue;
    }
    let userId = u.userId;
    if (u.action === 'create') {
      if (!teamId) continue;
      const created = await createUser(deps.db, deps.clock, actor, {
        username: `${conn.platform}-${u.externalId}`.replace(/[^a-zA-Z0-9._-]/g, '_').slice(0, 64),
        displayName: u.set.displayName ?? u.name,
        // Platform users sign in through the platform; the password is random until an admin sets one.
        password: randomBytes(24).toString('base64url'),
        role: conn.settings.sync?.defaultRole ?? 'seller',
        teamId,
        phone: u.set.phone ?? null,
        email: u.set.email ?? null,
      });
      userId = created.id;
    } else if (userId && Object.keys(u.set).length) {
      await updateUser(deps.db, deps.clock, actor, userId, { displayName: u.set.displayName ?? undefined, phone: u.set.phone, email: u.set.email, teamId: u.set.teamId ?? undefined });
    }
    if (!userId) continue;
    const user = await repo.userById(deps.db, userId);
    if (!user) continue;
    // Remember what the user now holds for the synced fields, so a later hand edit is recognised.
    const synced: Values = { displayName: user.display_name, phone: user.phone, email: user.email, teamId: user.team_id };
    for (const field of u.kept) delete synced[field];
    const link = await repo.findLink(deps.db, conn.id, 'user', u.externalId);
    const previous = parseJson<Values>(link?.synced ?? '{}', {});
    for (const field of u.kept) if (field in previous) synced[field] = previous[field];
    await repo.upsertLink(deps.db, now(), { connectionId: conn.id, kind: 'user', externalId: u.externalId, localId: userId, source: 'sync', synced });
  }
}

/** Runs a sync (dry run: the plan only) and records it; returns the run. */
export async function runSync(
  deps: Deps,
  conn: LoadedConnection,
  options: { dryRun: boolean; overwrite: boolean; actorId: string | null; slot?: string | null; fetch?: typeof fetch },
  actor: Actor | ReturnType<typeof systemActor> = systemActor('platforms'),
): Promise<repo.SyncRunRow | null> {
  const id = newId();
  const row: repo.SyncRunRow = { id, connection_id: conn.id, slot: options.slot ?? null, dry_run: options.dryRun ? 1 : 0, overwrite: options.overwrite ? 1 : 0, status: 'running', plan: '{}', error: null, actor_id: options.actorId, created_at: deps.clock.now().toISOString() };
  // A nightly slot is claimed by its row: a second process finds it taken and does nothing.
  if (!(await repo.insertSyncRun(deps.db, row))) return null;
  try {
    const plan = await planSync(deps, conn, options);
    if (!options.dryRun) await applySync(deps, conn, plan, actor);
    await repo.updateSyncRun(deps.db, id, { status: options.dryRun ? 'planned' : 'applied', plan: toJson(plan) });
    return { ...row, status: options.dryRun ? 'planned' : 'applied', plan: toJson(plan) };
  } catch (error) {
    await repo.updateSyncRun(deps.db, id, { status: 'failed', error: (error as Error).message.slice(0, 2000) });
    return { ...row, status: 'failed', error: (error as Error).message.slice(0, 2000) };
  }
}
