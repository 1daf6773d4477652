/** Org-wide settings an admin changes at run time (one row, id 'org'; migration 0038). */

export interface OrgSettingsTable {
  id: string;
  /** How the web shows amounts to everyone: 'full' (¥2,656,000.00) or 'wan' (¥265.6万). */
  amount_display: string;
  /** JSON: role → { allowed: boolean, maxDays: number } — who may hold API tokens, and their longest lifetime. */
  token_roles: string;
  updated_by: string | null;
  updated_at: string;
}

export interface SettingsTables {
  org_settings: OrgSettingsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends SettingsTables {}
}
