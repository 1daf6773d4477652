/**
 * The action registry: each action type has its config schema (definition.ts) and an executor here. Executors run
 * inside the rule's savepoint, write only through the transaction (outbox rows, tasks, field updates, events), and
 * return a small JSON result for the run log. Nothing leaves the process here: notifications and webhooks are
 * outbox rows the dispatcher delivers after commit, so a rolled-back run has sent nothing.
 */
import { commandIn } from '../../core/command.js';
import type { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { change } from '../../core/events.js';
import type { Queryable } from '../../db/index.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { enqueueNotification, enqueueWebhook } from '../notifications/outbox.js';
import { startCadenceForRule } from '../cadences/rule-action.js';
import { requireApprovalForRule } from '../approvals/rule-action.js';
import { createFollowupDeal } from '../deals/rule-action.js';
import { createWorkOrderForRule } from '../workorders/rule-action.js';
import { openRetentionPlanForRule } from '../health/retention-plan.js';
import { resolveRecipients } from '../sla/recipients.js';
import { changeTask, insertTaskRecord, taskStateOf } from '../tasks/write.js';
import { changeCustomer } from '../customers/write.js';
import { linkFor, ownerOf, type RuleRecord } from './context.js';
import { recordOf, ruleSpecOf } from '../../core/entities.js';
import { ACTION_CONFIGS, SETTABLE_FIELDS, type ActionType, type RuleEntity } from './definition.js';
import { interpolate } from './template.js';
import { redactForRole } from '../../core/redact.js';

/** Carried in the payload of every event a rule emits, so the engine can refuse to retrigger the same rule. */
export interface RuleSource {
  ruleId: string;
  /** How many rule-caused events led here; the engine stops chains between rules at a fixed depth. */
  depth: number;
}

export interface ActionEnv {
  db: Queryable;
  clock: Clock;
  calendar: () => Promise<WorkCalendar>;
  rule: { id: string; key: string };
  /** The event id, or `schedule:<instant>`: with the action index it makes every side effect's idempotency key. */
  causeId: string;
  eventType: string;
  index: number;
  entity: RuleEntity | null;
  record: RuleRecord | null;
  context: Record<string, unknown>;
  source: RuleSource;
}

type Config<K extends ActionType> = z.output<(typeof ACTION_CONFIGS)[K]>;
type Executor<K extends ActionType> = (env: ActionEnv, config: Config<K>) => Promise<Record<string, unknown>>;


async function recipients(env: ActionEnv, specs: string[]): Promise<string[]> {
  const ids: string[] = [];
  const actor = env.context.actor as { id?: string } | null;
  if (specs.includes('actor') && actor?.id) ids.push(actor.id);
  for (const id of await resolveRecipients(env.db, ownerOf(env.record), specs.filter((s) => s !== 'actor'))) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** The context as `userId` may see it: texts addressed to a person never carry fields hidden from them. */
async function contextFor(env: ActionEnv, userId: string): Promise<Record<string, unknown>> {
  const user = await env.db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
  return user ? redactForRole(user.role, env.context) : env.context;
}

async function dueAt(env: ActionEnv, due: { hours?: number; workingDays?: number } | undefined): Promise<string | null> {
  if (!due) return null;
  const calendar = await env.calendar();
  const now = env.clock.now();
  return (due.hours !== undefined ? calendar.addHours(now, due.hours) : calendar.addWorkingDays(now, due.workingDays ?? 0)).toISOString();
}

function recordLinks(entity: RuleEntity | null, record: RuleRecord | null): { customerId: string | null; dealId: string | null } {
  if (!entity || !record) return { customerId: null, dealId: null };
  if (entity === 'customer') return { customerId: record.id, dealId: null };
  if (entity === 'deal') return { customerId: (record.customerId as string) ?? null, dealId: record.id };
  return { customerId: (record.customerId as string | null) ?? null, dealId: (record.dealId as string | null) ?? null };
}

async function createTasks(env: ActionEnv, config: { title: string; assignee: string; due?: { hours?: number; workingDays?: number } }, kind: string) {
  let assignees = await recipients(env, [config.assignee]);
  const owner = ownerOf(env.record);
  if (kind === 'followup' && owner) assignees = assignees.filter((id) => id !== owner.id);
  const due = await dueAt(env, config.due);
  const links = recordLinks(env.entity, env.record);
  const created: string[] = [];
  for (const assigneeId of assignees.slice(0, 20)) {
    const user = await env.db.selectFrom('users').select(['id', 'team_path', 'role']).where('id', '=', assigneeId).executeTakeFirstOrThrow();
    const title = interpolate(config.title, redactForRole(user.role, env.context));
    // Not a user: the rule did it (created_by `rule:<id>`, audited as the organisation naming the rule).
    const id = await insertTaskRecord(
      env.db,
      env.clock,
      { title, assignee: { id: user.id, teamPath: user.team_path }, dueAt: due, customerId: links.customerId, dealId: links.dealId, status: 'open', createdBy: `rule:${env.rule.id}` },
      { actorId: null, note: { source: { rule: env.rule.key } }, source: env.source },
    );
    created.push(id);
  }
  return { tasks: created, assignees, dueAt: due };
}

const executors: { [K in ActionType]: Executor<K> } = {
  notify: async (env, config) => {
    const users = await recipients(env, config.recipients);
    const link = config.link ? interpolate(config.link, env.context) : env.entity && env.record ? linkFor(env.entity, env.record) : undefined;
    let created = 0;
    for (const userId of users) {
      const context = await contextFor(env, userId);
      const result = await enqueueNotification(env.db, env.clock, {
        idempotencyKey: `rule:${env.rule.id}:${env.causeId}:${env.index}:${userId}`,
        userId,
        title: interpolate(config.title, context),
        titleEn: config.titleEn ? interpolate(config.titleEn, context) : undefined,
        body: interpolate(config.body ?? '', context),
        bodyEn: config.bodyEn ? interpolate(config.bodyEn, context) : undefined,
        link,
        subject: env.entity && env.record ? { type: env.entity, id: env.record.id } : undefined,
        channels: config.channels,
      });
      if (result.created) created++;
    }
    return { recipients: users, created };
  },

  create_task: (env, config) => createTasks(env, config, 'task'),
  create_followup: (env, config) => createTasks(env, config, 'followup'),

  set_field: async (env, config) => {
    if (!env.entity || !env.record) throw new Error('set_field: the event has no record');
    const spec = SETTABLE_FIELDS[env.entity][config.field];
    const raw = typeof config.value === 'string' && config.value.includes('{{') ? interpolate(config.value, env.context) : config.value;
    const parsed = spec.schema.safeParse(raw === '' ? null : raw);
    if (!parsed.success) throw new Error(`set_field ${config.field}: ${JSON.stringify(raw)} ${parsed.error.issues[0].message}`);
    const value = parsed.data as string | number | null;
    const previous = env.record[config.field];
    if (JSON.stringify(previous) === JSON.stringify(value)) return { field: config.field, value, changed: false };
    const note = { source: { rule: env.rule.key } };
    if (env.entity === 'task' || env.entity === 'customer') {
      // Tasks and customers change only through their module's write path (same audit and event as any edit).
      const set = { [config.field]: value };
      if (env.entity === 'task') {
        const row = await env.db.selectFrom('tasks').selectAll().where('id', '=', env.record.id).executeTakeFirstOrThrow();
        await changeTask(env.db, env.clock, taskStateOf(row), set, { actorId: null, note, source: env.source });
      } else {
        await changeCustomer(env.db, env.clock, env.record.id, set, { actorId: null, note, source: env.source });
      }
      env.record[config.field] = value;
      return { field: config.field, from: previous ?? null, value, changed: true };
    }
    const now = env.clock.now().toISOString();
    const table = recordOf(env.entity).table as 'deals' | 'activities';
    const set: Record<string, unknown> = { [spec.column]: value };
    if (table !== 'activities') set.updated_at = now;
    await env.db.updateTable(table).set(set as never).where('id', '=', env.record.id).execute();
    await commandIn(env.db, env.clock, { entity: env.entity, actorId: null }).recorded(env.record.id, 'update', { before: { [spec.column]: previous }, after: { [spec.column]: value, ...note } });
    const type = ruleSpecOf(env.entity).updated as 'customer.updated' | 'deal.updated' | 'task.updated' | null;
    if (type) await commandIn(env.db, env.clock, { entity: env.entity, actorId: null }).emit(env.record.id, { type: type, payload: { ...change({ [config.field]: previous ?? null }, { [config.field]: value }), source: env.source } });
    // Later actions of the same run see the new value.
    env.record[config.field] = value;
    return { field: config.field, from: previous ?? null, value, changed: true };
  },

  webhook: async (env, config) => {
    if (!config.secret) throw new Error('webhook: the signing secret does not open with the configured keys (ACTIONFLOW_SECRET_KEYS_PREVIOUS, or enter it again)');
    const event = config.event ?? env.eventType;
    const result = await enqueueWebhook(env.db, env.clock, {
      idempotencyKey: `rule:${env.rule.id}:${env.causeId}:${env.index}`,
      url: config.url,
      secret: config.secret,
      event,
      payload: { rule: env.rule, event: env.context.event, record: env.context.record ?? null },
    });
    return { url: config.url, event, created: result.created };
  },

  start_cadence: async (env, config) => {
    const dealId = recordLinks(env.entity, env.record).dealId;
    if (!dealId) throw new Error('start_cadence: the record has no deal');
    return startCadenceForRule({ db: env.db, clock: env.clock, calendar: await env.calendar(), ruleId: env.rule.id, dealId, cadence: config.cadence });
  },

  create_followup_deal: async (env, config) => {
    const links = recordLinks(env.entity, env.record);
    if (!links.customerId) throw new Error('create_followup_deal: the record has no customer');
    // A spec can name several people (role:…); the deal gets one owner, the first in the resolver's stable order.
    const [ownerId] = await recipients(env, [config.owner]);
    if (!ownerId) throw new Error(`create_followup_deal: "${config.owner}" names no active user`);
    let amountFen = typeof config.amountFen === 'number' ? config.amountFen : 0;
    if (config.amountFen === 'copy' && links.dealId) {
      const deal = await env.db.selectFrom('deals').select('amount_fen').where('id', '=', links.dealId).executeTakeFirst();
      amountFen = Number(deal?.amount_fen ?? 0);
    }
    return createFollowupDeal({
      db: env.db,
      clock: env.clock,
      rule: env.rule,
      source: env.source,
      customerId: links.customerId,
      ownerId,
      pipeline: config.pipeline,
      stage: config.stage,
      title: interpolate(config.title, env.context),
      amountFen,
    });
  },

  create_work_order: async (env, config) => {
    const links = recordLinks(env.entity, env.record);
    const owner = ownerOf(env.record);
    if (!links.customerId) throw new Error('create_work_order: the record has no customer or deal');
    if (!owner) throw new Error('create_work_order: the record has no owner to request the work order');
    return createWorkOrderForRule({
      db: env.db,
      clock: env.clock,
      timeZone: (await env.calendar()).settings.timeZone,
      ruleKey: env.rule.key,
      type: config.type,
      title: interpolate(config.title, env.context),
      description: config.description ? interpolate(config.description, env.context) : undefined,
      requesterId: owner.id,
      subject: links.dealId ? { type: 'deal', id: links.dealId } : { type: 'customer', id: links.customerId },
    });
  },

  require_approval: async (env, config) => {
    const dealId = recordLinks(env.entity, env.record).dealId;
    if (!dealId) throw new Error('require_approval: the record has no deal');
    return requireApprovalForRule({ db: env.db, clock: env.clock, ruleKey: env.rule.key, dealId, kind: config.kind });
  },

  require_retention_plan: async (env, config) => {
    const customerId = recordLinks(env.entity, env.record).customerId;
    if (!customerId) throw new Error('require_retention_plan: the record is not a customer');
    return openRetentionPlanForRule({ db: env.db, clock: env.clock, causeId: env.causeId, ruleKey: env.rule.key, customerId, workingDays: config.workingDays, evidence: config.evidence });
  },
};

export function executeAction(env: ActionEnv, action: { type: ActionType; config: unknown }): Promise<Record<string, unknown>> {
  return (executors[action.type] as Executor<ActionType>)(env, action.config as Config<ActionType>);
}
