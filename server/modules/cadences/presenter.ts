import { z } from 'zod';
import { parseJson } from '../../core/json.js';
import type { CadencesTable } from '../../db/schema.js';
import { cadenceDefinitionSchema, deliverableSchema, stepSchema } from './definition.js';
import * as repo from './repo.js';

/**
 * Cadence answers. Definitions and steps are answered in the shape of the YAML definition (templates/cadences):
 * the same cadenceDefinitionSchema checks them in and describes them out.
 */
const cadenceRef = z.object({ key: z.string(), name: z.string(), nameEn: z.string() });

const stepGuidance = {
  offset: z.string().describe('T+<days> or T-<days>'),
  unit: stepSchema.shape.unit.unwrap(),
  at: z.string().nullable(),
  action: z.string(),
  title: z.string(),
  titleEn: z.string(),
  instructions: z.string().nullable(),
  instructionsEn: z.string().nullable(),
  template: z.string().nullable(),
  templateEn: z.string().nullable(),
  deliverable: deliverableSchema,
};

export const cadenceSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    version: z.number().int(),
    definition: cadenceDefinitionSchema,
    steps: z.array(stepSchema),
    updatedAt: z.string(),
  })
  .meta({ id: 'Cadence' });

export const savedCadenceSchema = cadenceSchema.extend({ created: z.boolean() });

export const cadenceRunSchema = z
  .object({
    id: z.string(),
    cadence: cadenceRef,
    stageKey: z.string().nullable(),
    anchorAt: z.string(),
    status: z.string(),
    stopReason: z.string().nullable(),
    startedBy: z.string().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    steps: z.array(
      z.object({
        key: z.string(),
        index: z.number().int(),
        taskId: z.string().nullable(),
        dueAt: z.string(),
        status: z.string(),
        completedAt: z.string().nullable(),
        deliverableGiven: z.unknown(),
        ...stepGuidance,
      }),
    ),
  })
  .meta({ id: 'CadenceRun' });

export const openStepSchema = z
  .object({
    taskId: z.string(),
    stepKey: z.string(),
    dueAt: z.string(),
    cadence: cadenceRef,
    deal: z.object({ id: z.string(), title: z.string() }),
    assigneeId: z.string(),
    ...stepGuidance,
  })
  .meta({ id: 'CadenceOpenStep' });

const rate = { due: z.number().int(), onTime: z.number().int(), rate: z.number().nullable() };
export const cadenceStatsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    overall: z.object(rate),
    bySeller: z.array(z.object({ userId: z.string(), name: z.string(), ...rate })),
    byCadence: z.array(z.object({ cadence: z.string(), name: z.string(), nameEn: z.string(), ...rate })),
  })
  .meta({ id: 'CadenceStats' });

export const optOutSchema = z.object({
  customerId: z.string(),
  optOut: z.boolean(),
  at: z.string().optional(),
  stoppedRuns: z.number().int().optional(),
  cancelledTasks: z.number().int().optional(),
});

export function presentCadence(row: CadencesTable) {
  const def = repo.definitionOf(row);
  return { id: row.id, key: row.key, name: row.name, nameEn: row.name_en ?? row.name, version: row.version, definition: def, steps: def.steps, updatedAt: row.updated_at };
}

export function presentStep(s: Awaited<ReturnType<typeof repo.stepsOfRuns>>[number]) {
  return { key: s.step_key, index: s.step_index, taskId: s.task_id, dueAt: s.due_at, status: s.status, completedAt: s.completed_at, deliverableGiven: parseJson(s.deliverable, null), ...guidance(repo.specOf(s)) };
}

export function guidance(spec: ReturnType<typeof repo.specOf>) {
  const { key: _k, offset, unit, at, action, title, titleEn, instructions, instructionsEn, template, templateEn, deliverable } = spec;
  return { offset, unit, at: at ?? null, action, title, titleEn: titleEn ?? title, instructions: instructions ?? null, instructionsEn: instructionsEn ?? instructions ?? null, template: template ?? null, templateEn: templateEn ?? template ?? null, deliverable };
}
