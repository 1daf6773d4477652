/**
 * Contact sync: the platform's departments and members → teams and users. `planSync` reads the platform and the
 * links and writes nothing (the dry run shows it); `applySync` carries a plan out through the org module's use cases
 * (each team and each user change, with its link, one audited transaction: a failure leaves no half user, and the
 * other members still sync — the run lists who failed). Departments renamed on the platform rename their team,
 * departments moved under another parent move their team there (org `moveTeamIn`: subtree, users and every scope path
 * follow; departments mapped by hand in `deptTeams` stay where the admin put them), and members moved between
 * departments move team (the department → team mapping is kept). What a sync never does: change a role (roles are
 * set in actionflow; created users get the connection's default role), or overwrite a value an admin changed by hand
 * since the last sync — a name, a team's place, a user's fields, a user an admin deactivated — (the link remembers
 * what the sync wrote) unless `overwrite` is asked for. Members who left (status left or resigned, or no longer
 * listed) are deactivated when `sync.deactivateLeavers` is on (default); a leaver who returns and whom the sync had
 * deactivated is reactivated (audited like any user change).
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../core/http.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { hashPassword } from '../../core/passwords.js';
import { systemActor, type Actor } from '../../core/policy.js';
import { normalizePhone } from '../customers/normalize.js';
import { findTeam, listTeams } from '../org/repo.js';
import { createTeamIn, createUserIn, deactivateUserInTx, moveTeamIn, renameTeamIn, updateUserIn } from '../org/service.js';
import { APIS, ROOT_DEPT } from './protocol/index.js';
import { apiCtx } from './notify.js';
import * as repo from './repo.js';
import type { LoadedConnection } from './types.js';

type Field = 'displayName' | 'phone' | 'email' | 'teamId';
type Values = Partial<Record<Field, string | null>>;

export interface SyncPlan {
  teams: Array<{
    externalId: string;
    name: string;
    /** move: under the parent department's team; kept-move: moved by hand in actionflow, left alone; place: the link records where the team is. */
    action: 'create' | 'link' | 'rename' | 'kept' | 'move' | 'kept-move' | 'place';
    teamId: string | null;
    parentExternalId: string | null;
    /** rename / kept: the team's name now (kept: renamed by hand in actionflow, left alone). */
    previousName?: string;
    /** move: the parent team, when it exists before this run (else the team created for parentExternalId). */
    parentTeamId?: string | null;
  }>;
  users: Array<{
    externalId: string;
    name: string;
    action: 'create' | 'bind' | 'update' | 'reactivate' | 'deactivate' | 'unchanged';
    userId: string | null;
    /** Values to write (create/bind/update). */
    set: Values;
    /** Fields left alone because an admin changed them by hand since the last sync. */
    kept: Array<Field | 'active'>;
    /** The member's department: created users go to its team; `moveToDept` users to the team this run creates for it. */
    deptExternalId?: string | null;
    moveToDept?: string;
  }>;
  counts: Record<'teamsCreated' | 'teamsRenamed' | 'teamsMoved' | 'usersCreated' | 'usersBound' | 'usersUpdated' | 'usersMoved' | 'usersDeactivated' | 'usersReactivated' | 'fieldsKept', number>;
  /** Members whose change failed (rolled back as a whole); filled by the apply. */
  failed?: Array<{ externalId: string; name: string; error: string }>;
}

const KEY: Record<Field, 'display_name' | 'phone' | 'email' | 'team_id'> = { displayName: 'display_name', phone: 'phone', email: 'email', teamId: 'team_id' };

export async function planSync(deps: Deps, conn: LoadedConnection, options: { overwrite: boolean; fetch?: typeof fetch }): Promise<SyncPlan> {
  const api = APIS[conn.platform];
  const ctx = apiCtx(deps, conn, options.fetch);
  const root = conn.settings.sync?.rootDeptId ?? ROOT_DEPT[conn.platform];
  const depts = await api.departments(ctx, root);
  const members = await api.members(ctx, [root, ...depts.map((d) => d.id)]);
  const deptLinks = new Map((await repo.linksOf(deps.db, conn.id, 'dept')).map((l) => [l.external_id, l]));
  const mapped = conn.settings.sync?.deptTeams ?? {};
  const teams = await listTeams(deps.db);
  const teamById = new Map(teams.map((t) => [t.id, t]));

  const plan: SyncPlan = { teams: [], users: [], counts: { teamsCreated: 0, teamsRenamed: 0, teamsMoved: 0, usersCreated: 0, usersBound: 0, usersUpdated: 0, usersMoved: 0, usersDeactivated: 0, usersReactivated: 0, fieldsKept: 0 } };
  /** Department → team id, known now or after the plan's creations (null until then). */
  const teamOf = new Map<string, string | null>();
  const rootTeam = conn.settings.sync?.parentTeamId ?? teams.find((t) => !t.parent_id)?.id ?? null;
  teamOf.set(root, mapped[root] ?? deptLinks.get(root)?.local_id ?? rootTeam);
  // Every department's team first: after a re-parent a parent may be listed after its child.
  for (const d of depts) {
    const known = mapped[d.id] ?? deptLinks.get(d.id)?.local_id;
    teamOf.set(d.id, known && teamById.has(known) ? known : null);
  }
  for (const d of depts) {
    const link = deptLinks.get(d.id);
    const known = mapped[d.id] ?? link?.local_id;
    const team = known ? teamById.get(known) : undefined;
    if (!team) {
      teamOf.set(d.id, null);
      plan.teams.push({ externalId: d.id, name: d.name, action: 'create', teamId: null, parentExternalId: d.parentId });
      plan.counts.teamsCreated++;
      continue;
    }
    teamOf.set(d.id, team.id);
    if (!link || link.local_id !== team.id) {
      plan.teams.push({ externalId: d.id, name: d.name, action: 'link', teamId: team.id, parentExternalId: d.parentId });
      continue;
    }
    const last = parseJson<{ name?: string; parent?: string | null }>(link.synced, {});
    // Renamed on the platform since the last sync: the team follows unless an admin renamed it by hand.
    if (d.name !== last.name && d.name !== team.name) {
      const handRenamed = last.name !== undefined && team.name !== last.name;
      const action = handRenamed && !options.overwrite ? 'kept' : 'rename';
      plan.teams.push({ externalId: d.id, name: d.name, action, teamId: team.id, parentExternalId: d.parentId, previousName: team.name });
      if (action === 'rename') plan.counts.teamsRenamed++;
      else plan.counts.fieldsKept++;
    }
    // Moved under another department: the team follows unless an admin placed it by hand (or mapped it).
    if (mapped[d.id]) continue;
    const parentDept = d.parentId && teamOf.has(d.parentId) ? d.parentId : root;
    const wantParent = teamOf.get(parentDept) ?? null;
    if (wantParent === team.parent_id) {
      if (last.parent === undefined) plan.teams.push({ externalId: d.id, name: d.name, action: 'place', teamId: team.id, parentExternalId: d.parentId, parentTeamId: team.parent_id });
      continue;
    }
    // Where the sync last put it; never recorded counts as placed by hand, like a user field never synced.
    const handMoved = last.parent === undefined || team.parent_id !== last.parent;
    const action = handMoved && !options.overwrite ? 'kept-move' : 'move';
    plan.teams.push({ externalId: d.id, name: d.name, action, teamId: team.id, parentExternalId: parentDept, parentTeamId: wantParent });
    if (action === 'move') plan.counts.teamsMoved++;
    else plan.counts.fieldsKept++;
  }

  const userLinks = await repo.linksOf(deps.db, conn.id, 'user');
  const byExternal = new Map(userLinks.map((l) => [l.external_id, l]));
  const listed = new Set<string>();
  for (const m of members) {
    if (!m.active) continue;
    listed.add(m.externalId);
    const dept = m.deptIds.find((id) => teamOf.has(id)) ?? root;
    const deptTeam = teamOf.get(dept) ?? null;
    const desired: Values = { displayName: m.name, phone: normalizePhone(m.mobile), email: m.email, teamId: deptTeam };
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
    const lastSynced = parseJson<Values & { leftAt?: string }>(link?.synced ?? '{}', {});
    const set: Values = {};
    const kept: Array<Field | 'active'> = [];
    if (user.active !== 1) {
      // A returning leaver: back if the sync deactivated them; an admin's deactivation stands unless overwrite.
      if (!link || (lastSynced.leftAt === undefined && !options.overwrite)) {
        plan.users.push({ externalId: m.externalId, name: m.name, action: 'unchanged', userId: user.id, set: {}, kept: ['active'], deptExternalId: dept });
        plan.counts.fieldsKept++;
        continue;
      }
      action = 'reactivate';
    }
    let moveToDept: string | undefined;
    // Changed by hand: differs from what the sync wrote last time (or, never synced, differs at all).
    const handEdited = (field: Field, have: string | null) => !(field in lastSynced) || lastSynced[field] !== have;
    for (const field of Object.keys(desired) as Field[]) {
      const want = desired[field];
      const have = (user as Record<string, unknown>)[KEY[field]] as string | null;
      // A department whose team this run creates: a move there, resolved when the team exists.
      const toNewTeam = field === 'teamId' && want === null && teamOf.has(dept) && dept !== root;
      if (!toNewTeam && (want === undefined || want === null || want === have)) continue;
      if (handEdited(field, have) && !options.overwrite) kept.push(field);
      else if (toNewTeam) moveToDept = dept;
      else set[field] = want;
    }
    if (action === 'update' && !Object.keys(set).length && !moveToDept) action = 'unchanged';
    if (action === 'reactivate') plan.counts.usersReactivated++;
    plan.users.push({ externalId: m.externalId, name: m.name, action, userId: user.id, set, kept, deptExternalId: dept, ...(moveToDept ? { moveToDept } : {}) });
    if (action === 'bind') plan.counts.usersBound++;
    if (action === 'update') plan.counts.usersUpdated++;
    if (action !== 'bind' && (moveToDept || set.teamId)) plan.counts.usersMoved++;
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

type SyncActor = Actor | ReturnType<typeof systemActor>;

export async function applySync(deps: Deps, conn: LoadedConnection, plan: SyncPlan, actor: SyncActor): Promise<void> {
  const now = () => deps.clock.now().toISOString();
  const teamOf = new Map<string, string>();
  for (const l of await repo.linksOf(deps.db, conn.id, 'dept')) teamOf.set(l.external_id, l.local_id);
  for (const [ext, team] of Object.entries(conn.settings.sync?.deptTeams ?? {})) teamOf.set(ext, team);
  const root = conn.settings.sync?.rootDeptId ?? ROOT_DEPT[conn.platform];
  const rootTeam = conn.settings.sync?.parentTeamId ?? (await listTeams(deps.db)).find((t) => !t.parent_id)?.id;
  if (rootTeam && !teamOf.has(root)) teamOf.set(root, rootTeam);
  // Parents come before children in the platforms' lists; a child whose parent is unknown goes under the root team.
  for (const t of plan.teams) {
    if (t.action === 'kept' || t.action === 'kept-move') continue;
    const teamId = await deps.db.transaction().execute(async (trx) => {
      let id = t.teamId;
      // What the link remembers: the name and the parent team the sync last wrote (hand changes are told apart by them).
      let synced: Record<string, unknown> = { name: t.name };
      const previous = parseJson<Record<string, unknown>>((await repo.findLink(trx, conn.id, 'dept', t.externalId))?.synced ?? '{}', {});
      if (t.action === 'create') {
        const parentId = (t.parentExternalId && teamOf.get(t.parentExternalId)) || rootTeam || null;
        id = (await createTeamIn(trx, deps.clock, actor, { name: t.name, kind: 'team', parentId })).id;
        synced = { name: t.name, parent: parentId };
      }
      if (t.action === 'rename') {
        await renameTeamIn(trx, deps.clock, actor, id!, t.name);
        synced = { ...previous, name: t.name };
      }
      if (t.action === 'move' || t.action === 'place') {
        const parentId = t.parentTeamId ?? (t.parentExternalId ? teamOf.get(t.parentExternalId) : undefined) ?? rootTeam ?? null;
        if (t.action === 'move' && parentId) await moveTeamIn(trx, deps.clock, actor, id!, parentId);
        synced = { ...previous, parent: parentId };
      }
      if (t.action === 'link') synced = { name: t.name, parent: (await findTeam(trx, id!))?.parent_id ?? null };
      await repo.upsertLink(trx, now(), { connectionId: conn.id, kind: 'dept', externalId: t.externalId, localId: id!, source: 'sync', synced });
      return id!;
    });
    teamOf.set(t.externalId, teamId);
  }
  const failed: NonNullable<SyncPlan['failed']> = [];
  for (const u of plan.users) {
    try {
      await applyUser(deps, conn, u, actor, teamOf, rootTeam);
    } catch (error) {
      // The member's change rolled back as a whole; the others go on, and the run says who failed and why.
      failed.push({ externalId: u.externalId, name: u.name, error: error instanceof AppError ? `${error.code}: ${error.reason ?? error.message}` : (error as Error).message.slice(0, 300) });
    }
  }
  if (failed.length) plan.failed = failed;
}

/** One member's change and their link, in one transaction. */
async function applyUser(deps: Deps, conn: LoadedConnection, u: SyncPlan['users'][number], actor: SyncActor, teamOf: Map<string, string>, rootTeam: string | undefined) {
  if (u.action === 'deactivate') {
    if (!u.userId) return;
    await deps.db.transaction().execute(async (trx) => {
      await deactivateUserInTx(trx, deps.clock, null, u.userId!);
      // Remembered, so a return reactivates only whom the sync deactivated (not whom an admin did).
      const link = await repo.findLink(trx, conn.id, 'user', u.externalId);
      await repo.upsertLink(trx, deps.clock.now().toISOString(), { connectionId: conn.id, kind: 'user', externalId: u.externalId, localId: u.userId!, source: 'sync', synced: { ...parseJson<Record<string, unknown>>(link?.synced ?? '{}', {}), leftAt: deps.clock.now().toISOString() } });
    });
    return;
  }
  const teamId = u.set.teamId ?? (u.moveToDept ? teamOf.get(u.moveToDept) : undefined) ?? (u.deptExternalId ? teamOf.get(u.deptExternalId) : undefined) ?? rootTeam;
  const moveTo = u.moveToDept ? teamOf.get(u.moveToDept) : undefined;
  // Hashing is slow: before the transaction. Platform users sign in through the platform; the password is random.
  const passwordHash = u.action === 'create' ? await hashPassword(randomBytes(24).toString('base64url')) : '';
  await deps.db.transaction().execute(async (trx) => {
    let userId = u.userId;
    if (u.action === 'create') {
      if (!teamId) return;
      const created = await createUserIn(
        trx,
        deps.clock,
        actor,
        {
          username: `${conn.platform}-${u.externalId}`.replace(/[^a-zA-Z0-9._-]/g, '_').slice(0, 64),
          displayName: u.set.displayName ?? u.name,
          password: '',
          role: conn.settings.sync?.defaultRole ?? 'seller',
          teamId,
          phone: u.set.phone ?? null,
          email: u.set.email ?? null,
        },
        passwordHash,
      );
      userId = created.id;
    } else if (userId && (Object.keys(u.set).length || moveTo || u.action === 'reactivate')) {
      await updateUserIn(trx, deps.clock, actor, userId, { displayName: u.set.displayName ?? undefined, phone: u.set.phone, email: u.set.email, teamId: u.set.teamId ?? moveTo ?? undefined, ...(u.action === 'reactivate' ? { active: true } : {}) });
    }
    if (!userId) return;
    const user = await repo.userById(trx, userId);
    if (!user) return;
    // Remember what the user now holds for the synced fields, so a later hand edit is recognised.
    const synced: Values = { displayName: user.display_name, phone: user.phone, email: user.email, teamId: user.team_id };
    const fields = u.kept.filter((f): f is Field => f !== 'active');
    for (const field of fields) delete synced[field];
    const link = await repo.findLink(trx, conn.id, 'user', u.externalId);
    const previous = parseJson<Values>(link?.synced ?? '{}', {});
    for (const field of fields) if (field in previous) synced[field] = previous[field];
    await repo.upsertLink(trx, deps.clock.now().toISOString(), { connectionId: conn.id, kind: 'user', externalId: u.externalId, localId: userId, source: 'sync', synced });
  });
}

/** Runs a sync (dry run: the plan only) and records it; returns the run. */
export async function runSync(
  deps: Deps,
  conn: LoadedConnection,
  options: { dryRun: boolean; overwrite: boolean; actorId: string | null; slot?: string | null; fetch?: typeof fetch },
  actor: SyncActor = systemActor('platforms'),
): Promise<repo.SyncRunRow | null> {
  const id = newId();
  const row: repo.SyncRunRow = { id, connection_id: conn.id, slot: options.slot ?? null, dry_run: options.dryRun ? 1 : 0, overwrite: options.overwrite ? 1 : 0, status: 'running', plan: '{}', error: null, actor_id: options.actorId, created_at: deps.clock.now().toISOString() };
  // A nightly slot is claimed by its row: a second process finds it taken and does nothing.
  if (!(await repo.insertSyncRun(deps.db, row))) return null;
  try {
    const plan = await planSync(deps, conn, options);
    if (!options.dryRun) await applySync(deps, conn, plan, actor);
    // partial: some members failed (each rolled back whole; listed in plan.failed), the rest applied.
    const status = options.dryRun ? 'planned' : plan.failed?.length ? 'partial' : 'applied';
    const error = plan.failed?.length ? plan.failed.map((f) => `${f.name}: ${f.error}`).join('; ').slice(0, 2000) : null;
    await repo.updateSyncRun(deps.db, id, { status, plan: toJson(plan), error });
    return { ...row, status, plan: toJson(plan), error };
  } catch (error) {
    await repo.updateSyncRun(deps.db, id, { status: 'failed', error: (error as Error).message.slice(0, 2000) });
    return { ...row, status: 'failed', error: (error as Error).message.slice(0, 2000) };
  }
}
