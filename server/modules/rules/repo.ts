/** All SQL of the rules module. */
import type { Queryable } from '../../db/index.js';
import type { RuleRunsTable, RulesTable } from '../../db/schema.js';
import { parseJson, toJson } from '../../core/json.js';
import { open, reseal, seal, SecretKeyError } from '../../core/secrets.js';
import type { Db } from '../../db/index.js';
import type { RuleAction, RuleDefinition } from './definition.js';

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

/**
 * Webhook signing secrets are sealed at rest (core/secrets.ts, issue 14 defect 10), bound to the rule's row: a
 * database dump or backup alone does not let anyone forge the rule's signed deliveries.
 */
const secretContext = (ruleId: string) => `rule:${ruleId}`;

function mapSecrets(actions: RuleAction[] | undefined, fn: (secret: string) => string): RuleAction[] {
  return (actions ?? []).map((a) => (a.type === 'webhook' && typeof a.config.secret === 'string' ? { ...a, config: { ...a.config, secret: fn(a.config.secret) } } : a));
}

/** The stored form of a definition: its webhook secrets sealed. */
export function storedDefinition(ruleId: string, def: RuleDefinition): string {
  return toJson({ ...def, actions: mapSecrets(def.actions, (secret) => seal(secret, secretContext(ruleId))) });
}

/** The definition of a stored rule, webhook secrets opened (plaintext rows from before sealing open as they are). */
export function definitionOf(row: Pick<RulesTable, 'id' | 'definition'>): RuleDefinition {
  const def = parseJson<RuleDefinition>(row.definition, {} as RuleDefinition);
  return def.actions ? { ...def, actions: mapSecrets(def.actions, (secret) => openOrEmpty(secret, secretContext(row.id))) } : def;
}

/**
 * A secret sealed with a key this process does not have (or moved from another row) reads as empty: the rule still
 * lists and edits (the admin is asked to enter the secret again), and its webhook action fails with a clear error
 * instead of signing with a wrong secret.
 */
function openOrEmpty(secret: string, context: string): string {
  try {
    return open(secret, context);
  } catch (error) {
    if (error instanceof SecretKeyError) return '';
    throw error;
  }
}

/**
 * Seals every rule's webhook secrets under the current key: plaintext rows (written before sealing existed) and
 * rows sealed with an older key (`actionflow secrets rotate`, and plaintext ones at `serve`). A rule whose secret
 * opens with no configured key is left as it is and reported by id.
 */
export async function resealRuleSecrets(db: Db, options: { plaintextOnly?: boolean } = {}): Promise<{ resealed: number; total: number; unreadable: string[] }> {
  const rows = await db.selectFrom('rules').select(['id', 'definition']).execute();
  let resealed = 0;
  const unreadable: string[] = [];
  for (const row of rows) {
    const def = parseJson<RuleDefinition>(row.definition, {} as RuleDefinition);
    let changed = false;
    let actions: RuleAction[];
    try {
      actions = mapSecrets(def.actions, (secret) => {
        if (options.plaintextOnly && secret.startsWith('enc:')) return secret;
        const next = reseal(secret, secretContext(row.id));
        if (next === null) return secret;
        changed = true;
        return next;
      });
    } catch (error) {
      if (!(error instanceof SecretKeyError)) throw error;
      unreadable.push(row.id);
      continue;
    }
    if (!changed) continue;
    // Conditional on the value read, so a concurrent admin edit is never overwritten with older secrets.
    const result = await db.updateTable('rules').set({ definition: toJson({ ...def, actions }) }).where('id', '=', row.id).where('definition', '=', row.definition).executeTakeFirst();
    resealed += Number(result.numUpdatedRows);
  }
  return { resealed, total: rows.length, unreadable };
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
