/** All SQL of the platforms module. */
import { timestamps } from '../../core/contract.js';
import type { Selectable } from 'kysely';
import type { Db, Dialect, Queryable } from '../../db/index.js';
import type { PlatformCardsTable, PlatformConnectionsTable, PlatformLinksTable, PlatformSyncRunsTable } from '../../db/schema-platforms.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { open, openJson, resealRows, seal, sealJson } from '../../core/secrets.js';
import type { ConnectionSecrets, ConnectionSettings, LoadedConnection, Platform } from './types.js';

export type ConnectionRow = Selectable<PlatformConnectionsTable>;
export type LinkRow = Selectable<PlatformLinksTable>;
export type CardRow = Selectable<PlatformCardsTable>;
export type SyncRunRow = Selectable<PlatformSyncRunsTable>;

/** Authenticated context of sealed values: a value copied into another row does not open. */
const secretsContext = (id: string) => `platform:${id}`;
const tokenContext = (id: string, kind: string) => `platform-token:${id}:${kind}`;

export const sealConnectionSecrets = (id: string, secrets: ConnectionSecrets) => sealJson(secrets, secretsContext(id));

export function loadConnection(row: ConnectionRow): LoadedConnection {
  const { value: secrets, error: secretsError } = openJson<ConnectionSecrets>(row.secrets, secretsContext(row.id));
  return {
    id: row.id,
    platform: row.platform as Platform,
    name: row.name,
    settings: parseJson<ConnectionSettings>(row.settings, {}),
    secrets,
    secretsError,
    enabled: row.enabled === 1,
    ...timestamps(row),
  };
}

export async function listConnections(db: Queryable): Promise<LoadedConnection[]> {
  const rows = await db.selectFrom('platform_connections').selectAll().orderBy('platform').orderBy('name').execute();
  return rows.map(loadConnection);
}

export async function findConnection(db: Queryable, id: string): Promise<LoadedConnection | null> {
  const row = await db.selectFrom('platform_connections').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? loadConnection(row) : null;
}

export async function insertConnection(db: Queryable, row: ConnectionRow): Promise<void> {
  await db.insertInto('platform_connections').values(row).execute();
}

export async function updateConnection(db: Queryable, id: string, patch: Partial<ConnectionRow>): Promise<void> {
  await db.updateTable('platform_connections').set(patch).where('id', '=', id).execute();
}

export async function deleteConnectionRows(db: Queryable, id: string): Promise<void> {
  for (const table of ['platform_tokens', 'platform_links', 'platform_cards', 'platform_sync_runs'] as const) await db.deleteFrom(table).where('connection_id', '=', id).execute();
  await db.deleteFrom('platform_connections').where('id', '=', id).execute();
}

/** `actionflow secrets rotate`: re-seals every connection's secrets under the current key (see channels/repo.ts). */
export async function resealPlatformSecrets(db: Db, options: { plaintextOnly?: boolean } = {}): Promise<{ resealed: number; total: number; unreadable: string[] }> {
  const rows = await db.selectFrom('platform_connections').select(['id', 'secrets as value']).execute();
  const result = await resealRows(rows, secretsContext, async (row, next) => {
    const written = await db.updateTable('platform_connections').set({ secrets: next }).where('id', '=', row.id).where('secrets', '=', row.value).executeTakeFirst();
    return Number(written.numUpdatedRows);
  }, options);
  // Cached access tokens live two hours: dropping them is the re-seal (they are fetched again under the new key).
  await db.deleteFrom('platform_tokens').execute();
  return result;
}

export async function cachedToken(db: Queryable, connectionId: string, kind: string): Promise<{ token: string; expiresAt: string } | null> {
  const row = await db.selectFrom('platform_tokens').selectAll().where('connection_id', '=', connectionId).where('kind', '=', kind).executeTakeFirst();
  if (!row) return null;
  try {
    return { token: open(row.token, tokenContext(connectionId, kind)), expiresAt: row.expires_at };
  } catch {
    return null;
  }
}

export async function storeToken(db: Queryable, connectionId: string, kind: string, token: string, expiresAt: string, now: string): Promise<void> {
  const sealed = seal(token, tokenContext(connectionId, kind));
  await db
    .insertInto('platform_tokens')
    .values({ connection_id: connectionId, kind, token: sealed, expires_at: expiresAt, fetched_at: now })
    .onConflict((oc) => oc.columns(['connection_id', 'kind']).doUpdateSet({ token: sealed, expires_at: expiresAt, fetched_at: now }))
    .execute();
}

export async function dropToken(db: Queryable, connectionId: string, kind: string): Promise<void> {
  await db.deleteFrom('platform_tokens').where('connection_id', '=', connectionId).where('kind', '=', kind).execute();
}

export function findLink(db: Queryable, connectionId: string, kind: string, externalId: string) {
  return db.selectFrom('platform_links').selectAll().where('connection_id', '=', connectionId).where('kind', '=', kind).where('external_id', '=', externalId).executeTakeFirst();
}

export function findLinkByLocal(db: Queryable, connectionId: string, kind: string, localId: string) {
  return db.selectFrom('platform_links').selectAll().where('connection_id', '=', connectionId).where('kind', '=', kind).where('local_id', '=', localId).executeTakeFirst();
}

export function linksOf(db: Queryable, connectionId: string, kind: string) {
  return db.selectFrom('platform_links').selectAll().where('connection_id', '=', connectionId).where('kind', '=', kind).execute();
}

/** A user's links across the connections (where personal messages can reach them). */
export async function linkedUserIds(db: Queryable, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db.selectFrom('platform_links').select('local_id').distinct().where('kind', '=', 'user').where('local_id', 'in', [...userIds]).execute();
  return rows.map((r) => r.local_id);
}

export function userLinks(db: Queryable, userId: string) {
  return db.selectFrom('platform_links').selectAll().where('kind', '=', 'user').where('local_id', '=', userId).execute();
}

export async function upsertLink(
  db: Queryable,
  now: string,
  link: { connectionId: string; kind: string; externalId: string; localId: string; source: string; synced?: Record<string, unknown> },
): Promise<void> {
  const existing = await findLink(db, link.connectionId, link.kind, link.externalId);
  if (existing) {
    await db
      .updateTable('platform_links')
      .set({ local_id: link.localId, ...(link.synced ? { synced: toJson(link.synced) } : {}), updated_at: now })
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  // One link per local record and connection: a user re-bound to another member loses the old link.
  await db.deleteFrom('platform_links').where('connection_id', '=', link.connectionId).where('kind', '=', link.kind).where('local_id', '=', link.localId).execute();
  await db
    .insertInto('platform_links')
    .values({ id: newId(), connection_id: link.connectionId, kind: link.kind, external_id: link.externalId, local_id: link.localId, source: link.source, synced: toJson(link.synced ?? {}), created_at: now, updated_at: now })
    .execute();
}

export async function deleteLink(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('platform_links').where('id', '=', id).execute();
}

/** Active or not, users whose phone is this mobile (normalised digits, +86 dropped). */
export function usersByPhone(db: Queryable, phones: string[]) {
  return db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'team_id', 'team_path', 'active', 'phone', 'email']).where('phone', 'in', phones).execute();
}

export function userById(db: Queryable, id: string) {
  return db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'team_id', 'team_path', 'active', 'phone', 'email']).where('id', '=', id).executeTakeFirst();
}

export async function userPref(db: Queryable, userId: string): Promise<string> {
  const row = await db.selectFrom('platform_user_prefs').select('mode').where('user_id', '=', userId).executeTakeFirst();
  return row?.mode ?? 'default';
}

export async function setUserPref(db: Queryable, userId: string, mode: string, now: string): Promise<void> {
  await db
    .insertInto('platform_user_prefs')
    .values({ user_id: userId, mode, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ mode, updated_at: now }))
    .execute();
}

export async function insertCard(db: Queryable, card: CardRow): Promise<void> {
  await db.insertInto('platform_cards').values(card).execute();
}

export function findCard(db: Queryable, id: string) {
  return db.selectFrom('platform_cards').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCard(db: Queryable, id: string, patch: Partial<CardRow>): Promise<void> {
  await db.updateTable('platform_cards').set(patch).where('id', '=', id).execute();
}

/** The other cards still open about the same subject (the rest of a work order's queue). */
export function openSiblingCards(db: Queryable, card: Pick<CardRow, 'id' | 'subject_type' | 'subject_id'>) {
  return db.selectFrom('platform_cards').selectAll().where('subject_type', '=', card.subject_type).where('subject_id', '=', card.subject_id).where('id', '!=', card.id).where('status', '=', 'open').execute();
}

/** A WeCom card waiting for the comment its member is to send as a chat message (the latest first). */
export function awaitingCard(db: Queryable, connectionId: string, externalUserId: string, since: string) {
  return db.selectFrom('platform_cards').selectAll().where('connection_id', '=', connectionId).where('external_user_id', '=', externalUserId).where('status', '=', 'awaiting_comment').where('updated_at', '>=', since).orderBy('updated_at', 'desc').executeTakeFirst();
}

/** Claims the card's one action; false when a press was already recorded (then `actionOf` has its result). */
export async function claimCardAction(db: Queryable, row: { card_id: string; action: string; actor_id: string | null; result: string; created_at: string }): Promise<boolean> {
  const result = await db.insertInto('platform_card_actions').values(row).onConflict((oc) => oc.column('card_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function actionOf(db: Queryable, cardId: string) {
  return db.selectFrom('platform_card_actions').selectAll().where('card_id', '=', cardId).executeTakeFirst();
}

export async function setActionResult(db: Queryable, cardId: string, result: string): Promise<void> {
  await db.updateTable('platform_card_actions').set({ result }).where('card_id', '=', cardId).execute();
}

export async function insertSyncRun(db: Queryable, row: SyncRunRow): Promise<boolean> {
  const result = await db.insertInto('platform_sync_runs').values(row).onConflict((oc) => oc.columns(['connection_id', 'slot']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateSyncRun(db: Queryable, id: string, patch: Partial<SyncRunRow>): Promise<void> {
  await db.updateTable('platform_sync_runs').set(patch).where('id', '=', id).execute();
}

export function listSyncRuns(db: Queryable, connectionId: string, limit = 20) {
  return db.selectFrom('platform_sync_runs').selectAll().where('connection_id', '=', connectionId).orderBy('created_at', 'desc').limit(limit).execute();
}

export function lastNightlySlot(db: Queryable, connectionId: string) {
  return db.selectFrom('platform_sync_runs').select('slot').where('connection_id', '=', connectionId).where('slot', 'is not', null).orderBy('slot', 'desc').limit(1).executeTakeFirst();
}

/**
 * Takes one send slot for a recipient (per-member limit), or says when one frees up. The connection row is locked on
 * PostgreSQL so concurrent dispatchers cannot both take the last slot.
 */
export async function reserveSendSlot(db: Db, dialect: Dialect, connectionId: string, scope: string, nowMs: number, decide: (recentMs: number[]) => number | null): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    let lock = trx.selectFrom('platform_connections').select('id').where('id', '=', connectionId);
    if (dialect === 'postgres') lock = lock.forUpdate();
    await lock.execute();
    await trx.deleteFrom('platform_sends').where('scope', '=', scope).where('sent_at', '<=', new Date(nowMs - 60_000).toISOString()).execute();
    const recent = await trx.selectFrom('platform_sends').select('sent_at').where('scope', '=', scope).execute();
    const wait = decide(recent.map((r) => Date.parse(r.sent_at)));
    if (wait !== null) return wait;
    await trx.insertInto('platform_sends').values({ id: newId(), scope, sent_at: new Date(nowMs).toISOString() }).execute();
    return null;
  });
}
