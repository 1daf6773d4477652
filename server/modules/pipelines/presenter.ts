import { timestamps } from '../../core/contract.js';
import { z } from 'zod';
import type { PipelinesTable } from '../../db/schema.js';
import { gateSchema, pipelineDefinitionSchema, type PipelineDefinition } from './definition.js';
import * as repo from './repo.js';

export const stageSummarySchema = z
  .object({
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    probability: z.number(),
    allowSkip: z.boolean(),
    terminal: z.enum(['won', 'lost']).nullable(),
  })
  .meta({ id: 'StageSummary' });

/** A stage with its exit gate, as the kanban board shows it. */
export const boardStageSchema = stageSummarySchema.extend({ gate: gateSchema }).meta({ id: 'BoardStage' });

export const pipelineDefinitionOut = pipelineDefinitionSchema.meta({ id: 'PipelineDefinition' });

export const pipelineSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    description: z.string().nullable(),
    templateKey: z.string().nullable(),
    version: z.number().int(),
    archived: z.boolean(),
    stages: z.array(stageSummarySchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    definition: pipelineDefinitionOut.optional().describe('Present on single-pipeline answers'),
  })
  .meta({ id: 'Pipeline' });

export const pipelineTemplateSchema = z
  .object({ key: z.string(), name: z.string(), nameEn: z.string(), description: z.string().optional(), descriptionEn: z.string().optional(), stages: z.number().int() })
  .meta({ id: 'PipelineTemplate' });

export const yamlErrorSchema = z
  .object({
    line: z.number().int(),
    column: z.number().int(),
    path: z.string(),
    code: z.string().describe('Stable code (shared/messages.ts): yaml_syntax, yaml_unknown_key, yaml_required, too_long, …'),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    message: z.string().describe("In the caller's language (Accept-Language)"),
  })
  .meta({ id: 'YamlError' });

/** `POST …/validate` of any YAML document: ok with the parsed definition, or the line-precise errors. */
export function yamlValidation<T extends z.ZodType>(definition: T) {
  return z.object({ ok: z.boolean(), errors: z.array(yamlErrorSchema), definition: definition.optional() });
}

export const importResultSchema = z.object({ id: z.string(), key: z.string(), created: z.boolean() }).meta({ id: 'ImportResult' });

/** A stage as lists and boards show it; the full definition (gates, SLA, cadences) is served with the pipeline. */
export function presentStage(s: PipelineDefinition['stages'][number]) {
  return {
    key: s.key,
    name: s.name,
    nameEn: s.nameEn ?? s.name,
    probability: s.probability,
    allowSkip: s.allowSkip,
    terminal: s.terminal ?? null,
  };
}

export function presentPipeline(row: PipelinesTable, options: { definition?: boolean } = {}) {
  const def = repo.definitionOf(row);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    nameEn: row.name_en ?? row.name,
    description: def.description ?? null,
    templateKey: row.template_key,
    version: row.version,
    archived: row.archived === 1,
    stages: def.stages.map(presentStage),
    ...timestamps(row),
    ...(options.definition ? { definition: def } : {}),
  };
}
