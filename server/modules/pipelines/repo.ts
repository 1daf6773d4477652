import type { Queryable } from '../../db/index.js';
import type { PipelinesTable } from '../../db/schema.js';
import { parseJson, toJson } from '../../core/json.js';
import type { PipelineDefinition } from './definition.js';

/** Ids are UUIDs (with "-") and keys match [a-z][a-z0-9_]*, so one parameter can carry either. */
export function findPipeline(db: Queryable, idOrKey: string) {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)]))
    .executeTakeFirst();
}

export function findPipelineByKey(db: Queryable, key: string) {
  return db.selectFrom('pipelines').selectAll().where('key', '=', key).executeTakeFirst();
}

export function listPipelines(db: Queryable, options: { includeArchived?: boolean } = {}) {
  let query = db.selectFrom('pipelines').selectAll().orderBy('created_at').orderBy('key');
  if (!options.includeArchived) query = query.where('archived', '=', 0);
  return query.execute();
}

export function findPipelinesByIds(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('pipelines').selectAll().where('id', 'in', ids).execute();
}

export async function insertPipeline(db: Queryable, row: PipelinesTable) {
  await db.insertInto('pipelines').values(row).execute();
}

export async function updatePipelineRow(db: Queryable, id: string, def: PipelineDefinition, version: number, now: string) {
  await db
    .updateTable('pipelines')
    .set({ key: def.key, name: def.name, name_en: def.nameEn ?? null, definition: toJson(def), version, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Open and closed deals still sitting in each of the given stages: summed from the board counters (kept exact by
 * triggers on deals, migration 0045) — the same unscoped count per stage, without reading the pipeline's deals.
 */
export async function countDealsInStages(db: Queryable, pipelineId: string, stageKeys: string[]) {
  if (stageKeys.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('deal_stage_totals')
    .select(['stage_key', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('pipeline_id', '=', pipelineId)
    .where('stage_key', 'in', stageKeys)
    .groupBy('stage_key')
    .execute();
  return new Map(rows.filter((r) => Number(r.n) !== 0).map((r) => [r.stage_key, Number(r.n)]));
}

export function definitionOf(row: Pick<PipelinesTable, 'definition'>): PipelineDefinition {
  const def = parseJson<Partial<PipelineDefinition> | null>(row.definition, null);
  // Every write goes through the definition schema, but a row inserted by hand (a fixture, a bulk load) can hold `{}`:
  // readers iterate `stages` (the SLA reconcile walks every pipeline), so a missing list reads as no stages.
  if (!def || typeof def !== 'object') return { key: '', name: '', stages: [] };
  return Array.isArray(def.stages) ? (def as PipelineDefinition) : { key: '', name: '', ...def, stages: [] };
}
