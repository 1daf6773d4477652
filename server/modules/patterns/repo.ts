/** All SQL of the patterns module except the templates themselves (templates.ts). */
import { sql } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { PatternDealsTable, PatternsTable } from '../../db/schema-predictive.js';
import { parseJson } from '../../core/json.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { Scope } from '../org/scope.js';
import type { Labels } from './templates.js';

export interface StageName {
  key: string;
  zh: string;
  en: string;
  terminal: string | null;
}

export async function findPipeline(db: Queryable, idOrKey: string) {
  const row = await db.selectFrom('pipelines').select(['id', 'key', 'name', 'name_en', 'definition']).where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)])).executeTakeFirst();
  if (!row) return null;
  const def = parseJson<{ stages?: { key: string; name: string; nameEn?: string | null; terminal?: string | null }[] }>(row.definition, {});
  const stages: StageName[] = (def.stages ?? []).map((s) => ({ key: s.key, zh: s.name, en: s.nameEn ?? s.name, terminal: s.terminal ?? null }));
  return { id: row.id, key: row.key, name: row.name, nameEn: row.name_en, stages };
}

export async function activePipelineIds(db: Queryable): Promise<string[]> {
  return (await db.selectFrom('pipelines').select('id').where('archived', '=', 0).orderBy('id').execute()).map((r) => r.id);
}

/** Closed deals of a pipeline with their close instant (when they entered the terminal stage), oldest close first. */
export async function closedDeals(db: Queryable, pipelineId: string) {
  return db
    .selectFrom('deals')
    .select(['id', 'status', 'stage_entered_at as closed_at'])
    .where('pipeline_id', '=', pipelineId)
    .where('status', 'in', ['won', 'lost'])
    .orderBy('stage_entered_at')
    .orderBy('id')
    .execute();
}

/**
 * The actions (tags and the typed actions demo / materials) that occur on the pipeline's closed deals strictly before
 * their close: the candidate vocabulary. A tag only ever logged after the outcome never becomes a candidate.
 */
export async function actionsBeforeClose(db: Queryable, pipelineId: string): Promise<string[]> {
  const tags = await sql<{ tag_key: string }>`
    select distinct tg.tag_key from activity_tags tg
    join activities a on a.id = tg.activity_id
    join deals d on d.id = a.deal_id
    where d.pipeline_id = ${pipelineId} and d.status in ('won', 'lost') and a.occurred_at < d.stage_entered_at
    order by tg.tag_key`.execute(db);
  const types = await sql<{ type: string }>`
    select distinct a.type from activities a join deals d on d.id = a.deal_id
    where d.pipeline_id = ${pipelineId} and d.status in ('won', 'lost') and a.occurred_at < d.stage_entered_at and a.type in ('demo', 'materials')
    order by a.type`.execute(db);
  return [...tags.rows.map((r) => `tag:${r.tag_key}`), ...types.rows.map((r) => `type:${r.type}`)];
}

export async function tagLabels(db: Queryable): Promise<{ labels: Labels; suggestions: Map<string, { zh: string | null; en: string | null }> }> {
  const rows = await db.selectFrom('activity_tag_defs').selectAll().execute();
  return {
    labels: new Map(rows.map((r) => [`tag:${r.key}`, { label: r.label, labelEn: r.label_en ?? r.label }])),
    suggestions: new Map(rows.map((r) => [`tag:${r.key}`, { zh: r.suggestion, en: r.suggestion_en }])),
  };
}

/** Replaces a pipeline's patterns and their drill rows with a run's (derived data: the run is the source). */
export async function replacePatterns(db: Queryable, pipelineId: string, patterns: PatternsTable[], deals: PatternDealsTable[]) {
  const old = db.selectFrom('patterns').select('id').where('pipeline_id', '=', pipelineId);
  await db.deleteFrom('pattern_deals').where('pattern_id', 'in', old).execute();
  await db.deleteFrom('patterns').where('pipeline_id', '=', pipelineId).execute();
  for (let i = 0; i < patterns.length; i += 100) await db.insertInto('patterns').values(patterns.slice(i, i + 100)).execute();
  for (let i = 0; i < deals.length; i += 500) await db.insertInto('pattern_deals').values(deals.slice(i, i + 500)).execute();
}

export function listPatterns(db: Queryable, pipelineId: string, withCandidates: boolean) {
  let q = db.selectFrom('patterns').selectAll().where('pipeline_id', '=', pipelineId);
  if (!withCandidates) q = q.where('surfaced', '=', 1);
  return q.orderBy('surfaced', 'desc').orderBy('kind', 'desc').orderBy('lift', 'desc').orderBy('id').execute();
}

export function surfacedPatterns(db: Queryable, pipelineId: string) {
  return db.selectFrom('patterns').selectAll().where('pipeline_id', '=', pipelineId).where('surfaced', '=', 1).orderBy('id').execute();
}

export function findPattern(db: Queryable, id: string) {
  return db.selectFrom('patterns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The deals behind a pattern within the caller's scope, newest close first. */
export async function patternDeals(db: Queryable, scope: Scope, patternId: string, page: { offset: number; limit: number }) {
  const base = db
    .selectFrom('pattern_deals')
    .innerJoin('deals', 'deals.id', 'pattern_deals.deal_id')
    .where('pattern_deals.pattern_id', '=', patternId)
    .where(scopeFilter(scope, 'deals'));
  const items = await base
    .innerJoin('users', 'users.id', 'deals.owner_id')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .select(['deals.id', 'deals.title', 'deals.amount_fen', 'deals.stage_key', 'deals.owner_id', 'users.display_name as owner_name', 'customers.id as customer_id', 'customers.name as customer_name', 'pattern_deals.outcome', 'pattern_deals.matched_at', 'pattern_deals.closed_at'])
    .orderBy('pattern_deals.closed_at', 'desc')
    .orderBy('deals.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { items, total: Number(count?.n ?? 0) };
}

export function latestRun(db: Queryable, pipelineId: string) {
  return db.selectFrom('pattern_runs').selectAll().where('pipeline_id', '=', pipelineId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}
