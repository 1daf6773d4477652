import { parseJson } from '../../core/json.js';
import type { PipelinesTable } from '../../db/schema.js';
import type { ChecklistState } from '../gates/evaluate.js';
import { stageLabel, type PipelineDefinition } from '../pipelines/definition.js';
import { definitionOf } from '../pipelines/repo.js';
import type { DealRow } from './repo.js';

export interface LoadedPipeline {
  row: PipelinesTable;
  def: PipelineDefinition;
}

export function loaded(row: PipelinesTable): LoadedPipeline {
  return { row, def: definitionOf(row) };
}

/** The API shape of a deal. `amountFen` is left out entirely for roles that may not see amounts (support). */
export function presentDeal(row: DealRow, pipeline: LoadedPipeline | undefined, options: { amounts: boolean }) {
  const stage = stageLabel(pipeline?.def ?? null, row.stage_key);
  const def = pipeline?.def.stages.find((s) => s.key === row.stage_key);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    customerId: row.customer_id,
    customer: { id: row.customer_id, name: row.customer_name },
    ownerId: row.owner_id,
    owner: { id: row.owner_id, name: row.owner_name },
    pipelineId: row.pipeline_id,
    pipeline: pipeline ? { id: pipeline.row.id, key: pipeline.row.key, name: pipeline.row.name, nameEn: pipeline.row.name_en ?? pipeline.row.name } : null,
    stageKey: row.stage_key,
    stage: { ...stage, probability: def?.probability ?? null, terminal: def?.terminal ?? null },
    ...(options.amounts ? { amountFen: Number(row.amount_fen) } : {}),
    expectedCloseDate: row.expected_close_date,
    checklist: parseJson<Record<string, ChecklistState>>(row.checklist, {}),
    custom: parseJson<Record<string, unknown>>(row.custom, {}),
    stageEnteredAt: row.stage_entered_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentHistory(
  rows: { id: string; stage_key: string; entered_at: string; left_at: string | null; direction: string; skip_reason: string | null; entered_by: string | null; entered_by_name: string | null }[],
  def: PipelineDefinition | null,
) {
  return rows.map((r) => {
    const stage = stageLabel(def, r.stage_key);
    return {
      id: r.id,
      stageKey: r.stage_key,
      stageName: stage.name,
      stageNameEn: stage.nameEn,
      enteredAt: r.entered_at,
      leftAt: r.left_at,
      direction: r.direction,
      skipReason: r.skip_reason,
      enteredBy: r.entered_by ? { id: r.entered_by, name: r.entered_by_name } : null,
    };
  });
}
