/**
 * Runs rules. Events arrive through `consumeEvents` (exactly once per event for the `rules` consumer); each
 * matching rule then runs inside that transaction:
 *   claim the `rule_runs` row (UNIQUE(rule_id, event_id)) → SAVEPOINT → conditions → actions → RELEASE → log outcome.
 * A rule that throws rolls back to its savepoint, so its partial writes vanish, while its run row (written before
 * the savepoint) records the error; the other rules and the triggering change are untouched. A crash anywhere
 * rolls back the whole transaction, consumption row included, so the event is processed again from scratch and no
 * action happens twice. Cron slots use the same run table with `schedule:<instant>` as the cause.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Clock } from '../../core/clock.js';
import { consumeEvents, type StoredEvent } from '../../core/consumers.js';
import { RULE_KINDS, ruleSpecOf } from '../../core/entities.js';
import { isEvent } from '../../core/events.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import type { Db, Queryable } from '../../db/index.js';
import type { RulesTable } from '../../db/schema.js';
import { getCalendarSettings, loadWorkCalendar } from '../calendar/settings.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { executeAction, type RuleSource } from './actions.js';
import { evaluateConditions } from './conditions.js';
import { loadActor, loadBefore, loadRecord, type RuleRecord } from './context.js';
import { triggerEntity, type RuleDefinition, type Trigger } from './definition.js';
import * as repo from './repo.js';
import { latestDueRun } from './schedule.js';

export const RULES_CONSUMER = 'rules';
/** Beyond this many rule-caused events in a chain, rules stop reacting (rule A → B → A … ping-pong). */
export const MAX_RULE_CHAIN = 5;

const TRIGGERS_BY_EVENT: Record<string, Trigger['type'][]> = {
  // record.created / record.updated: the event types the registry names for each rule kind.
  ...Object.fromEntries(RULE_KINDS.map((k) => [ruleSpecOf(k).created, ['record.created']])),
  ...Object.fromEntries(RULE_KINDS.flatMap((k) => (ruleSpecOf(k).updated ? [[ruleSpecOf(k).updated, ['record.updated']]] : []))),
  'task.completed': ['record.updated'],
  'deal.stage_changed': ['deal.stage_changed'],
  'sla.level_reached': ['sla.level_reached'],
  'task.overdue': ['task.overdue'],
  'customer.health_changed': ['customer.health_changed'],
  'material.opened': ['material.opened'],
  'material.not_opened': ['material.not_opened'],
  'risk.flagged': ['risk.matched'],
};
export const RULE_EVENT_TYPES = Object.keys(TRIGGERS_BY_EVENT);

/** Thrown from a hook to abandon the whole event transaction, as a process crash would (tests use it). */
export class AbandonRun extends Error {}

export interface EngineHooks {
  /** Called after each action of a run, still inside its transaction. */
  afterAction?(info: { ruleKey: string; causeId: string; index: number; db: Queryable }): void | Promise<void>;
  /** Called after a scheduled run committed (for `tick`). */
  onScheduled?(ruleKey: string, scheduledFor: string): void;
}

export interface EngineDeps {
  db: Db;
  clock: Clock;
  config: { timeZone: string };
}

interface Cause {
  id: string;
  eventType: string;
  scheduledFor: string | null;
  event: Record<string, unknown>;
  source: RuleSource | null;
  actorId: string | null;
  stored: StoredEvent | null;
  entityId: string | null;
}

function sourceOf(event: StoredEvent): RuleSource | null {
  const source = (event.payload as { source?: Partial<RuleSource> }).source;
  return source && typeof source.ruleId === 'string' ? { ruleId: source.ruleId, depth: Number(source.depth ?? 1) } : null;
}

async function pipelineMatches(db: Queryable, filter: string, pipelineId: unknown): Promise<boolean> {
  if (filter === pipelineId) return true;
  if (typeof pipelineId !== 'string') return false;
  const row = await db.selectFrom('pipelines').select('key').where('id', '=', pipelineId).executeTakeFirst();
  return row?.key === filter;
}

export async function triggerMatches(db: Queryable, trigger: Trigger, event: StoredEvent): Promise<boolean> {
  if (!TRIGGERS_BY_EVENT[event.type]?.includes(trigger.type)) return false;
  switch (trigger.type) {
    case 'record.created':
    case 'record.updated':
      return event.entity === trigger.entity;
    case 'deal.stage_changed': {
      if (!isEvent(event, 'deal.stage_changed')) return false;
      const p = event.payload;
      if (trigger.from && p.from !== trigger.from) return false;
      if (trigger.to && p.to !== trigger.to) return false;
      return !trigger.pipeline || pipelineMatches(db, trigger.pipeline, p.pipelineId);
    }
    case 'sla.level_reached': {
      if (!isEvent(event, 'sla.level_reached')) return false;
      const p = event.payload;
      if (trigger.entity && event.entity !== trigger.entity) return false;
      if (trigger.level !== undefined && String(p.level) !== String(trigger.level)) return false;
      return !trigger.colour || p.colour === trigger.colour;
    }
    case 'task.overdue':
      return event.entity === 'task';
    case 'customer.health_changed': {
      if (!isEvent(event, 'customer.health_changed')) return false;
      const p = event.payload;
      // A change caused only by publishing a new model version runs no playbook unless the admin asked for it.
      if (p.quiet) return false;
      if ((p.kind ?? 'colour') !== trigger.kind) return false;
      if (trigger.from && p.from !== trigger.from) return false;
      return !trigger.to || p.to === trigger.to;
    }
    case 'risk.matched': {
      if (!isEvent(event, 'risk.flagged')) return false;
      return !trigger.source || trigger.source === event.payload.sourceKey || trigger.source === event.payload.patternId;
    }
    case 'schedule':
      return false;
    case 'material.opened':
      return event.entity === 'customer';
    case 'material.not_opened':
      return isEvent(event, 'material.not_opened') && event.payload.hours === trigger.hours;
  }
}

/** A rule with a cooldown ran successfully for the same record within it (e.g. one interview task a quarter). */
async function coolingDown(db: Queryable, row: RulesTable, trigger: Trigger, event: StoredEvent, now: Date): Promise<boolean> {
  if (trigger.type !== 'customer.health_changed' || !trigger.cooldownDays || !event.entityId) return false;
  const since = new Date(now.getTime() - trigger.cooldownDays * 86_400_000).toISOString();
  return repo.ranForRecordSince(db, row.id, event.entityId, since);
}

/** One run of one rule for one cause, inside the caller's transaction. Returns false when it had already run. */
async function runRule(trx: Queryable, deps: EngineDeps, calendar: () => Promise<WorkCalendar>, row: RulesTable, cause: Cause, hooks: EngineHooks): Promise<boolean> {
  const started = performance.now();
  const def = repo.definitionOf(row);
  const runId = newId();
  const claimed = await repo.claimRun(trx, {
    id: runId,
    rule_id: row.id,
    event_id: cause.id,
    trigger_type: def.trigger.type,
    scheduled_for: cause.scheduledFor,
    status: 'running',
    input: toJson({ event: cause.event }),
    outcome: null,
    error: null,
    started_at: deps.clock.now().toISOString(),
    duration_ms: null,
  });
  if (!claimed) return false;
  const finish = (status: string, input: unknown, outcome: unknown, error: string | null = null) =>
    repo.finishRun(trx, runId, { status, input: toJson(input), outcome: toJson(outcome), error, duration_ms: Math.round(performance.now() - started) });

  if (cause.source?.ruleId === row.id) {
    await finish('skipped', { event: cause.event }, { reason: 'loop', message: 'the event was caused by this rule' });
    return true;
  }
  if (cause.source && cause.source.depth >= MAX_RULE_CHAIN) {
    await finish('skipped', { event: cause.event }, { reason: 'chain', message: `more than ${MAX_RULE_CHAIN} rule-caused events in a row` });
    return true;
  }

  let context: Record<string, unknown> = { event: cause.event };
  const results: Array<Record<string, unknown>> = [];
  let matched: boolean | null = null;
  await sql`savepoint rule_run`.execute(trx);
  try {
    const entity = triggerEntity(def.trigger) ?? (cause.stored && ['deal', 'task'].includes(cause.stored.entity) ? (cause.stored.entity as 'deal' | 'task') : null);
    const record: RuleRecord | null = entity && cause.entityId ? await loadRecord(trx, entity, cause.entityId) : null;
    if (entity && cause.entityId && !record) {
      await sql`release savepoint rule_run`.execute(trx);
      await finish('skipped', context, { reason: 'record_gone', message: `the ${entity} no longer exists` });
      return true;
    }
    context = {
      event: cause.event,
      record,
      before: cause.stored ? loadBefore(cause.stored, record) : null,
      actor: await loadActor(trx, cause.actorId),
      rule: { id: row.id, key: row.key, name: row.name },
      now: deps.clock.now().toISOString(),
    };
    matched = evaluateConditions(def.conditions, context);
    if (matched) {
      const source: RuleSource = { ruleId: row.id, depth: (cause.source?.depth ?? 0) + 1 };
      for (const [index, action] of def.actions.entries()) {
        const env = { db: trx, clock: deps.clock, calendar, rule: { id: row.id, key: row.key }, causeId: cause.id, eventType: cause.eventType, index, entity, record, context, source };
        results.push({ type: action.type, ...(await executeAction(env, action)) });
        await hooks.afterAction?.({ ruleKey: row.key, causeId: cause.id, index, db: trx });
      }
    }
    await sql`release savepoint rule_run`.execute(trx);
  } catch (error) {
    if (error instanceof AbandonRun) throw error;
    await sql`rollback to savepoint rule_run`.execute(trx);
    await sql`release savepoint rule_run`.execute(trx);
    const message = error instanceof Error ? error.message : String(error);
    await finish('failed', context, { matched, actions: results, failedAction: results.length, rolledBack: true }, message.slice(0, 2000));
    return true;
  }
  await finish(matched ? 'succeeded' : 'skipped', context, matched ? { matched, actions: results } : { matched, reason: 'conditions' });
  return true;
}

function calendarLoader(db: Queryable, timeZone: string) {
  let calendar: Promise<WorkCalendar> | null = null;
  return () => (calendar ??= loadWorkCalendar(db, timeZone));
}

/** Processes pending domain events for rules; returns how many events it consumed. */
export async function processRuleEvents(deps: EngineDeps, hooks: EngineHooks = {}, batch = 100): Promise<number> {
  return consumeEvents(
    deps.db,
    deps.clock,
    RULES_CONSUMER,
    async (trx, event) => {
      const rules = await repo.enabledRules(trx, TRIGGERS_BY_EVENT[event.type] ?? []);
      if (!rules.length) return;
      const calendar = calendarLoader(trx, deps.config.timeZone);
      const cause: Cause = {
        id: event.id,
        eventType: event.type,
        scheduledFor: null,
        event: { id: event.id, type: event.type, entity: event.entity, entityId: event.entityId, payload: event.payload, occurredAt: event.occurredAt },
        source: sourceOf(event),
        actorId: event.actorId,
        stored: event,
        entityId: event.entityId,
      };
      for (const row of rules) {
        // A rule applies to what happens after it was created, not to a backlog of older events.
        if (row.created_at > event.occurredAt) continue;
        const trigger = repo.definitionOf(row).trigger;
        if (!(await triggerMatches(trx, trigger, event))) continue;
        if (await coolingDown(trx, row, trigger, event, deps.clock.now())) continue;
        await runRule(trx, deps, calendar, row, cause, hooks);
      }
    },
    { batch, types: RULE_EVENT_TYPES },
  );
}

/**
 * Runs every schedule rule whose latest cron slot (in the org time zone) is due and not yet run. After downtime
 * only the latest missed slot runs (once, late). Several processes may call this at once: the run row's
 * uniqueness decides which one acts. Returns how many runs this call performed.
 */
export async function runScheduledRules(deps: EngineDeps, hooks: EngineHooks = {}): Promise<number> {
  const rules = await repo.enabledRules(deps.db, ['schedule']);
  if (!rules.length) return 0;
  const { timeZone } = await getCalendarSettings(deps.db, deps.config.timeZone);
  const now = deps.clock.now();
  let ran = 0;
  for (const row of rules) {
    const def: RuleDefinition = repo.definitionOf(row);
    if (def.trigger.type !== 'schedule') continue;
    const last = await repo.lastScheduledFor(deps.db, row.id);
    const anchor = [row.schedule_from ?? row.created_at, last].filter((v): v is string => !!v).sort().at(-1)!;
    const due = latestDueRun(def.trigger.cron, timeZone, new Date(anchor), now);
    if (!due) continue;
    const scheduledFor = due.toISOString();
    const cause: Cause = {
      id: `schedule:${scheduledFor}`,
      eventType: 'schedule',
      scheduledFor,
      event: { type: 'schedule', cron: def.trigger.cron, scheduledFor, late: now.getTime() - due.getTime() > 60_000 },
      source: null,
      actorId: null,
      stored: null,
      entityId: null,
    };
    const did = await deps.db.transaction().execute((trx) => runRule(trx, deps, calendarLoader(trx, timeZone), row, cause, hooks));
    if (did) {
      ran++;
      hooks.onScheduled?.(row.key, scheduledFor);
    }
  }
  return ran;
}
