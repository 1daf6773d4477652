import { z } from 'zod';
import { listQuery } from '../../core/http.js';
import { IMPORT_KINDS } from './fields.js';

export const IMPORT_MODES = ['create', 'update', 'upsert'] as const;
export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;

export const importOptions = z.object({
  mode: z.enum(IMPORT_MODES).default('upsert'),
  duplicates: z.enum(DUPLICATE_POLICIES).default('update'),
  perRowEvents: z.boolean().default(false),
  defaultOwnerId: z.string().min(1).max(64).nullable().default(null),
});

/** One entry per column of the file: a field (`name`, `phone`, `custom.<key>` …) or null to ignore the column. */
export const mappingInput = z.array(z.string().min(1).max(100).nullable()).max(500);

export const dryRunBody = z.object({
  mapping: mappingInput,
  options: importOptions.default({ mode: 'upsert', duplicates: 'update', perRowEvents: false, defaultOwnerId: null }),
  /** Save this mapping as a named preset (re-applied to files with the same headers). */
  presetName: z.string().trim().min(1).max(100).optional(),
  /** Answer when the phase has finished instead of at once (scripts, tests); the web app polls the import. */
  wait: z.boolean().default(false),
});
export type DryRunBody = z.infer<typeof dryRunBody>;

export const commitBody = z.object({ wait: z.boolean().default(false) });

/** Manual override of what was detected from the file's first bytes. */
export const UPLOAD_FORMATS = ['xlsx', 'csv'] as const;
export const UPLOAD_ENCODINGS = ['utf8', 'gb18030'] as const;
export const uploadFields = z.object({
  /** What the rows are: customers (default), deals or activities. */
  kind: z.enum(IMPORT_KINDS).optional(),
  format: z.enum(UPLOAD_FORMATS).optional(),
  encoding: z.enum(UPLOAD_ENCODINGS).optional(),
});

export const importListQuery = listQuery.pick({ page: true, pageSize: true });

export const ROW_FILTERS = ['all', 'problems', 'create', 'update', 'unchanged', 'skip', 'conflict', 'denied', 'error'] as const;
export const rowListQuery = listQuery.pick({ page: true, pageSize: true }).extend({ verdict: z.enum(ROW_FILTERS).default('all') });

export const errorFileQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const presetBody = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(IMPORT_KINDS).default('customers'),
  headers: z.array(z.string().max(200)).min(1).max(500),
  mapping: mappingInput,
});

export const presetListQuery = z.object({ kind: z.enum(IMPORT_KINDS).default('customers') });
