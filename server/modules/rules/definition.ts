/**
 * The rule definition: one zod schema that checks the JSON API body and YAML imports and gives the OpenAPI shape.
 * Cross-field checks (json-logic operators, template placeholders, cron, fields settable on the trigger's entity)
 * run in `superRefine`, so every problem comes back with its path (`actions.1.config.title`). Pure.
 */
import { z } from 'zod';
import { coded, fieldErrorOf, formatMessage } from '../../core/validation.js';
import { ROLES } from '../../db/schema.js';
import { RULE_KINDS, ruleSpecOf, type RuleKind } from '../../core/entities.js';
import { identifier } from '../pipelines/definition.js';
import { checkConditions } from './conditions.js';
import { checkCron } from './schedule.js';
import { checkTemplate } from './template.js';

/** Record kinds rules trigger on, read and write: the registry's decision (core/entities.ts). */
export const RULE_ENTITIES = RULE_KINDS;
export type RuleEntity = RuleKind;

const entity = z.enum(RULE_ENTITIES, { error: `must be one of ${RULE_ENTITIES.join(', ')}` });
const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`).optional();

const HEALTH_COLOURS = ['green', 'yellow', 'red'] as const;

export const triggerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('record.created'), entity }),
    z.strictObject({ type: z.literal('record.updated'), entity }),
    z.strictObject({
      type: z.literal('deal.stage_changed'),
      /** Pipeline key or id; absent = any pipeline. */
      pipeline: optionalText(64),
      from: optionalText(64),
      to: optionalText(64),
    }),
    z.strictObject({
      type: z.literal('sla.level_reached'),
      entity: z.enum(['deal', 'task'], { error: 'must be deal or task' }).optional(),
      level: z.union([z.number().int().min(0), z.string().max(64)], { error: 'must be a level number or name' }).optional(),
      colour: z.enum(['yellow', 'red'], { error: 'must be yellow or red' }).optional(),
    }),
    z.strictObject({ type: z.literal('task.overdue') }),
    z.strictObject({ type: z.literal('schedule'), cron: text(100) }),
    /** A confirmed health colour change (kind colour) or a 下滑预警 (kind trend) of a customer (modules/health). */
    z.strictObject({
      type: z.literal('customer.health_changed'),
      kind: z.enum(['colour', 'trend'], { error: 'must be colour or trend' }).default('colour'),
      from: z.enum(HEALTH_COLOURS, { error: 'must be green, yellow or red' }).optional(),
      to: z.enum(HEALTH_COLOURS, { error: 'must be green, yellow or red' }).optional(),
      /** The rule does not run again for the same customer within this many days of a successful run. */
      cooldownDays: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).max(3660).optional(),
    }),
    /** A tracked material link was opened (the record is its customer): call while the customer reads. */
    z.strictObject({ type: z.literal('material.opened') }),
    /** A tracked link's first `hours` passed without an open (once per link; the materials job settles it). */
    z.strictObject({ type: z.literal('material.not_opened'), hours: z.number({ error: 'must be a whole number of hours' }).int('must be a whole number of hours').min(1).max(24 * 90) }),
    /** A live risk flag was raised on a deal (modules/patterns); `source`: a pattern id or `rule:<key>`, absent = any. */
    z.strictObject({ type: z.literal('risk.matched'), source: optionalText(80) }),
  ],
  { error: 'must be one of record.created, record.updated, deal.stage_changed, sla.level_reached, task.overdue, schedule, customer.health_changed, material.opened, material.not_opened, risk.matched' },
);
export type Trigger = z.output<typeof triggerSchema>;

/** The entity whose row is the rule's `record`, or null for schedules (and SLA triggers without an entity). */
export function triggerEntity(trigger: Trigger): RuleEntity | null {
  switch (trigger.type) {
    case 'record.created':
    case 'record.updated':
      return trigger.entity;
    case 'deal.stage_changed':
    case 'risk.matched':
      return 'deal';
    case 'task.overdue':
      return 'task';
    case 'customer.health_changed':
      return 'customer';
    case 'sla.level_reached':
      return trigger.entity ?? null;
    case 'schedule':
      return null;
    case 'material.opened':
    case 'material.not_opened':
      return 'customer';
  }
}

const RECIPIENT = new RegExp(`^(owner|owner\\.lead|owner\\.regional_manager|owner\\.director|actor|role:(${ROLES.join('|')})|user:[A-Za-z0-9_.@-]{1,64})$`);
export const recipientSpec = z.string({ error: 'must be text' }).regex(RECIPIENT, formatMessage('recipient_format'));

const due = z
  .strictObject({
    hours: z.number({ error: 'must be a number' }).min(0).max(24 * 365).optional(),
    workingDays: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0).max(365).optional(),
  })
  .refine((d) => (d.hours === undefined) !== (d.workingDays === undefined), coded('hours_or_working_days'));

const CHANNELS = ['inapp', 'wecom', 'dingtalk', 'feishu', 'email', 'sms'] as const;

/** Config schema per action type; the executors live in `actions.ts`. */
export const ACTION_CONFIGS = {
  notify: z.strictObject({
    recipients: z.array(recipientSpec).min(1, 'name at least one recipient').max(20),
    title: text(200),
    titleEn: optionalText(200),
    body: optionalText(2000),
    bodyEn: optionalText(2000),
    /** App path; defaults to the record's page. */
    link: optionalText(300),
    channels: z.array(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` })).max(6).optional(),
  }),
  create_task: z.strictObject({
    title: text(200),
    assignee: recipientSpec.default('owner'),
    due: due.optional(),
  }),
  create_followup: z.strictObject({
    title: text(200),
    assignee: recipientSpec.refine((v) => v !== 'owner', coded('followup_not_owner')),
    due: due.optional(),
  }),
  set_field: z.strictObject({
    field: z.string({ error: 'must be text' }).min(1),
    value: z.union([z.string().max(2000), z.number(), z.null()], { error: 'must be text, a number or null' }),
  }),
  webhook: z.strictObject({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(500),
    secret: z.string({ error: 'must be text' }).min(8, 'must be at least 8 characters').max(200),
    /** `X-Actionflow-Event`; defaults to the trigger's event type. */
    event: optionalText(100),
  }),
  /** Starts a cadence (templates/cadences, /api/cadences) on the record's deal. */
  start_cadence: z.strictObject({
    cadence: z.string({ error: 'must be a cadence key' }).max(64).regex(/^[a-z][a-z0-9_-]*$/, formatMessage('cadence_key_format')),
  }),
  /** Opens a new deal for the record's customer, owned by another user (e.g. the renewal team after a win). */
  create_followup_deal: z.strictObject({
    pipeline: identifier,
    /** Defaults to the pipeline's first stage; checked against the pipeline on save. */
    stage: identifier.optional(),
    owner: recipientSpec,
    title: text(200),
    /** `copy` takes the amount of the record's deal (0 when the record has none). */
    amountFen: z
      .union([z.literal('copy'), z.number().int('must be whole fen').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER)], { error: 'must be "copy" or a whole number of fen' })
      .optional(),
  }),
  /** Opens a work order (协作工单) of a type on the record's deal, else its customer; the record's owner requests it. */
  create_work_order: z.strictObject({
    // A work-order type key, whose format allows dashes (the shipped `customer-success`), unlike rule keys.
    type: z.string({ error: 'must be text' }).regex(/^[a-z][a-z0-9_-]{0,63}$/, formatMessage('key_dash_format')),
    title: text(200),
    description: optionalText(2000),
  }),
  /** Submits an approval of a kind (e.g. quote) for the record's deal at its amount, requested by the deal owner. */
  require_approval: z.strictObject({
    kind: identifier,
  }),
  /** Opens a 挽留计划 on the record's customer: its owner must file it with every evidence item within N working days. */
  require_retention_plan: z.strictObject({
    workingDays: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).max(60).default(3),
    evidence: z
      .array(z.strictObject({ key: identifier, name: text(100), nameEn: optionalText(100) }))
      .min(1, 'name at least one evidence item')
      .max(10)
      .refine((items) => new Set(items.map((i) => i.key)).size === items.length, coded('evidence_keys_differ')),
  }),
} as const;
export type ActionType = keyof typeof ACTION_CONFIGS;
export const ACTION_TYPES = Object.keys(ACTION_CONFIGS) as ActionType[];

const actionOf = <K extends ActionType>(type: K) => z.strictObject({ type: z.literal(type), config: ACTION_CONFIGS[type] });
export const actionSchema = z.discriminatedUnion(
  'type',
  [actionOf('notify'), actionOf('create_task'), actionOf('create_followup'), actionOf('set_field'), actionOf('webhook'), actionOf('start_cadence'), actionOf('create_followup_deal'), actionOf('create_work_order'), actionOf('require_approval'), actionOf('require_retention_plan')],
  { error: `must be one of ${ACTION_TYPES.join(', ')}` },
);
export type RuleAction = { [K in ActionType]: { type: K; config: z.output<(typeof ACTION_CONFIGS)[K]> } }[ActionType];

/** Fields a `set_field` action may write, per entity, with the check its value must pass after interpolation. */
export const SETTABLE_FIELDS = Object.fromEntries(RULE_KINDS.map((k) => [k, ruleSpecOf(k).settable])) as unknown as Record<
  RuleEntity,
  Readonly<Record<string, { column: string; schema: z.ZodType }>>
>;

const TEMPLATED: Partial<Record<ActionType, string[]>> = {
  notify: ['title', 'titleEn', 'body', 'bodyEn', 'link'],
  create_task: ['title'],
  create_followup: ['title'],
  create_followup_deal: ['title'],
  create_work_order: ['title', 'description'],
};

/** The document a rule is: the API body and the YAML file. */
export function ruleDefinitionSchema(timeZone: string) {
  return z
    .strictObject({
      key: identifier,
      name: text(100),
      nameEn: optionalText(100),
      description: optionalText(1000),
      enabled: z.boolean({ error: 'must be true or false' }).default(true),
      trigger: triggerSchema,
      conditions: z.unknown().optional(),
      actions: z.array(actionSchema).min(1, 'add at least one action').max(20, 'at most 20 actions'),
    })
    .superRefine((rule, ctx) => {
      for (const issue of checkConditions(rule.conditions ?? null)) ctx.addIssue({ code: 'custom', path: ['conditions', ...issue.path], ...coded(issue.code, issue.params) });
      if (rule.trigger.type === 'schedule') {
        const problem = checkCron(rule.trigger.cron, timeZone);
        if (problem) ctx.addIssue({ code: 'custom', path: ['trigger', 'cron'], message: problem, params: { code: 'invalid_cron' } });
      }
      if (rule.trigger.type === 'record.updated' && ruleSpecOf(rule.trigger.entity).updated === null) {
        ctx.addIssue({ code: 'custom', path: ['trigger', 'entity'], ...coded('trigger_never_updated', { entity: rule.trigger.entity }) });
      }
      const recordEntity = triggerEntity(rule.trigger);
      rule.actions.forEach((action, i) => {
        for (const field of TEMPLATED[action.type] ?? []) {
          const value = (action.config as Record<string, unknown>)[field];
          if (typeof value !== 'string') continue;
          for (const problem of checkTemplate(value)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'config', field], ...coded(problem.code, problem.params) });
        }
        if (action.type === 'set_field') {
          const settable = recordEntity ? SETTABLE_FIELDS[recordEntity] : null;
          const { field, value } = action.config;
          if (!settable) {
            ctx.addIssue({ code: 'custom', path: ['actions', i, 'type'], ...coded('set_field_needs_record') });
          } else if (!(field in settable)) {
            ctx.addIssue({ code: 'custom', path: ['actions', i, 'config', 'field'], ...coded('set_field_unknown', { entity: String(recordEntity), fields: Object.keys(settable).join(', ') }) });
          } else if (typeof value === 'string' && value.includes('{{')) {
            for (const problem of checkTemplate(value)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'config', 'value'], ...coded(problem.code, problem.params) });
          } else {
            const parsed = settable[field].schema.safeParse(value);
            if (!parsed.success) {
              // The settable field's own check, kept as its catalogue code so the reader's language applies.
              const issue = fieldErrorOf(parsed.error.issues[0] as Parameters<typeof fieldErrorOf>[0], 'value', true);
              ctx.addIssue({ code: 'custom', path: ['actions', i, 'config', 'value'], ...coded(issue.code, issue.params), ...(issue.detail ? { message: issue.detail } : {}) });
            }
          }
        }
        if (action.type === 'create_work_order' && !recordEntity) {
          ctx.addIssue({ code: 'custom', path: ['actions', i, 'type'], ...coded('action_needs_customer_or_deal', { action: 'create_work_order' }) });
        }
        if (action.type === 'require_retention_plan' && recordEntity !== 'customer') {
          ctx.addIssue({ code: 'custom', path: ['actions', i, 'type'], ...coded('retention_needs_customer_trigger') });
        }
        if (action.type === 'require_approval' && !recordEntity) {
          ctx.addIssue({ code: 'custom', path: ['actions', i, 'type'], ...coded('action_needs_deal', { action: 'require_approval' }) });
        }
        if (action.type === 'create_followup_deal' && !recordEntity) {
          ctx.addIssue({ code: 'custom', path: ['actions', i, 'type'], ...coded('action_needs_customer', { action: 'create_followup_deal' }) });
        }
        if (!recordEntity && rule.trigger.type === 'schedule' && ['create_task', 'notify', 'create_followup'].includes(action.type)) {
          const cfg = action.config as { recipients?: string[]; assignee?: string };
          const specs = cfg.recipients ?? (cfg.assignee ? [cfg.assignee] : []);
          specs.forEach((spec, j) => {
            if (spec === 'actor' || spec.startsWith('owner')) {
              const path = cfg.recipients ? ['actions', i, 'config', 'recipients', j] : ['actions', i, 'config', 'assignee'];
              ctx.addIssue({ code: 'custom', path, ...coded('scheduled_recipient') });
            }
          });
        }
      });
    });
}
export type RuleDefinition = Omit<z.output<ReturnType<typeof ruleDefinitionSchema>>, 'actions'> & { actions: RuleAction[] };
