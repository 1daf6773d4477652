/** All SQL of the rules module. */
import type { Queryable } from '../../db/index.js';
import type { RuleRunsTable, RulesTable } from '../../db/schema.js';
import { parseJson } from '../../core/json.js';
import type { RuleDefinition } from './definition.js';

export function findRule(db: Queryable, idOrKey: string) {
  return db.selectFrom('rules').selectAll().where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)])).executeTakeFirst();
}

export function findRuleByKey(db: Queryable, key: string) {
  return db.selectFrom('rules').selectAll().where('key', '=', key).executeTakeFirst();
}

export function listRules(db: Queryable, filter: { enabled?: boolean; triggerType?: string } = {}) {
  let query = db.selectFrom('rules').selectAll().orderBy('created_at').orderBy('key');
  if (filter.enabled !== undefined) query = query.where('enabled', '=', filter.enabled ? 1 : 0);
  if (filter.triggerType) query = query.where('trigger_type', '=', filter.triggerType);
  return query.execute();
}

export function enabledRules(db: Queryable, triggerTypes: string[]) {
  if (!triggerTypes.length) return Promise.resolve([] as RulesTable[]);
  return db.selectFrom('rules').selectAll().where('enabled', '=', 1).where('trigger_type', 'in', triggerTypes).orderBy('created_at').orderBy('key').execute();
}

export async function insertRule(db: Queryable, row: RulesTable) {
  await db.insertInto('rules').values(row).execute();
}

export async function updateRule(db: Queryable, id: string, values: Partial<RulesTable>) {
  await db.updateTable('rules').set(values).where('id', '=', id).execute();
}

export async function deleteRule(db: Queryable, id: string) {
  await db.deleteFrom('rule_runs').where('rule_id', '=', id).execute();
  await db.deleteFrom('rules').where('id', '=', id).execute();
}

export function definitionOf(row: Pick<RulesTable, 'definition'>): RuleDefinition {
  return parseJson<RuleDefinition>(row.definition, {} as RuleDefinition);
}

/** Inserts the run row; false when this (rule, cause) already has one, i.e. another run did or is doing it. */
export async function claimRun(db: Queryable, row: RuleRunsTable): Promise<boolean> {
  const result = await db
    .insertInto('rule_runs')
    .values(row)
    .onConflict((oc) => oc.columns(['rule_id', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function finishRun(db: Queryable, id: string, values: Pick<RuleRunsTable, 'status' | 'input' | 'outcome' | 'error' | 'duration_ms'>) {
  await db.updateTable('rule_runs').set(values).where('id', '=', id).execute();
}

export async function listRuns(db: Queryable, ruleId: string, filter: { status?: string }, page: { offset: number; limit: number }) {
  let base = db.selectFrom('rule_runs').where('rule_id', '=', ruleId);
  if (filter.status) base = base.where('status', '=', filter.status);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('started_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function lastScheduledFor(db: Queryable, ruleId: string): Promise<string | null> {
  const row = await db
    .selectFrom('rule_runs')
    .select((eb) => eb.fn.max('scheduled_for').as('last'))
    .where('rule_id', '=', ruleId)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** Whether the rule ran successfully for an event about this record at or after `since`. */
export async function ranForRecordSince(db: Queryable, ruleId: string, entityId: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('rule_runs as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select('r.id')
    .where('r.rule_id', '=', ruleId)
    .where('e.entity_id', '=', entityId)
    .where('r.status', '=', 'succeeded')
    .where('r.started_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}
