/** All SQL of the patterns module except the templates themselves (templates.ts). */
import { sql } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { PatternDealsTable, PatternsTable } from '../../db/schema-predictive.js';
import { parseJson } from '../../core/json.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { Scope } from '../org/scope.js';
import type { Labels } from './templates.js';
import type { StreamEvent } from './dimensions.js';

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
    .select(['id', 'status', 'created_at', 'stage_entered_at as closed_at'])
    .where('pipeline_id', '=', pipelineId)
    .where('status', 'in', ['won', 'lost'])
    .orderBy('stage_entered_at')
    .orderBy('id')
    .execute();
}

/**
 * The actions (tags, the typed actions demo / materials, and customers opening a tracked material) that occur on the pipeline's closed deals strictly before
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
  const opens = await sql<{ n: number }>`
    select count(*) as n from material_opens mo join material_links ml on ml.id = mo.link_id
    join activities a on a.id = ml.activity_id join deals d on d.id = a.deal_id
    where d.pipeline_id = ${pipelineId} and d.status in ('won', 'lost') and mo.opened_at < d.stage_entered_at`.execute(db);
  const opened = Number(opens.rows[0]?.n ?? 0) > 0 ? ['open:material'] : [];
  return [...tags.rows.map((r) => `tag:${r.tag_key}`), ...types.rows.map((r) => `type:${r.type}`), ...opened];
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

/** Pattern flags (ever raised) on a pipeline's deals in the caller's scope, with the pattern's template (closed loop). */
export function loopFlags(db: Queryable, scope: Scope, pipelineId: string) {
  return db
    .selectFrom('deal_risk_flags')
    .innerJoin('deals', 'deals.id', 'deal_risk_flags.deal_id')
    .innerJoin('patterns', 'patterns.id', 'deal_risk_flags.pattern_id')
    .where('deals.pipeline_id', '=', pipelineId)
    .where('deal_risk_flags.kind', '=', 'pattern')
    .where(scopeFilter(scope, 'deals'))
    .select(['deal_risk_flags.deal_id', 'deal_risk_flags.pattern_id', 'deal_risk_flags.holdout', 'deal_risk_flags.first_raised_at', 'deals.status', 'deals.stage_entered_at', 'patterns.params', 'patterns.description', 'patterns.description_en'])
    .orderBy('deal_risk_flags.first_raised_at')
    .orderBy('deal_risk_flags.id')
    .execute();
}

/** The actions on the given deals at or after `since`: activities with their tags, and material opens. */
export async function actionsSince(db: Queryable, dealIds: string[], since: string) {
  if (dealIds.length === 0) return [];
  const acts = await db.selectFrom('activities').select(['id', 'deal_id', 'occurred_at', 'type', 'effective']).where('deal_id', 'in', dealIds).where('occurred_at', '>=', since).execute();
  const tags = new Map<string, string[]>();
  const ids = acts.map((a) => a.id);
  for (let i = 0; i < ids.length; i += 500) {
    for (const t of await db.selectFrom('activity_tags').select(['activity_id', 'tag_key']).where('activity_id', 'in', ids.slice(i, i + 500)).execute()) {
      tags.set(t.activity_id, [...(tags.get(t.activity_id) ?? []), t.tag_key]);
    }
  }
  const opens = await db
    .selectFrom('material_opens')
    .innerJoin('material_links', 'material_links.id', 'material_opens.link_id')
    .innerJoin('activities', 'activities.id', 'material_links.activity_id')
    .select(['activities.deal_id', 'material_opens.opened_at'])
    .where('activities.deal_id', 'in', dealIds)
    .where('material_opens.opened_at', '>=', since)
    .execute();
  return [
    ...acts.map((a) => ({ dealId: a.deal_id!, at: a.occurred_at, src: 'activity' as const, type: a.type, effective: a.effective === 1, tags: tags.get(a.id) ?? [] })),
    ...opens.map((o) => ({ dealId: o.deal_id!, at: o.opened_at, src: 'open' as const, type: 'material_opened', effective: false, tags: [] })),
  ];
}

/**
 * The action streams of a pipeline's closed deals for the risk score (score.ts): activities with their tags and
 * contacts, and the customer's material opens — each strictly before the deal's close, like every template.
 */
export async function closedStreams(db: Queryable, pipelineId: string) {
  const before = sql`d.pipeline_id = ${pipelineId} and d.status in ('won', 'lost')`;
  const acts = await sql<{ id: string; deal_id: string; occurred_at: string; type: string; effective: number; contact_ids: string }>`
    select a.id, a.deal_id, a.occurred_at, a.type, a.effective, a.contact_ids from activities a join deals d on d.id = a.deal_id
    where ${before} and a.occurred_at < d.stage_entered_at`.execute(db);
  const tags = await sql<{ activity_id: string; tag_key: string }>`
    select tg.activity_id, tg.tag_key from activity_tags tg join activities a on a.id = tg.activity_id join deals d on d.id = a.deal_id
    where ${before} and a.occurred_at < d.stage_entered_at`.execute(db);
  const opens = await sql<{ deal_id: string; opened_at: string }>`
    select a.deal_id, mo.opened_at from material_opens mo join material_links ml on ml.id = mo.link_id
    join activities a on a.id = ml.activity_id join deals d on d.id = a.deal_id
    where ${before} and mo.opened_at < d.stage_entered_at`.execute(db);
  const tagsOf = new Map<string, string[]>();
  for (const t of tags.rows) tagsOf.set(t.activity_id, [...(tagsOf.get(t.activity_id) ?? []), t.tag_key]);
  const streams = new Map<string, StreamEvent[]>();
  const push = (dealId: string, e: StreamEvent) => streams.set(dealId, [...(streams.get(dealId) ?? []), e]);
  for (const a of acts.rows) push(a.deal_id, { at: a.occurred_at, src: 'activity', type: a.type, effective: Number(a.effective) === 1, tags: tagsOf.get(a.id) ?? [], contacts: parseJson<string[]>(a.contact_ids, []) });
  for (const o of opens.rows) push(o.deal_id, { at: o.opened_at, src: 'open', type: 'material_opened', effective: false, tags: [], contacts: [] });
  return streams;
}
