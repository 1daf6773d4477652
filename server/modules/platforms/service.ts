/**
 * Use cases of the platforms module: connections (admin; secrets sealed, write-only, audited without them), the
 * credential test, bindings, a user's message preference, contact sync on demand, and the sidebar's customer.
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../core/http.js';
import { command } from '../../core/command.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import { authorize, type Actor, type AnyActor } from '../../core/policy.js';
import { getCustomerInScope } from '../customers/service.js';
import { findTeam } from '../org/repo.js';
import { apiCtx } from './notify.js';
import { APIS } from './protocol/index.js';
import { PlatformError, tokenFor } from './protocol/http.js';
import { jsapiSignature } from './protocol/crypto.js';
import { wecomJsapiTickets } from './protocol/wecom.js';
import { registerCardCallback } from './protocol/dingtalk.js';
import { presentConnection, presentRun } from './presenter.js';
import * as repo from './repo.js';
import type { ConnectionBody, ConnectionPatch } from './schema.js';
import { runSync } from './sync.js';
import type { ConnectionSecrets, LoadedConnection } from './types.js';

/** The identifiers each platform needs before it can fetch a token. */
const REQUIRED: Record<LoadedConnection['platform'], Array<'corpId' | 'agentId' | 'appKey' | 'appId'>> = {
  wecom: ['corpId', 'agentId'],
  dingtalk: ['appKey', 'agentId'],
  feishu: ['appId'],
};

function mergeSecrets(current: ConnectionSecrets, given: Record<string, string | null | undefined> | undefined): ConnectionSecrets {
  const next: Record<string, string> = { ...(current as Record<string, string>) };
  for (const [k, v] of Object.entries(given ?? {})) {
    if (v === undefined) continue;
    if (v === null || v === '') delete next[k];
    else next[k] = v;
  }
  return next;
}

async function check(deps: Deps, platform: LoadedConnection['platform'], settings: LoadedConnection['settings']) {
  for (const key of REQUIRED[platform]) if (!settings[key]) throw invalid(`settings.${key}`, 'required');
  if (settings.autoCreateTeamId && !(await findTeam(deps.db, settings.autoCreateTeamId))) throw invalid('settings.autoCreateTeamId', 'not_found_team');
  if (settings.sync?.parentTeamId && !(await findTeam(deps.db, settings.sync.parentTeamId))) throw invalid('settings.sync.parentTeamId', 'not_found_team');
  for (const [dept, team] of Object.entries(settings.sync?.deptTeams ?? {})) if (!(await findTeam(deps.db, team))) throw invalid(`settings.sync.deptTeams.${dept}`, 'not_found_team');
}

export async function getConnection(deps: Pick<Deps, 'db'>, id: string): Promise<LoadedConnection> {
  const conn = await repo.findConnection(deps.db, id);
  if (!conn) throw notFound('Platform connection');
  return conn;
}

export async function listConnections(deps: Deps, actor: AnyActor) {
  authorize(actor, 'platform.manage');
  const items = (await repo.listConnections(deps.db)).map((c) => presentConnection(c, deps.config.publicUrl));
  return { items, total: items.length };
}

export async function readConnection(deps: Deps, actor: AnyActor, id: string) {
  authorize(actor, 'platform.manage');
  return presentConnection(await getConnection(deps, id), deps.config.publicUrl);
}

export async function createConnection(deps: Deps, actor: AnyActor, input: ConnectionBody) {
  authorize(actor, 'platform.manage');
  const settings = input.settings as LoadedConnection['settings'];
  await check(deps, input.platform, settings);
  const id = newId();
  const now = deps.clock.now().toISOString();
  const secrets = mergeSecrets({}, input.secrets);
  await command(deps.db, deps.clock, { entity: 'platform_connection', actorId: actor.kind === 'system' ? null : actor.id }, async (cmd) => {
    await repo.insertConnection(cmd.trx, { id, platform: input.platform, name: input.name, settings: toJson(settings), secrets: repo.sealConnectionSecrets(id, secrets), enabled: input.enabled ? 1 : 0, created_at: now, updated_at: now });
    await cmd.created(id, { platform: input.platform, name: input.name, settings, secretFields: Object.keys(secrets).sort(), enabled: input.enabled });
  });
  return readConnection(deps, actor, id);
}

export async function updateConnection(deps: Deps, actor: AnyActor, id: string, patch: ConnectionPatch) {
  authorize(actor, 'platform.manage');
  const current = await getConnection(deps, id);
  const settings = (patch.settings ?? current.settings) as LoadedConnection['settings'];
  await check(deps, current.platform, settings);
  const secrets = mergeSecrets(current.secrets, patch.secrets);
  const now = deps.clock.now().toISOString();
  await command(deps.db, deps.clock, { entity: 'platform_connection', actorId: actor.kind === 'system' ? null : actor.id }, async (cmd) => {
    await repo.updateConnection(cmd.trx, id, { name: patch.name ?? current.name, settings: toJson(settings), secrets: repo.sealConnectionSecrets(id, secrets), enabled: patch.enabled === undefined ? (current.enabled ? 1 : 0) : patch.enabled ? 1 : 0, updated_at: now });
    // New credentials invalidate the cached token.
    if (patch.secrets?.secret !== undefined || patch.settings) for (const kind of ['tenant', 'app', 'jsapi', 'agent_jsapi', 'card_route']) await repo.dropToken(cmd.trx, id, kind);
    const view = (c: { name: string; settings: unknown; enabled: boolean; secrets: ConnectionSecrets }) => ({ name: c.name, settings: c.settings, enabled: c.enabled, secretFields: Object.keys(c.secrets).sort() });
    await cmd.updated(id, view(current), view({ name: patch.name ?? current.name, settings, enabled: patch.enabled ?? current.enabled, secrets }), undefined, {
      always: patch.secrets !== undefined && Object.values(patch.secrets).some((v) => v !== undefined),
    });
  });
  return readConnection(deps, actor, id);
}

export async function deleteConnection(deps: Deps, actor: AnyActor, id: string) {
  authorize(actor, 'platform.manage');
  const current = await getConnection(deps, id);
  await command(deps.db, deps.clock, { entity: 'platform_connection', actorId: actor.kind === 'system' ? null : actor.id }, async (cmd) => {
    await repo.deleteConnectionRows(cmd.trx, id);
    await cmd.deleted(id, { platform: current.platform, name: current.name });
  });
  return { ok: true as const };
}

/**
 * What the sidebar page inside WeCom needs to call getCurExternalContact: wx.config and wx.agentConfig signed for
 * the page's URL with the corp and app tickets. Any signed-in user (the signatures reveal no secret); only an
 * enabled WeCom connection has them.
 */
export async function jsapiConfig(deps: Deps, id: string, url: string, fetchImpl?: typeof fetch) {
  const conn = await getConnection(deps, id);
  if (!conn.enabled || conn.platform !== 'wecom') throw new AppError('INVALID_STATE', 'platform_jsapi_wecom_only');
  let tickets: { corp: string; agent: string };
  try {
    tickets = await wecomJsapiTickets(apiCtx(deps, conn, fetchImpl));
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    throw new AppError('RATE_LIMITED', 'platform_unavailable', { params: { platform: '企业微信 WeCom' } });
  }
  const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
  const sign = (ticket: string) => {
    const nonceStr = randomBytes(12).toString('base64url');
    return { timestamp, nonceStr, signature: jsapiSignature(ticket, nonceStr, timestamp, url) };
  };
  return { corpId: conn.settings.corpId ?? '', agentId: conn.settings.agentId ?? '', config: sign(tickets.corp), agentConfig: sign(tickets.agent) };
}

/** The "test" button: fetches a fresh token with the stored credentials and reports the platform's answer. */
export async function testConnection(deps: Deps, actor: AnyActor, id: string, fetchImpl?: typeof fetch) {
  authorize(actor, 'platform.manage');
  const conn = await getConnection(deps, id);
  try {
    const ctx = apiCtx(deps, conn, fetchImpl);
    await tokenFor(ctx, APIS[conn.platform].protocol, 'tenant', true);
    // DingTalk interactive cards: the test also (re)registers the card-callback address, so a wrong one shows here.
    if (conn.platform === 'dingtalk' && conn.settings.cardTemplateId) await registerCardCallback(ctx, true);
    const cached = await repo.cachedToken(deps.db, id, 'tenant');
    return { ok: true, expiresAt: cached?.expiresAt ?? null, error: null };
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    return { ok: false, expiresAt: null, error: error.message };
  }
}

export async function syncNow(deps: Deps, actor: AnyActor, id: string, options: { dryRun: boolean; overwrite: boolean }) {
  authorize(actor, 'platform.manage');
  const conn = await getConnection(deps, id);
  const run = await runSync(deps, conn, { ...options, actorId: actor.kind === 'system' ? null : actor.id }, actor);
  return presentRun(run!);
}

export async function listRuns(deps: Deps, actor: AnyActor, id: string) {
  authorize(actor, 'platform.manage');
  await getConnection(deps, id);
  const items = (await repo.listSyncRuns(deps.db, id)).map(presentRun);
  return { items, total: items.length };
}

/** An admin binds a member to a user by hand (the member id as the platform shows it). */
export async function bindUser(deps: Deps, actor: AnyActor, id: string, input: { userId: string; externalId: string }) {
  authorize(actor, 'platform.manage');
  await getConnection(deps, id);
  if (!(await repo.userById(deps.db, input.userId))) throw invalid('userId', 'not_found_user');
  await repo.upsertLink(deps.db, deps.clock.now().toISOString(), { connectionId: id, kind: 'user', externalId: input.externalId, localId: input.userId, source: 'manual' });
  return { connectionId: id, externalId: input.externalId, userId: input.userId, source: 'manual' };
}

export async function myPreference(deps: Deps, actor: Actor) {
  const mode = (await repo.userPref(deps.db, actor.id)) as 'default' | 'off' | 'also' | 'instead';
  const links = await repo.userLinks(deps.db, actor.id);
  const bindings = [];
  for (const l of links) {
    const conn = await repo.findConnection(deps.db, l.connection_id);
    if (conn) bindings.push({ connectionId: conn.id, platform: conn.platform, name: conn.name, externalId: l.external_id });
  }
  return { mode, bindings };
}

export async function setMyPreference(deps: Deps, actor: Actor, mode: string) {
  await repo.setUserPref(deps.db, actor.id, mode, deps.clock.now().toISOString());
  return myPreference(deps, actor);
}

/**
 * The sidebar's customer: by the platform's external contact id when it is linked, else by id; always within the
 * caller's scope (a customer outside it is 404 like everywhere else). Also the caller's team and store, which the
 * quick-log and the appointment form are prefilled with.
 */
export async function sidebar(deps: Deps, actor: Actor, query: { connectionId?: string; externalContactId?: string; customerId?: string }) {
  let customerId = query.customerId ?? null;
  if (!customerId && query.connectionId && query.externalContactId) {
    customerId = (await repo.findLink(deps.db, query.connectionId, 'contact', query.externalContactId))?.local_id ?? null;
  }
  const customer = customerId ? await getCustomerInScope(deps.db, actor, customerId) : null;
  const team = await findTeam(deps.db, actor.teamId);
  const store = await storeOf(deps, actor.teamPath);
  const openDeals = customer
    ? await deps.db.selectFrom('deals').select(['id', 'title', 'stage_key']).where('customer_id', '=', customer.id).where('status', '=', 'open').orderBy('updated_at', 'desc').limit(10).execute()
    : [];
  return {
    customer: customer ? { id: customer.id, name: customer.name, phone: customer.phone, level: customer.level } : null,
    me: { id: actor.id, name: actor.displayName, teamId: actor.teamId, teamName: team?.name ?? '', storeId: store?.id ?? null, storeName: store?.name ?? null },
    openDeals: openDeals.map((d) => ({ id: d.id, title: d.title, stageKey: d.stage_key })),
  };
}

async function storeOf(deps: Deps, teamPath: string) {
  const ids = teamPath.split('/').filter(Boolean).reverse();
  for (const teamId of ids) {
    const team = await findTeam(deps.db, teamId);
    if (team?.kind === 'store') return team;
  }
  return null;
}

/** Links an external contact (WeCom 客户联系 external_userid) to a customer the caller can see. */
export async function linkContact(deps: Deps, actor: Actor, input: { connectionId: string; externalContactId: string; customerId: string }) {
  await getConnection(deps, input.connectionId);
  await getCustomerInScope(deps.db, actor, input.customerId, 'customerId');
  const existing = await repo.findLink(deps.db, input.connectionId, 'contact', input.externalContactId);
  if (existing && existing.local_id !== input.customerId) {
    // Re-pointing someone else's link needs the old customer in scope too.
    await getCustomerInScope(deps.db, actor, existing.local_id).catch(() => {
      throw new AppError('FORBIDDEN', 'platform_sidebar_unbound');
    });
  }
  await repo.upsertLink(deps.db, deps.clock.now().toISOString(), { connectionId: input.connectionId, kind: 'contact', externalId: input.externalContactId, localId: input.customerId, source: 'manual' });
  return sidebar(deps, actor, { customerId: input.customerId });
}
