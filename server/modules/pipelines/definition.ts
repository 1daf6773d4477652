/**
 * The pipeline definition: one zod schema that is the runtime check of YAML imports and of the JSON editor,
 * the TypeScript type, and the OpenAPI schema. Pure: no HTTP, no SQL.
 */
import { z } from 'zod';
import { coded, formatMessage } from '../../core/validation.js';
import { CUSTOM_FIELD_PREFIX, GATE_DEAL_FIELDS } from '../gates/evaluate.js';
import { slaSpecSchema } from './sla-spec.js';

const KEY = /^[a-z][a-z0-9_]*$/;

export const identifier = z.string({ error: 'must be text' }).max(64, 'must be at most 64 characters').regex(KEY, formatMessage('key_format'));
const label = (max = 100) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`).optional();

const gateField = z.string({ error: 'must be text' }).refine(
  (v) => v in GATE_DEAL_FIELDS || (v.startsWith(CUSTOM_FIELD_PREFIX) && KEY.test(v.slice(CUSTOM_FIELD_PREFIX.length))),
  coded('gate_field_unknown', { fields: Object.keys(GATE_DEAL_FIELDS).join(', ') }),
);

export const evidenceRequirementSchema = z.strictObject({
  kind: identifier,
  label: label(),
  labelEn: optionalText(100),
  min: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(1),
});

export const checklistItemSchema = z.strictObject({
  key: identifier,
  label: label(),
  labelEn: optionalText(100),
  hint: optionalText(500),
  hintEn: optionalText(500),
});

export const approvalRequirementSchema = z.strictObject({
  kind: identifier,
  label: label(),
  labelEn: optionalText(100),
});

/** "Contract registered": a contract of the deal with the signed scan attached (kind `signed_contract` by default). */
export const contractRequirementSchema = z.strictObject({
  label: label().default('合同已登记'),
  labelEn: optionalText(100).default('Contract registered'),
  evidenceKind: identifier.default('signed_contract'),
});

export const gateSchema = z.strictObject({
  requiredFields: z.array(gateField).max(50).default([]),
  evidence: z.array(evidenceRequirementSchema).max(20).default([]),
  checklist: z.array(checklistItemSchema).max(30).default([]),
  /** Approvals the deal needs before it leaves the stage (e.g. an approved quote covering its current values). */
  approvals: z.array(approvalRequirementSchema).max(5).optional(),
  /** A registered contract with its signed scan before the deal leaves the stage (a signing stage). */
  contract: contractRequirementSchema.optional(),
});

/**
 * Keys of cadences (templates/cadences, /api/cadences) the cadence engine starts when a deal enters the stage.
 * `sla` (dwell limit / idle clock with an escalation ladder) is defined and read by the SLA module.
 */
const cadenceRef = z.string({ error: 'must be a cadence key' }).max(64).regex(/^[a-z][a-z0-9_-]*$/, formatMessage('cadence_key_format'));

export const stageSchema = z.strictObject({
  key: identifier,
  name: label(50),
  nameEn: optionalText(50),
  description: optionalText(1000),
  descriptionEn: optionalText(1000),
  probability: z.number({ error: 'must be a whole number 0-100' }).int('must be a whole number').min(0, 'must be 0-100').max(100, 'must be 0-100'),
  allowSkip: z.boolean({ error: 'must be true or false' }).default(false),
  terminal: z.enum(['won', 'lost'], { error: 'must be won or lost' }).optional(),
  gate: gateSchema.default({ requiredFields: [], evidence: [], checklist: [] }),
  sla: slaSpecSchema.optional(),
  cadences: z.array(cadenceRef).max(10).optional(),
});

export const pipelineDefinitionSchema = z
  .strictObject({
    key: identifier,
    name: label(),
    nameEn: optionalText(100),
    description: optionalText(2000),
    descriptionEn: optionalText(2000),
    stages: z.array(stageSchema).min(2, 'a pipeline needs at least 2 stages').max(30, 'a pipeline has at most 30 stages'),
  })
  .superRefine((def, ctx) => {
    const stageAt = new Map<string, number>();
    const itemAt = new Map<string, string>();
    let terminalSeen: string | null = null;
    def.stages.forEach((stage, i) => {
      const first = stageAt.get(stage.key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'key'], ...coded('stage_key_duplicate', { key: stage.key, first }) });
      } else stageAt.set(stage.key, i);
      if (stage.terminal) terminalSeen ??= stage.key;
      else if (terminalSeen) {
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'key'], ...coded('stage_after_terminal', { key: stage.key, terminal: terminalSeen }) });
      }
      const fields = new Set<string>();
      stage.gate.requiredFields.forEach((f, j) => {
        if (fields.has(f)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'gate', 'requiredFields', j], ...coded('listed_twice', { value: f }) });
        fields.add(f);
      });
      const kinds = new Set<string>();
      stage.gate.evidence.forEach((e, j) => {
        if (kinds.has(e.kind)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'gate', 'evidence', j, 'kind'], ...coded('evidence_kind_twice', { kind: e.kind }) });
        kinds.add(e.kind);
      });
      // Checklist state is stored per item key on the deal, so keys are unique across the whole pipeline.
      stage.gate.checklist.forEach((item, j) => {
        const owner = itemAt.get(item.key);
        if (owner) {
          ctx.addIssue({ code: 'custom', path: ['stages', i, 'gate', 'checklist', j, 'key'], ...coded('checklist_key_used', { key: item.key, stage: owner }) });
        } else itemAt.set(item.key, stage.key);
      });
    });
    if (def.stages.length > 0 && def.stages.every((s) => s.terminal)) {
      ctx.addIssue({ code: 'custom', path: ['stages', 0, 'terminal'], ...coded('pipeline_no_open_stage') });
    }
  });

export type PipelineDefinition = z.output<typeof pipelineDefinitionSchema>;
export type PipelineDefinitionInput = z.input<typeof pipelineDefinitionSchema>;
export type StageDefinition = PipelineDefinition['stages'][number];

export function findStage(def: PipelineDefinition, key: string): StageDefinition | undefined {
  return def.stages.find((s) => s.key === key);
}

export function stageLabel(def: PipelineDefinition | null, key: string): { key: string; name: string; nameEn: string } {
  const stage = def ? findStage(def, key) : undefined;
  return { key, name: stage?.name ?? key, nameEn: stage?.nameEn ?? stage?.name ?? key };
}
