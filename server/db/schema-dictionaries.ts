/** Admin-managed dictionaries (region, industry, source, customer level, lost reason) and org-wide deal settings. */

export interface DictionaryEntriesTable {
  id: string;
  /** lost_reason | region | industry | source | customer_level */
  kind: string;
  /** The value stored on records (customers.region, deals.lost_reason, ...); stable once used. */
  key: string;
  label: string;
  label_en: string | null;
  /** Region hierarchy: a city names its province's key. */
  parent_key: string | null;
  /** JSON array of other spellings that mean this entry ("浙江杭州" → "浙江省杭州市"), for import and search. */
  aliases: string;
  sort: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** Org-wide deal settings (one row, id 'org'). */
export interface DealSettingsTable {
  id: string;
  /** Marking a deal lost above this amount needs a manager (null: never). */
  lost_confirm_above_fen: number | null;
  updated_by: string | null;
  updated_at: string;
}

export interface DictionaryTables {
  dictionary_entries: DictionaryEntriesTable;
  deal_settings: DealSettingsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends DictionaryTables {}
}
