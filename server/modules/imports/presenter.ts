import { z } from 'zod';
import { userRefOrNull, timestamps } from '../../core/contract.js';
import { parseJson } from '../../core/json.js';
import { DEFAULT_OPTIONS, emptyCounts, VERDICTS, type ImportCounts, type ImportOptions } from './plan.js';
import type { ImportPresetsTable } from '../../db/schema-imports.js';
import { IMPORT_KINDS, type ImportKind } from './fields.js';
import type * as repo from './repo.js';
import type { RowProblem } from './validate.js';

export const IMPORT_STATUSES = ['uploaded', 'validating', 'validated', 'committing', 'committed', 'cancelled', 'failed', 'undone'] as const;

export const countsSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
    skipped: z.number().int(),
    conflicts: z.number().int(),
    denied: z.number().int(),
  })
  .meta({ id: 'ImportCounts' });

export const undoSchema = z.object({
  deleted: z.number().int(),
  restored: z.number().int(),
  conflicts: z.number().int(),
  conflictRows: z.array(z.object({ row: z.number().int(), customerId: z.string(), name: z.string(), reason: z.enum(['changed_since', 'has_work', 'gone']) })),
});

export const importSchema = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    status: z.enum(IMPORT_STATUSES),
    fileName: z.string(),
    fileSize: z.number().int(),
    format: z.enum(['xlsx', 'csv']),
    encoding: z.enum(['utf8', 'gb18030']).nullable(),
    headers: z.array(z.string()),
    mapping: z.array(z.string().nullable()).nullable(),
    options: z.object({ mode: z.string(), duplicates: z.string(), perRowEvents: z.boolean(), defaultOwnerId: z.string().nullable() }),
    by: userRefOrNull,
    byName: z.string(),
    totalRows: z.number().int(),
    validatedRows: z.number().int(),
    appliedRows: z.number().int(),
    counts: countsSchema,
    result: countsSchema.nullable(),
    undo: undoSchema.nullable(),
    cancelRequested: z.boolean(),
    error: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    validatedAt: z.string().nullable(),
    committedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
  })
  .meta({ id: 'Import' });

export const fieldOptionSchema = z.object({ field: z.string(), label: z.string(), labelEn: z.string(), custom: z.boolean() });

export const uploadSchema = z
  .object({
    import: importSchema,
    preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
    suggested: z.array(z.string().nullable()),
    preset: z.object({ id: z.string(), name: z.string() }).nullable(),
    fields: z.array(fieldOptionSchema),
  })
  .meta({ id: 'ImportUpload' });

export const rowProblemSchema = z.object({ column: z.string().nullable(), field: z.string(), code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const stagedRowSchema = z
  .object({
    row: z.number().int(),
    verdict: z.enum(VERDICTS),
    outcome: z.string().nullable(),
    targetId: z.string().nullable(),
    name: z.string().nullable(),
    problems: z.array(rowProblemSchema),
    cells: z.array(z.string()).nullable(),
  })
  .meta({ id: 'ImportRow' });

export const presetSchema = z
  .object({ id: z.string(), name: z.string(), signature: z.string(), mapping: z.record(z.string(), z.string()), createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'ImportPreset' });

export function presentImport(row: repo.ImportRow) {
  const result = parseJson<(ImportCounts & { undo?: z.infer<typeof undoSchema> }) | null>(row.result, null);
  const options = { ...DEFAULT_OPTIONS, ...parseJson<Partial<ImportOptions>>(row.options, {}) };
  const { undo, ...resultCounts } = result ?? { undo: undefined };
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    status: row.status as (typeof IMPORT_STATUSES)[number],
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    format: row.format as 'xlsx' | 'csv',
    encoding: row.encoding as 'utf8' | 'gb18030' | null,
    headers: parseJson<string[]>(row.headers, []),
    mapping: parseJson<Array<string | null> | null>(row.mapping, null),
    options,
    by: row.actor_id ? { id: row.actor_id, name: row.actor_name } : null,
    byName: row.actor_name,
    totalRows: row.total_rows,
    validatedRows: row.validated_rows,
    appliedRows: row.applied_rows,
    counts: { ...emptyCounts(), ...parseJson<Partial<ImportCounts>>(row.counts, {}) },
    result: result ? { ...emptyCounts(), ...(resultCounts as Partial<ImportCounts>) } : null,
    undo: undo ?? null,
    cancelRequested: row.cancel_requested === 1,
    error: row.error,
    ...timestamps(row),
    validatedAt: row.validated_at,
    committedAt: row.committed_at,
    undoneAt: row.undone_at,
  };
}

export function presentStagedRow(row: repo.StagedRow, message: (p: RowProblem) => string) {
  const data = parseJson<{ name?: string }>(row.data, {});
  return {
    row: row.row_number,
    verdict: row.verdict as (typeof VERDICTS)[number],
    outcome: row.outcome,
    targetId: row.target_id,
    name: data.name ?? null,
    problems: parseJson<RowProblem[]>(row.errors, []).map((p) => ({ ...p, message: message(p) })),
    cells: parseJson<string[] | null>(row.raw, null),
  };
}

export function presentPreset(row: ImportPresetsTable) {
  return { id: row.id, name: row.name, signature: row.signature, mapping: parseJson<Record<string, string>>(row.mapping, {}), ...timestamps(row) };
}
