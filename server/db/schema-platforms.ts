/**
 * WeCom / DingTalk / Feishu apps (issue 18): connections with sealed secrets, the shared access-token cache, links
 * between platform ids and actionflow users / teams / customers, per-user delivery preferences, interactive cards and
 * their idempotent actions, contact-sync runs and the per-recipient send log of the rate limit.
 */

export interface PlatformConnectionsTable {
  id: string;
  /** wecom | dingtalk | feishu */
  platform: string;
  name: string;
  /** JSON: ids (corpId, agentId, appKey, appId), base URLs, sign-in, notification and sync settings. */
  settings: string;
  /** Sealed JSON (core/secrets.ts, context `platform:<id>`): app secret, callback token and AES key / encrypt key. */
  secrets: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

/** One cached access token per connection and kind (tenant | app), shared by every process; sealed. */
export interface PlatformTokensTable {
  connection_id: string;
  kind: string;
  token: string;
  expires_at: string;
  fetched_at: string;
}

/** A platform id bound to a local record: kind user → users.id, dept → teams.id, contact → customers.id. */
export interface PlatformLinksTable {
  id: string;
  connection_id: string;
  kind: string;
  external_id: string;
  local_id: string;
  /** sync | login | manual */
  source: string;
  /** JSON: the values contact sync last wrote, so a value an admin changed since is recognised and kept. */
  synced: string;
  created_at: string;
  updated_at: string;
}

/** A user's choice for personal platform messages: default (the connection's setting) | off | also | instead. */
export interface PlatformUserPrefsTable {
  user_id: string;
  mode: string;
  updated_at: string;
}

/** An interactive card sent to one person about one subject (approval step, work order). */
export interface PlatformCardsTable {
  id: string;
  connection_id: string;
  subject_type: string;
  subject_id: string;
  user_id: string;
  external_user_id: string;
  /** The platform's handle for updating the card (WeCom response_code, Feishu message_id), once sent. */
  ref: string | null;
  /** open | done */
  status: string;
  /** JSON of what was done through the card (action, result text). */
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

/** First press of a card's buttons wins: the unique id is the card, so a second press finds the stored result. */
export interface PlatformCardActionsTable {
  card_id: string;
  action: string;
  actor_id: string | null;
  /** JSON: { ok, message, messageEn }. */
  result: string;
  created_at: string;
}

export interface PlatformSyncRunsTable {
  id: string;
  connection_id: string;
  /** The nightly slot (YYYY-MM-DD) it ran for; null for runs on demand. Unique per connection. */
  slot: string | null;
  dry_run: number;
  overwrite: number;
  /** planned | applied | failed */
  status: string;
  /** JSON of the plan's counts and items. */
  plan: string;
  error: string | null;
  actor_id: string | null;
  created_at: string;
}

/** Send instants per (connection, recipient) within the last minute: the platforms limit messages per member. */
export interface PlatformSendsTable {
  id: string;
  scope: string;
  sent_at: string;
}

export interface PlatformTables {
  platform_connections: PlatformConnectionsTable;
  platform_tokens: PlatformTokensTable;
  platform_links: PlatformLinksTable;
  platform_user_prefs: PlatformUserPrefsTable;
  platform_cards: PlatformCardsTable;
  platform_card_actions: PlatformCardActionsTable;
  platform_sync_runs: PlatformSyncRunsTable;
  platform_sends: PlatformSendsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends PlatformTables {}
}
