import { timestamps } from '../../core/contract.js';
import { z } from 'zod';
import { parseJson } from '../../core/json.js';
import type { RuleRunsTable, RulesTable } from '../../db/schema.js';
import { ACTION_TYPES, type RuleAction } from './definition.js';
import * as repo from './repo.js';

/** What the API shows instead of a webhook secret; sending it back keeps the stored one. */
export const SECRET_MASK = '********';

export function mask(actions: RuleAction[]): RuleAction[] {
  return actions.map((a) => (a.type === 'webhook' ? { ...a, config: { ...a.config, secret: SECRET_MASK } } : a));
}

const TRIGGER_TYPES = ['record.created', 'record.updated', 'deal.stage_changed', 'sla.level_reached', 'task.overdue', 'schedule', 'customer.health_changed', 'material.opened', 'material.not_opened', 'risk.matched'] as const;

export const ruleTriggerSchema = z
  .looseObject({
    type: z.enum(TRIGGER_TYPES),
    entity: z.string().optional(),
    pipeline: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    level: z.union([z.number(), z.string()]).optional(),
    colour: z.enum(['yellow', 'red']).optional(),
    cron: z.string().optional(),
    kind: z.enum(['colour', 'trend']).optional(),
    cooldownDays: z.number().optional(),
    hours: z.number().optional(),
    source: z.string().optional(),
  })
  .meta({ id: 'RuleTrigger' });

export const ruleActionSchema = z
  .object({ type: z.enum(ACTION_TYPES as [string, ...string[]]), config: z.record(z.string(), z.unknown()) })
  .meta({ id: 'RuleAction' });

export const ruleSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    description: z.string().nullable(),
    enabled: z.boolean(),
    trigger: ruleTriggerSchema,
    conditions: z.unknown().describe('json-logic condition, null when the rule always runs'),
    actions: z.array(ruleActionSchema).describe('Webhook secrets are masked'),
    version: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Rule' });

export const ruleRunSchema = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    eventId: z.string().nullable(),
    triggerType: z.string(),
    scheduledFor: z.string().nullable(),
    status: z.enum(['running', 'succeeded', 'failed', 'skipped']),
    input: z.unknown(),
    outcome: z.unknown(),
    error: z.string().nullable(),
    startedAt: z.string(),
    durationMs: z.number().nullable(),
  })
  .meta({ id: 'RuleRun' });

export function presentRule(row: RulesTable): z.infer<typeof ruleSchema> {
  const def = repo.definitionOf(row);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    nameEn: row.name_en ?? row.name,
    description: def.description ?? null,
    enabled: row.enabled === 1,
    trigger: def.trigger,
    conditions: def.conditions ?? null,
    actions: mask(def.actions),
    version: row.version,
    createdBy: row.created_by,
    ...timestamps(row),
  };
}

export function presentRun(row: RuleRunsTable): z.infer<typeof ruleRunSchema> {
  return {
    id: row.id,
    ruleId: row.rule_id,
    eventId: row.event_id.startsWith('schedule:') ? null : row.event_id,
    triggerType: row.trigger_type,
    scheduledFor: row.scheduled_for,
    status: row.status as z.infer<typeof ruleRunSchema>['status'],
    input: parseJson(row.input, null),
    outcome: parseJson(row.outcome, null),
    error: row.error,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
  };
}
