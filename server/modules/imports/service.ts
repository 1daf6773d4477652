/**
 * Use cases of imports: upload (store the file, detect format and encoding, preview, suggest a mapping), dry run,
 * commit, cancel, resume, undo, history, reports and mapping presets. Phases run in the background of the process
 * that started them (or inline with `wait`), holding a lease that another process takes over if this one dies.
 */
import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { AppError, invalid, notFound, type FieldError, type Lang } from '../../core/errors.js';
import { fieldCodeMessage } from '../../../shared/messages.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { authorize, can, isSystem, type AnyActor } from '../../core/policy.js';
import { fieldErrorsOf } from '../../core/validation.js';
import { commitTemp, discardTemp, writeTemp, type TempFile } from '../files/store.js';
import { cleanFilename } from '../files/types.js';
import { loadCustomFieldDefs } from '../customfields/repo.js';
import { runCommit, type CommitHooks } from './commit.js';
import { LEASE_MS, type ImportDeps } from './context.js';
import { SPECS, type ImportKind } from './fields.js';
import { applyPreset, headerSignature, isMappedField, presetOf, suggestMapping, type Mapping } from './mapping.js';
import { emptyCounts, type ImportCounts } from './plan.js';
import { presentImport, presentPreset, presentStagedRow } from './presenter.js';
import * as repo from './repo.js';
import { NOT_WRITTEN, writeErrorFile } from './report.js';
import type { DryRunBody } from './schema.js';
import { uploadFields } from './schema.js';
import { previewRows, sniff, type Encoding, type FileFormat } from './source.js';
import { runDryRun, type ProgressListener } from './stage.js';
import { undo } from './undo.js';

const PREVIEW_ROWS = 20;

/** One part of a multipart body (structural, as in files/service.ts). */
export type UploadPart =
  | { type: 'file'; fieldname: string; filename: string; file: Readable & { truncated?: boolean } }
  | { type: 'field'; fieldname: string; value: unknown; valueTruncated?: boolean };

function mayRead(actor: AnyActor, imp: repo.ImportRow): boolean {
  return isSystem(actor) || imp.actor_id === actor.id || can(actor, 'import.readAll');
}

async function getVisible(deps: ImportDeps, actor: AnyActor, id: string) {
  const imp = await repo.findImport(deps.db, id);
  if (!imp || !mayRead(actor, imp)) throw notFound('Import');
  return imp;
}

export async function getImport(deps: ImportDeps, actor: AnyActor, id: string) {
  return presentImport(await getVisible(deps, actor, id));
}

export async function listImports(deps: ImportDeps, actor: AnyActor, query: { page: number; pageSize: number }) {
  authorize(actor, 'import.run');
  const mine = can(actor, 'import.readAll') ? null : actor.id;
  const rows = await repo.listImports(deps.db, mine, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map(presentImport) };
}

/** Receives a multipart upload (optional `format`, `encoding` fields, then `file`) and registers the import. */
export async function uploadImport(deps: ImportDeps, actor: AnyActor, parts: AsyncIterable<UploadPart>) {
  authorize(actor, 'import.run');
  const raw: Record<string, string> = {};
  let temp: TempFile | null = null;
  let name = '';
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        raw[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file' || temp) {
        part.file.resume();
        throw invalid('file', 'file_missing');
      }
      name = part.filename;
      temp = await writeTemp(deps.config.filesDir, part.file);
      if (part.file.truncated || temp.size > deps.config.maxImportBytes) {
        throw new AppError('PAYLOAD_TOO_LARGE', undefined, { fields: [{ field: 'file', code: 'file_too_large', params: { max: deps.config.maxImportBytes } }] });
      }
    }
    const parsed = uploadFields.safeParse(raw);
    const problems: FieldError[] = parsed.success ? [] : fieldErrorsOf(parsed.error.issues, '', raw);
    if (!temp) problems.push({ field: 'file', code: 'required' });
    if (problems.length || !parsed.success || !temp) throw new AppError('VALIDATION_FAILED', undefined, { fields: problems });
    const stored = temp;
    temp = null;
    return await registerFile(deps, actor, stored, name, parsed.data);
  } finally {
    await discardTemp(temp);
  }
}

/** The CLI's way in: a file on disk. */
export async function importFromPath(deps: ImportDeps, actor: AnyActor, path: string, name: string, overrides: Overrides = {}) {
  authorize(actor, 'import.run');
  const temp = await writeTemp(deps.config.filesDir, createReadStream(path));
  return registerFile(deps, actor, temp, name, overrides);
}

type Overrides = { format?: FileFormat; encoding?: Encoding; kind?: ImportKind };

async function registerFile(deps: ImportDeps, actor: AnyActor, temp: TempFile, originalName: string, overrides: Overrides) {
  const kind = overrides.kind ?? 'customers';
  const spec = SPECS[kind];
  if (temp.size === 0) {
    await discardTemp(temp);
    throw invalid('file', 'file_empty');
  }
  const path = await commitTemp(deps.config.filesDir, temp);
  const detected = await sniff(path);
  const format = overrides.format ?? detected.format;
  const encoding = format === 'csv' ? (overrides.encoding ?? detected.encoding ?? 'utf8') : null;
  // A workbook read as CSV "parses" into zip bytes: refuse the override instead of staging nonsense.
  if (format === 'csv' && detected.format === 'xlsx') throw invalid('format', 'import_format_mismatch', { detected: 'xlsx' });
  let preview: Awaited<ReturnType<typeof previewRows>>;
  try {
    preview = await previewRows(path, format, encoding, PREVIEW_ROWS);
  } catch {
    throw invalid('file', 'import_file_type');
  }
  if (!preview.headers.some((h) => h !== '')) throw invalid('file', 'import_file_empty');
  // Headers that decode to U+FFFD mean the encoding is wrong (a GBK file read as UTF-8): say so before any mapping.
  if (encoding && preview.headers.some((h) => h.includes('\uFFFD'))) throw invalid(overrides.encoding ? 'encoding' : 'file', 'import_encoding_garbled', { encoding });
  const defs = (spec.customEntity ? await loadCustomFieldDefs(deps.db, spec.customEntity) : []);
  const preset = await repo.presetBySignature(deps.db, kind, headerSignature(preview.headers));
  const suggested: Mapping = preset ? applyPreset(preview.headers, parseJson(preset.mapping, {})) : suggestMapping(preview.headers, defs, spec);
  const now = deps.clock.now().toISOString();
  const id = newId();
  await repo.insertImport(deps.db, {
    id,
    kind,
    status: 'uploaded',
    file_name: cleanFilename(originalName || 'import'),
    file_sha256: temp.sha256,
    file_size: temp.size,
    format,
    encoding,
    headers: toJson(preview.headers),
    mapping: null,
    options: toJson({}),
    actor_id: isSystem(actor) ? null : actor.id,
    actor_name: actor.displayName,
    team_path: isSystem(actor) ? null : actor.teamPath,
    total_rows: 0,
    validated_rows: 0,
    applied_rows: 0,
    committed_through: 0,
    counts: toJson(emptyCounts()),
    result: null,
    cancel_requested: 0,
    lease_until: null,
    error: null,
    created_at: now,
    updated_at: now,
    validated_at: null,
    committed_at: null,
    undone_at: null,
  });
  return {
    import: presentImport((await repo.findImport(deps.db, id))!),
    preview: preview.rows.map((r) => ({ row: r.number, cells: r.cells })),
    suggested,
    preset: preset ? { id: preset.id, name: preset.name } : null,
    fields: [
      ...spec.fields.map((f) => ({ field: f, label: spec.labels[f]!.zh, labelEn: spec.labels[f]!.en, custom: false })),
      ...defs.map((d) => ({ field: `custom.${d.key}`, label: d.label, labelEn: d.labelEn ?? d.label, custom: true })),
    ],
  };
}

/** Columns every import of a kind must map: one of each group. */
const REQUIRED_COLUMNS: Record<ImportKind, string[][]> = {
  customers: [['name']],
  deals: [['title'], ['customer', 'customerCreditCode', 'customerPhone']],
  activities: [['customer', 'customerCreditCode', 'customerPhone'], ['occurredAt'], ['summary']],
  contracts: [['number'], ['customer', 'customerCreditCode', 'customerPhone'], ['deal'], ['signedAt'], ['amount']],
};

async function checkMapping(deps: ImportDeps, kind: ImportKind, headers: string[], mapping: Array<string | null>): Promise<Mapping> {
  const spec = SPECS[kind];
  const keys = new Set(((spec.customEntity ? await loadCustomFieldDefs(deps.db, spec.customEntity) : [])).map((d) => d.key));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  mapping.forEach((field, i) => {
    if (!field) return;
    if (!isMappedField(field, keys, spec)) errors.push({ field: `mapping.${i}`, code: 'mapping_unknown_field', params: { value: field } });
    else if (seen.has(field)) errors.push({ field: `mapping.${i}`, code: 'mapping_twice', params: { value: field } });
    seen.add(field);
  });
  if (mapping.length > headers.length) errors.push({ field: 'mapping', code: 'too_many', params: { max: headers.length } });
  for (const group of REQUIRED_COLUMNS[kind]) {
    if (group.some((f) => seen.has(f))) continue;
    errors.push(kind === 'customers' ? { field: 'mapping', code: 'mapping_name_required' } : { field: 'mapping', code: 'mapping_field_required', params: { value: spec.labels[group[0]!]!.zh } });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, { fields: errors });
  return mapping as Mapping;
}

/** Runs a phase now (`wait`) or in the background; a failure marks the import failed with its message. */
async function run<T>(deps: ImportDeps, id: string, wait: boolean, work: () => Promise<T>) {
  const guarded = work().catch(async (error: unknown) => {
    const now = deps.clock.now().toISOString();
    await repo.updateImport(deps.db, id, { status: 'failed', error: error instanceof Error ? error.message : String(error), lease_until: null, updated_at: now }).catch(() => undefined);
    // A failed dry run's in-file keys are of no further use (a new dry run starts over).
    await repo.deleteRowKeys(deps.db, id).catch(() => undefined);
    if (wait) throw error;
  });
  if (wait) await guarded;
}

const leaseUntil = (deps: ImportDeps) => new Date(deps.clock.now().getTime() + LEASE_MS).toISOString();

export async function startDryRun(deps: ImportDeps, actor: AnyActor, id: string, body: DryRunBody, onProgress?: ProgressListener) {
  authorize(actor, 'import.run');
  const imp = await getVisible(deps, actor, id);
  const headers = parseJson<string[]>(imp.headers, []);
  const mapping = await checkMapping(deps, imp.kind as ImportKind, headers, body.mapping);
  if (body.options.defaultOwnerId && !(await repo.allUsers(deps.db)).some((u) => u.id === body.options.defaultOwnerId && u.active === 1)) {
    throw invalid('options.defaultOwnerId', 'not_found_user');
  }
  const now = deps.clock.now().toISOString();
  const claimed = await repo.claimImport(deps.db, id, ['uploaded', 'validated', 'cancelled', 'failed'], now, leaseUntil(deps), {
    status: 'validating',
    mapping: toJson(mapping),
    options: toJson(body.options),
    cancel_requested: 0,
    error: null,
    validated_rows: 0,
    counts: toJson(emptyCounts()),
  });
  if (!claimed) throw new AppError('INVALID_STATE', 'import_wrong_status', { params: { status: imp.status } });
  if (body.presetName) await savePreset(deps, actor, { name: body.presetName, headers, mapping });
  await run(deps, id, body.wait, () => runDryRun(deps, id, onProgress));
  return presentImport((await repo.findImport(deps.db, id))!);
}

export async function startCommit(deps: ImportDeps, actor: AnyActor, id: string, options: { wait: boolean }, hooks: CommitHooks = {}) {
  authorize(actor, 'import.run');
  const imp = await getVisible(deps, actor, id);
  const now = deps.clock.now().toISOString();
  if (!(await repo.claimImport(deps.db, id, ['validated'], now, leaseUntil(deps), { status: 'committing', result: toJson(emptyCounts()) }))) {
    throw new AppError('INVALID_STATE', 'import_wrong_status', { params: { status: imp.status } });
  }
  await run(deps, id, options.wait, () => runCommit(deps, id, hooks));
  return presentImport((await repo.findImport(deps.db, id))!);
}

/**
 * Continues a phase whose process died (`actionflow import resume ID`, or the worker when the lease ran out): a
 * commit resumes after its checkpoint, a dry run starts over (it wrote only staging rows).
 */
export async function resumeImport(deps: ImportDeps, id: string, hooks: CommitHooks & { onDryRunProgress?: ProgressListener } = {}): Promise<ImportCounts | null> {
  const imp = await repo.findImport(deps.db, id);
  if (!imp) throw notFound('Import');
  const now = deps.clock.now().toISOString();
  if (!(await repo.claimImport(deps.db, id, ['committing', 'validating'], now, leaseUntil(deps)))) {
    if (imp.status === 'committing' || imp.status === 'validating') throw new AppError('CONFLICT', 'import_running');
    throw new AppError('INVALID_STATE', 'import_wrong_status', { params: { status: imp.status } });
  }
  if (imp.status === 'validating') return runDryRun(deps, id, hooks.onDryRunProgress);
  return runCommit(deps, id, hooks);
}

export async function cancelImport(deps: ImportDeps, actor: AnyActor, id: string) {
  const imp = await getVisible(deps, actor, id);
  const now = deps.clock.now().toISOString();
  if (imp.status === 'validating' || imp.status === 'committing') {
    // The running phase sees the flag between batches and stops there; what it committed stays (undo takes it back).
    await repo.updateImport(deps.db, id, { cancel_requested: 1, updated_at: now });
  } else if (imp.status === 'uploaded' || imp.status === 'validated') {
    await repo.updateImport(deps.db, id, { status: 'cancelled', cancel_requested: 1, updated_at: now });
  } else {
    throw new AppError('INVALID_STATE', 'import_wrong_status', { params: { status: imp.status } });
  }
  return presentImport((await repo.findImport(deps.db, id))!);
}

export async function undoImport(deps: ImportDeps, actor: AnyActor, id: string) {
  authorize(actor, 'import.run');
  const imp = await getVisible(deps, actor, id);
  const result = await undo(deps, actor, imp);
  return { import: presentImport((await repo.findImport(deps.db, id))!), undo: result };
}

export async function listRows(deps: ImportDeps, actor: AnyActor, id: string, query: { page: number; pageSize: number; verdict: string }, lang: Lang) {
  await getVisible(deps, actor, id);
  const verdicts = query.verdict === 'all' ? undefined : query.verdict === 'problems' ? [...NOT_WRITTEN, 'skip'] : [query.verdict];
  const rows = await repo.listStagedRows(deps.db, id, { verdicts, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const total = await repo.countStagedRows(deps.db, id, verdicts);
  return { items: rows.map((r) => presentStagedRow(r, (p) => fieldCodeMessage(p.code, lang, p.params))), total };
}

export async function errorFile(deps: ImportDeps, actor: AnyActor, id: string, format: 'xlsx' | 'csv', lang: Lang, out: Writable) {
  const imp = await getVisible(deps, actor, id);
  await writeErrorFile(deps.db, imp, format, lang, out);
  return imp;
}

export async function errorFileName(deps: ImportDeps, actor: AnyActor, id: string, format: 'xlsx' | 'csv') {
  const imp = await getVisible(deps, actor, id);
  return `${imp.file_name.replace(/\.(xlsx|csv)$/i, '')}-errors.${format}`;
}

export async function listPresets(deps: ImportDeps, actor: AnyActor, kind: ImportKind = 'customers') {
  authorize(actor, 'import.run');
  return { items: (await repo.presets(deps.db, kind)).map(presentPreset) };
}

export async function savePreset(deps: ImportDeps, actor: AnyActor, body: { name: string; kind?: ImportKind; headers: string[]; mapping: Array<string | null> }) {
  authorize(actor, 'import.run');
  const kind = body.kind ?? 'customers';
  const mapping = await checkMapping(deps, kind, body.headers, body.mapping);
  const now = deps.clock.now().toISOString();
  const existing = await repo.presetByName(deps.db, body.name);
  await repo.upsertPreset(deps.db, existing?.id ?? null, {
    id: newId(),
    name: body.name,
    kind,
    signature: headerSignature(body.headers),
    mapping: toJson(presetOf(body.headers, mapping)),
    created_by: isSystem(actor) ? null : actor.id,
    created_at: now,
    updated_at: now,
  });
  return presentPreset((await repo.presetByName(deps.db, body.name))!);
}

export async function deletePreset(deps: ImportDeps, actor: AnyActor, id: string) {
  authorize(actor, 'import.run');
  if (!(await repo.deletePreset(deps.db, id))) throw notFound('Import preset');
}
