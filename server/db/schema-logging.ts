/**
 * Field-ready logging (issue 16, migration 0024): customer aliases for the free-text parser, tracked material links
 * with their opens, and the monthly random verification call-backs (随机抽检).
 */

/** Another spelling of a customer ("浙一" → 浙江大学医学院附属第一医院), added by admins and sellers. */
export interface CustomerAliasesTable {
  id: string;
  customer_id: string;
  alias: string;
  /** The alias as matched: half-width, lower case, no spaces (quicklog/parse/text.ts `matchKey`). */
  alias_key: string;
  created_by: string | null;
  created_at: string;
}

/** A link a seller shares instead of a file; the token is stored hashed (sha256), the link is unguessable. */
export interface MaterialLinksTable {
  id: string;
  token_hash: string;
  customer_id: string;
  /** The activity the material was sent with (its timeline shows the opens), if any. */
  activity_id: string | null;
  attachment_id: string | null;
  url: string | null;
  title: string;
  owner_id: string;
  team_path: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

/** One opening of a material link: a fact; `duration_ms` is the page's own beacon (approximate, may stay null). */
export interface MaterialOpensTable {
  id: string;
  link_id: string;
  customer_id: string;
  opened_at: string;
  /** mobile | tablet | desktop | other, from the User-Agent. */
  device: string;
  duration_ms: number | null;
  /** sha256 of the per-open beacon token: only the page that was served may report its duration. */
  beacon_hash: string;
}

/** "Not opened within N hours" firings: one row per (link, rule, hours), inserted with the firing → fires once. */
export interface MaterialLinkFiringsTable {
  link_id: string;
  rule_id: string;
  fired_at: string;
}

/** Call-back settings per team (team_id '*' = the org default): share in basis points and who checks. */
export interface CallbackSettingsTable {
  team_id: string;
  share_bp: number;
  checker_id: string | null;
  updated_by: string | null;
  updated_at: string;
}

/** One month's draw of one team: the seed and the share used are recorded, so the draw can be repeated. */
export interface CallbackDrawsTable {
  id: string;
  team_id: string;
  /** YYYY-MM: the month whose visits are verified. */
  month: string;
  seed: string;
  share_bp: number;
  population: number;
  checker_id: string | null;
  task_id: string | null;
  created_at: string;
}

/** A customer drawn for a call-back, with the visits to verify. */
export interface CallbackItemsTable {
  id: string;
  draw_id: string;
  customer_id: string;
  seller_id: string;
  /** JSON array of activity ids (the logged visits of that month). */
  activity_ids: string;
}

/** Results are facts: the newest row per item is its result (confirmed | not_confirmed | unreachable). */
export interface CallbackResultsTable {
  id: string;
  item_id: string;
  result: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface LoggingTables {
  customer_aliases: CustomerAliasesTable;
  material_links: MaterialLinksTable;
  material_opens: MaterialOpensTable;
  material_link_firings: MaterialLinkFiringsTable;
  callback_settings: CallbackSettingsTable;
  callback_draws: CallbackDrawsTable;
  callback_items: CallbackItemsTable;
  callback_results: CallbackResultsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends LoggingTables {}
}
