import { timestamps } from '../../core/contract.js';
import type { Selectable } from 'kysely';
import type { Db, Dialect, Queryable } from '../../db/index.js';
import type { ChannelsTable } from '../../db/schema.js';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { parseJson } from '../../core/json.js';
import { openJson, resealRows, sealJson } from '../../core/secrets.js';
import { effectiveLimits, nextFreeSlot, WINDOW_MS } from './limits.js';
import type { ChannelKind, StoredChannelSecrets, StoredChannelSettings } from './schema.js';

export type ChannelRow = Selectable<ChannelsTable>;

/** A channel with its JSON parsed; `secrets` never leaves the server. */
export interface LoadedChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  teamId: string | null;
  teamPath: string | null;
  settings: StoredChannelSettings;
  secrets: StoredChannelSecrets;
  /** Why the secrets could not be opened (their key is not configured), else null. */
  secretsError: string | null;
  ratePerMinute: number | null;
  ratePerSecond: number | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Authenticated context of a channel's sealed secrets: a sealed value moved to another channel does not open. */
const secretsContext = (id: string) => `channel:${id}`;

/** The `secrets` column value: the JSON sealed with the current key (core/secrets.ts). */
export function sealChannelSecrets(id: string, secrets: Record<string, unknown>): string {
  return sealJson(secrets, secretsContext(id));
}

function openChannelSecrets(row: ChannelRow): { secrets: StoredChannelSecrets; secretsError: string | null } {
  const { value, error } = openJson<StoredChannelSecrets>(row.secrets, secretsContext(row.id));
  return { secrets: value, secretsError: error };
}

export function loadChannel(row: ChannelRow & { team_path?: string | null }): LoadedChannel {
  return {
    id: row.id,
    kind: row.kind as ChannelKind,
    name: row.name,
    teamId: row.team_id,
    teamPath: row.team_path ?? null,
    settings: parseJson<StoredChannelSettings>(row.settings, {}),
    ...openChannelSecrets(row),
    ratePerMinute: row.rate_per_minute,
    ratePerSecond: row.rate_per_second,
    enabled: row.enabled === 1,
    ...timestamps(row),
  };
}


const withTeamPath = (db: Queryable) =>
  db.selectFrom('channels').leftJoin('teams', 'teams.id', 'channels.team_id').selectAll('channels').select('teams.path as team_path');

export async function listChannels(db: Queryable): Promise<LoadedChannel[]> {
  const rows = await withTeamPath(db).orderBy('channels.kind').orderBy('channels.name').execute();
  return rows.map(loadChannel);
}

export async function findChannel(db: Queryable, id: string): Promise<LoadedChannel | null> {
  const row = await withTeamPath(db).where('channels.id', '=', id).executeTakeFirst();
  return row ? loadChannel(row) : null;
}

export async function listEnabledChannels(db: Queryable): Promise<LoadedChannel[]> {
  const rows = await withTeamPath(db).where('channels.enabled', '=', 1).execute();
  return rows.map(loadChannel);
}

export async function insertChannel(db: Queryable, row: ChannelRow): Promise<void> {
  await db.insertInto('channels').values(row).execute();
}

export async function updateChannel(db: Queryable, id: string, patch: Partial<ChannelRow>): Promise<void> {
  await db.updateTable('channels').set(patch).where('id', '=', id).execute();
}

export async function teamExists(db: Queryable, id: string): Promise<boolean> {
  return !!(await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst());
}

/**
 * Takes one send slot of the channel's rate limit, or says when the next one frees up. On PostgreSQL the channel row
 * is locked for the check-and-insert, so concurrent dispatchers cannot both take the 20th slot; SQLite runs one
 * transaction at a time anyway.
 */
export async function reserveSlot(db: Db, dialect: Dialect, clock: Clock, channel: LoadedChannel): Promise<{ ok: true } | { ok: false; waitUntil: Date }> {
  const limits = effectiveLimits(channel.kind, { perMinute: channel.ratePerMinute, perSecond: channel.ratePerSecond });
  if (limits.perMinute == null && limits.perSecond == null) return { ok: true };
  return db.transaction().execute(async (trx) => {
    let lock = trx.selectFrom('channels').select('id').where('id', '=', channel.id);
    if (dialect === 'postgres') lock = lock.forUpdate();
    await lock.execute();
    const now = clock.now();
    const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
    await trx.deleteFrom('channel_sends').where('channel_id', '=', channel.id).where('sent_at', '<=', windowStart).execute();
    const recent = await trx.selectFrom('channel_sends').select('sent_at').where('channel_id', '=', channel.id).execute();
    const waitUntil = nextFreeSlot(recent.map((r) => Date.parse(r.sent_at)), now.getTime(), limits);
    if (waitUntil != null) return { ok: false as const, waitUntil: new Date(waitUntil) };
    await trx.insertInto('channel_sends').values({ id: newId(), channel_id: channel.id, sent_at: now.toISOString() }).execute();
    return { ok: true as const };
  });
}

/**
 * Seals every channel's secrets under the current key: plaintext rows (written before sealing existed) and rows
 * sealed with an older key. A row that opens with no configured key is left as it is and reported by id.
 */
export async function resealChannelSecrets(db: Db, options: { plaintextOnly?: boolean } = {}): Promise<{ resealed: number; total: number; unreadable: string[] }> {
  const rows = await db.selectFrom('channels').select(['id', 'secrets as value']).execute();
  return resealRows(rows, secretsContext, async (row, next) => {
    const written = await db.updateTable('channels').set({ secrets: next }).where('id', '=', row.id).where('secrets', '=', row.value).executeTakeFirst();
    return Number(written.numUpdatedRows);
  }, options);
}
