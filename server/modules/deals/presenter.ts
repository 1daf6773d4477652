import { z } from 'zod';
import { cursorPageOf, unmetItemSchema, userRef, timestamps } from '../../core/contract.js';
import { parseJson } from '../../core/json.js';
import type { PipelinesTable } from '../../db/schema.js';
import type { ChecklistState } from '../gates/evaluate.js';
import { stageLabel, type PipelineDefinition } from '../pipelines/definition.js';
import { definitionOf } from '../pipelines/repo.js';
import { boardStageSchema } from '../pipelines/presenter.js';
import type { DealRow } from './repo.js';
import { DEAL_STATUSES } from './schema.js';

export const checklistStateSchema = z
  .object({ done: z.boolean(), note: z.string().nullable().optional(), by: z.string().nullable().optional(), at: z.string().optional() })
  .meta({ id: 'ChecklistState' });

export const dealSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(DEAL_STATUSES),
    customerId: z.string(),
    customer: z.object({ id: z.string(), name: z.string() }),
    ownerId: z.string(),
    owner: userRef,
    pipelineId: z.string(),
    pipeline: z.object({ id: z.string(), key: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
    stageKey: z.string(),
    stage: z.object({ key: z.string(), name: z.string(), nameEn: z.string(), probability: z.number().nullable(), terminal: z.enum(['won', 'lost']).nullable() }),
    amountFen: z.number().int().optional().describe('Left out for roles that may not see amounts (support)'),
    expectedCloseDate: z.string().nullable(),
    checklist: z.record(z.string(), checklistStateSchema),
    custom: z.record(z.string(), z.unknown()),
    stageEnteredAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lostReason: z.string().nullable().describe('key of the lost_reason dictionary while the deal is lost'),
    lostAt: z.string().nullable(),
  })
  .meta({ id: 'Deal' });

export const stageHistorySchema = z
  .object({
    id: z.string(),
    stageKey: z.string(),
    stageName: z.string(),
    stageNameEn: z.string(),
    enteredAt: z.string(),
    leftAt: z.string().nullable(),
    direction: z.string(),
    skipReason: z.string().nullable(),
    lostReason: z.string().nullable(),
    enteredBy: userRef.nullable(),
  })
  .meta({ id: 'StageHistory' });

export const dealDetailSchema = dealSchema
  .extend({
    evidence: z.record(z.string(), z.number().int()).describe('Attachments on the deal by evidence kind'),
    gate: z.object({ stageKey: z.string(), unmet: z.array(unmetItemSchema) }),
    history: z.array(stageHistorySchema),
  })
  .meta({ id: 'DealDetail' });

/** A lost move that waits for a manager's confirmation: the pending approval and the deal, still where it was. */
export const pendingMoveSchema = z
  .object({
    pendingApproval: z.object({ id: z.string(), kind: z.string().describe('lost_confirmation') }),
    deal: dealDetailSchema,
  })
  .meta({ id: 'PendingDealMove' });

export const boardSchema = z
  .object({
    pipeline: z.object({ id: z.string(), key: z.string(), name: z.string(), nameEn: z.string(), version: z.number().int(), stages: z.array(boardStageSchema) }),
    columns: z.array(
      z.object({ stageKey: z.string(), count: z.number().int(), amountFen: z.number().int().optional(), deals: z.array(dealSchema), nextCursor: z.string().nullable() }),
    ),
  })
  .meta({ id: 'Board' });

export const boardColumnSchema = z.object({ stageKey: z.string(), deals: z.array(dealSchema), nextCursor: z.string().nullable() }).meta({ id: 'BoardColumnPage' });

export const dealPageSchema = cursorPageOf(dealSchema);

export interface LoadedPipeline {
  row: PipelinesTable;
  def: PipelineDefinition;
}

export function loaded(row: PipelinesTable): LoadedPipeline {
  return { row, def: definitionOf(row) };
}

/** The API shape of a deal. `amountFen` is left out entirely for roles that may not see amounts (support). */
export function presentDeal(row: DealRow, pipeline: LoadedPipeline | undefined, options: { amounts: boolean }): z.infer<typeof dealSchema> {
  const stage = stageLabel(pipeline?.def ?? null, row.stage_key);
  const def = pipeline?.def.stages.find((s) => s.key === row.stage_key);
  return {
    id: row.id,
    title: row.title,
    status: row.status as z.infer<typeof dealSchema>['status'],
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
    ...timestamps(row),
    lostReason: row.lost_reason ?? null,
    lostAt: row.lost_at ?? null,
  };
}

export function presentHistory(
  rows: { id: string; stage_key: string; entered_at: string; left_at: string | null; direction: string; skip_reason: string | null; lost_reason?: string | null; entered_by: string | null; entered_by_name: string | null }[],
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
      lostReason: r.lost_reason ?? null,
      enteredBy: r.entered_by ? { id: r.entered_by, name: r.entered_by_name ?? '' } : null,
    };
  });
}
