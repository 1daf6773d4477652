/** Row types of staged imports (migration 0017, modules/imports). Conventions as in schema.ts. */

export interface ImportsTable {
  id: string;
  kind: string; // customers
  /** uploaded → validating → validated → committing → committed | cancelled | failed; committed → undone */
  status: string;
  file_name: string;
  file_sha256: string; // content address in the files store
  file_size: number;
  format: string; // xlsx | csv
  encoding: string | null; // csv: utf8 | gb18030
  headers: string; // JSON array of the header cells
  mapping: string | null; // JSON { column index → field }
  options: string; // JSON ImportOptions
  actor_id: string | null; // null: the CLI as the organisation
  actor_name: string;
  team_path: string | null;
  total_rows: number;
  validated_rows: number;
  applied_rows: number;
  /** Commit checkpoint: every row up to this row number is applied (or needs nothing). */
  committed_through: number;
  counts: string; // JSON ImportCounts of the dry run
  result: string | null; // JSON ImportCounts of the commit
  cancel_requested: number;
  /** A running phase holds the import until this instant; after it, another process may resume it. */
  lease_until: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  validated_at: string | null;
  committed_at: string | null;
  undone_at: string | null;
}

export interface ImportRowsTable {
  import_id: string;
  row_number: number; // the row number in the sheet / file (header = 1)
  /** create | update | unchanged | skip | conflict | denied | error */
  verdict: string;
  target_id: string | null; // the matched existing customer, or the one the commit created
  data: string | null; // JSON normalised record
  raw: string | null; // JSON original cells (rows that are not written: for the error file)
  errors: string | null; // JSON RowProblem[]
  hash: string | null; // content hash of the normalised record
  applied: number;
  outcome: string | null; // what the commit did: created | updated | unchanged | conflict | skipped | denied
  applied_at: string | null;
  changes: string | null; // JSON { before, after } of the fields the commit changed (undo)
}

/** Natural keys of the rows a dry run has accepted so far, each with the first row that had it (migration 0037). */
export interface ImportRowKeysTable {
  import_id: string;
  key: string;
  row_number: number;
}

export interface ImportPresetsTable {
  id: string;
  name: string;
  kind: string;
  signature: string;
  mapping: string; // JSON { header text → field }
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportTables {
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  import_row_keys: ImportRowKeysTable;
  import_presets: ImportPresetsTable;
}

// Joins these tables into `Database` (schema.ts) from here, so a new schema file edits no shared list.
declare module './schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends ImportTables {}
}
