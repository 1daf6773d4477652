/**
 * Pipeline use cases: install a template, copy, edit, YAML import/export/validate. Every write is one transaction
 * with its audit entry; every update bumps `version`. The CLI imports the YAML functions from here.
 */
import { commandIn } from '../../core/command.js';
import type { Db, Queryable } from '../../db/index.js';
import type { PipelinesTable } from '../../db/schema.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound, yamlInvalid, type FieldError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import { diffFields } from '../audit/repo.js';
import type { PipelineDefinition } from './definition.js';
import * as repo from './repo.js';
import { listTemplates, loadTemplate } from './templates.js';
import { definitionToYaml, validatePipelineYaml, type YamlError } from './yaml.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';

export { listTemplates, validatePipelineYaml };
import { presentPipeline } from './presenter.js';
export type { YamlError };

/** Every pipeline with its stages (readable by everyone); archived ones only when asked. */
export function listPipelines(db: Queryable, filter: { includeArchived: boolean }) {
  return repo.listPipelines(db, filter);
}

export async function getPipeline(db: Queryable, idOrKey: string) {
  const row = await repo.findPipeline(db, idOrKey);
  if (!row) throw notFound('Pipeline');
  return row;
}

function conflictKey(key: string) {
  return new AppError('CONFLICT', 'pipeline_key_taken', { params: { key }, fields: [{ field: 'key', code: 'taken' }] });
}

async function createPipeline(
  trx: Queryable,
  clock: Clock,
  actorId: string | null,
  def: PipelineDefinition,
  templateKey: string | null,
  source: 'template' | 'import' | 'copy',
): Promise<{ id: string; key: string }> {
  if (await repo.findPipelineByKey(trx, def.key)) throw conflictKey(def.key);
  const now = clock.now().toISOString();
  const id = newId();
  await repo.insertPipeline(trx, {
    id,
    key: def.key,
    name: def.name,
    name_en: def.nameEn ?? null,
    template_key: templateKey,
    definition: toJson(def),
    version: 1,
    archived: 0,
    created_at: now,
    updated_at: now,
  });
  await commandIn(trx, clock, { entity: 'pipeline', actorId: actorId }).recorded(id, 'create', { after: { source, templateKey, definition: def } });
  return { id, key: def.key };
}

/**
 * Replaces a pipeline's definition. Removing (or renaming the key of) a stage that still holds deals is refused,
 * naming the stage, because those deals would point at nothing.
 */
async function replaceDefinition(trx: Queryable, clock: Clock, actorId: string | null, row: PipelinesTable, def: PipelineDefinition) {
  if (def.key !== row.key) {
    const other = await repo.findPipelineByKey(trx, def.key);
    if (other && other.id !== row.id) throw conflictKey(def.key);
  }
  const before = repo.definitionOf(row);
  const kept = new Set(def.stages.map((s) => s.key));
  const removed = before.stages.filter((s) => !kept.has(s.key));
  const counts = await repo.countDealsInStages(trx, row.id, removed.map((s) => s.key));
  const blocked = removed.filter((s) => (counts.get(s.key) ?? 0) > 0);
  if (blocked.length > 0) {
    const fields: FieldError[] = blocked.map((s) => ({ field: 'stages', code: 'stage_holds_deals', params: { stage: `${s.key} (${s.name})`, count: counts.get(s.key) ?? 0 } }));
    throw new AppError('INVALID_STATE', 'stages_hold_deals', {
      params: { stages: blocked.map((s) => `"${s.key}" (${s.name})`).join(', ') },
      fields,
      extra: { stages: blocked.map((s) => s.key) },
    });
  }
  const diff = diffFields(before as unknown as Record<string, unknown>, def as unknown as Record<string, unknown>);
  if (!diff.changed) return { id: row.id, key: row.key, version: row.version };
  const version = row.version + 1;
  await repo.updatePipelineRow(trx, row.id, def, version, clock.now().toISOString());
  await commandIn(trx, clock, { entity: 'pipeline', actorId: actorId }).recorded(row.id, 'update', { before: diff.before, after: { ...diff.after, version } });
  return { id: row.id, key: def.key, version };
}

export async function updatePipeline(db: Db, clock: Clock, actor: AnyActor, idOrKey: string, def: PipelineDefinition) {
  authorize(actor, 'pipeline.manage');
  const actorId = auditActorId(actor);
  return db.transaction().execute(async (trx) => {
    const row = await getPipeline(trx, idOrKey);
    await replaceDefinition(trx, clock, actorId, row, def);
    return presentPipeline(await getPipeline(trx, row.id), { definition: true });
  });
}

/** Creates the pipeline, or updates the one with the same key. Invalid YAML → 422 YAML_INVALID with `errors`. */
export async function importPipelineYaml(
  db: Db,
  clock: Clock,
  actor: AnyActor,
  text: string,
): Promise<{ id: string; key: string; created: boolean }> {
  authorize(actor, 'pipeline.manage');
  const actorId = auditActorId(actor);
  const result = validatePipelineYaml(text);
  if (!result.ok) {
    throw yamlInvalid(result.errors);
  }
  const def = result.definition;
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findPipelineByKey(trx, def.key);
    if (existing) {
      await replaceDefinition(trx, clock, actorId, existing, def);
      return { id: existing.id, key: def.key, created: false };
    }
    const created = await createPipeline(trx, clock, actorId, def, null, 'import');
    return { ...created, created: true };
  });
}

export async function exportPipelineYaml(db: Queryable, idOrKey: string): Promise<string> {
  const row = await getPipeline(db, idOrKey);
  const header = `actionflow pipeline "${row.key}" (version ${row.version})\nImport with: actionflow pipeline import FILE  or  POST /api/pipelines/import`;
  return definitionToYaml(repo.definitionOf(row), header);
}

export async function installTemplate(
  db: Db,
  clock: Clock,
  actor: AnyActor,
  templateKey: string,
  options: { key?: string; name?: string } = {},
): Promise<{ id: string; key: string }> {
  authorize(actor, 'pipeline.manage');
  const actorId = auditActorId(actor);
  const template = loadTemplate(templateKey);
  if (!template) throw invalid('template', 'unknown_value', { values: listTemplates().map((t) => t.key).join(', ') });
  const def: PipelineDefinition = { ...template, key: options.key ?? template.key, name: options.name ?? template.name };
  return db.transaction().execute((trx) => createPipeline(trx, clock, actorId, def, templateKey, 'template'));
}

export async function copyPipeline(db: Db, clock: Clock, actor: AnyActor, idOrKey: string, input: { key: string; name: string; nameEn?: string }) {
  authorize(actor, 'pipeline.manage');
  const actorId = auditActorId(actor);
  return db.transaction().execute(async (trx) => {
    const source = await getPipeline(trx, idOrKey);
    const def: PipelineDefinition = { ...repo.definitionOf(source), key: input.key, name: input.name };
    if (input.nameEn !== undefined) def.nameEn = input.nameEn;
    return createPipeline(trx, clock, actorId, def, source.template_key, 'copy');
  });
}
