/**
 * Parameterised temporal templates, evaluated in SQL on both databases (window functions and correlated
 * subqueries only). An action is an activity with a tag (`tag:price_confirmation`) or of a type (`type:demo`).
 *
 * - `k_without` (risk): ≥ k actions A [within stage S] and no action B before the k-th A; it matches at the k-th A.
 * - `no_followup` (risk): after an action E, no effective interaction within N working days; it matches at the
 *   deadline (working days on the one org calendar, applied to the instants SQL returns).
 * - `k_in_stage` (positive, "high-value action"): ≥ k actions C within stage S; it matches at the k-th C.
 *
 * Leakage guard: every activity a template reads lies strictly before the deal's cutoff — its close instant (when it
 * entered its terminal stage) for history, `now` for a live deal — and a match counts only if it happened strictly
 * before the cutoff. An action logged at or after the outcome (a "loss reason filled" note) can therefore neither
 * make nor break a match.
 *
 * Live (open deals) the risk templates also ask that the condition still holds now: B not logged at all yet, no
 * effective interaction since E; logging it clears the flag.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { WorkCalendar } from '../calendar/workdays.js';

/** `open:material`: the customer opened a tracked material sent with one of the deal's activities (materials module). */
export type Action = `tag:${string}` | `type:${string}` | `open:${string}`;

export type Template =
  | { template: 'k_without'; a: Action; b: Action; k: number; stage: string | null }
  | { template: 'no_followup'; e: Action; days: number }
  | { template: 'k_in_stage'; a: Action; k: number; stage: string | null };

export const TEMPLATE_KINDS = { k_without: 'risk', no_followup: 'risk', k_in_stage: 'positive' } as const;

export function kindOf(t: Template): 'risk' | 'positive' {
  return TEMPLATE_KINDS[t.template];
}

/** The outcome a template predicts: risk patterns predict loss, positive ones a win. */
export function outcomeOf(t: Template): 'won' | 'lost' {
  return kindOf(t) === 'risk' ? 'lost' : 'won';
}

export interface Match {
  dealId: string;
  status: string;
  /** The cutoff: close instant for history, now for live deals. */
  cutoff: string;
  matchedAt: string;
}

/** Which deals a template is evaluated on: the closed deals of a pipeline, or open deals (live) as of `now`. */
export type Population = { closed: true; pipelineId: string } | { closed: false; now: string; dealIds: string[] };

export type Labels = Map<string, { label: string; labelEn: string }>;

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  call: { zh: '电话', en: 'call' },
  visit: { zh: '拜访', en: 'visit' },
  wechat: { zh: '微信', en: 'WeChat' },
  email: { zh: '邮件', en: 'e-mail' },
  demo: { zh: '演示', en: 'demo' },
  materials: { zh: '发送资料', en: 'materials' },
  other: { zh: '其他', en: 'other' },
};

function actionName(action: Action, labels: Labels): { zh: string; en: string } {
  const [kind, key] = action.split(':') as ['tag' | 'type' | 'open', string];
  if (kind === 'open') return { zh: '客户打开资料', en: 'material opened' };
  const known = labels.get(action);
  if (known) return { zh: known.label, en: known.labelEn };
  return kind === 'type' ? { zh: TYPE_NAMES[key]?.zh ?? key, en: TYPE_NAMES[key]?.en ?? key } : { zh: key, en: key };
}

/** A sentence naming the template and its parameters, in both languages. */
export function describe(t: Template, labels: Labels, stageNames: Map<string, { zh: string; en: string }>): { zh: string; en: string } {
  const stage = (s: string | null) => (s ? stageNames.get(s) ?? { zh: s, en: s } : null);
  switch (t.template) {
    case 'k_without': {
      const a = actionName(t.a, labels);
      const b = actionName(t.b, labels);
      const s = stage(t.stage);
      return {
        zh: `${s ? `在「${s.zh}」阶段` : ''}做了 ${t.k} 次以上「${a.zh}」，且第 ${t.k} 次之前没有「${b.zh}」`,
        en: `${t.k}+ "${a.en}" actions${s ? ` in stage "${s.en}"` : ''} with no "${b.en}" before the ${ordinal(t.k)}`,
      };
    }
    case 'no_followup': {
      const e = actionName(t.e, labels);
      return { zh: `「${e.zh}」之后 ${t.days} 个工作日内没有有效互动`, en: `No effective interaction within ${t.days} working days after "${e.en}"` };
    }
    case 'k_in_stage': {
      const a = actionName(t.a, labels);
      const s = stage(t.stage);
      return { zh: `${s ? `在「${s.zh}」阶段` : ''}做了 ${t.k} 次以上「${a.zh}」`, en: `${t.k}+ "${a.en}" actions${s ? ` in stage "${s.en}"` : ''}` };
    }
  }
}

const ordinal = (k: number) => (k === 1 ? '1st' : k === 2 ? '2nd' : k === 3 ? '3rd' : `${k}th`);

/** The stable identity of a template with its parameters (a pattern id is derived from it and the pipeline). */
export function templateKey(t: Template): string {
  switch (t.template) {
    case 'k_without':
      return `k_without|${t.a}|${t.b}|${t.k}|${t.stage ?? '*'}`;
    case 'no_followup':
      return `no_followup|${t.e}|${t.days}`;
    case 'k_in_stage':
      return `k_in_stage|${t.a}|${t.k}|${t.stage ?? '*'}`;
  }
}

/**
 * The action stream the templates read: the deal's activities, and the customer's opens of materials sent with one of
 * them (type `material_opened`, at the open instant; an open is the customer's act, never an effective interaction).
 */
const STREAM = sql`(select id, deal_id, occurred_at, type from activities
  union all select mo.id, sa.deal_id, mo.opened_at as occurred_at, 'material_opened' as type
  from material_opens mo join material_links ml on ml.id = mo.link_id join activities sa on sa.id = ml.activity_id)`;

/** The union costs PostgreSQL its index paths, so only a template that names an open reads it. */
function sourceOf(actions: (Action | null)[]): RawBuilder<unknown> {
  return actions.some((a) => a?.startsWith('open:')) ? STREAM : sql`activities`;
}

/** SQL predicate: stream row `alias` is the action. */
function isAction(alias: string, action: Action): RawBuilder<unknown> {
  const [kind, key] = action.split(/:(.*)/s) as ['tag' | 'type' | 'open', string];
  // An open's type is `material_opened`, which no activity type is (activities/schema.ts).
  if (kind === 'open') return sql`${sql.ref(`${alias}.type`)} = 'material_opened'`;
  if (kind === 'type') return sql`${sql.ref(`${alias}.type`)} = ${key}`;
  return sql`exists (select 1 from activity_tags tg where tg.activity_id = ${sql.ref(`${alias}.id`)} and tg.tag_key = ${key})`;
}

/** SQL predicate: activity `alias` happened while its deal was in `stage` (any stage when null). */
function inStage(alias: string, stage: string | null): RawBuilder<unknown> {
  if (!stage) return sql`1 = 1`;
  const at = sql.ref(`${alias}.occurred_at`);
  return sql`exists (select 1 from deal_stage_history h where h.deal_id = ${sql.ref(`${alias}.deal_id`)} and h.stage_key = ${stage} and ${at} >= h.entered_at and (h.left_at is null or ${at} < h.left_at))`;
}

/** The deals a template looks at, each with its cutoff instant. */
function populationCte(p: Population): RawBuilder<unknown> {
  if (p.closed) {
    return sql`select id, status, stage_entered_at as cutoff from deals where pipeline_id = ${p.pipelineId} and status in ('won', 'lost')`;
  }
  if (p.dealIds.length === 0) return sql`select id, status, cast(${p.now} as text) as cutoff from deals where 1 = 0`;
  return sql`select id, status, cast(${p.now} as text) as cutoff from deals where status = 'open' and id in (${sql.join(p.dealIds)})`;
}

interface Row {
  deal_id: string;
  status: string;
  cutoff: string;
  matched_at: string;
}

/** The k-th action A (within the stage) strictly before each deal's cutoff, optionally with no B before it. */
async function kthAction(db: Queryable, p: Population, a: Action, k: number, stage: string | null, without: Action | null): Promise<Match[]> {
  // Live: B logged at any time before now clears the condition; history: only B before the k-th A counts.
  const bBound = p.closed ? sql`b.occurred_at < acts.occurred_at` : sql`b.occurred_at < d.cutoff`;
  const noB = without ? sql`and not exists (select 1 from ${sourceOf([without])} b where b.deal_id = d.id and ${bBound} and ${isAction('b', without)})` : sql``;
  const result = await sql<Row>`
    with d as (${populationCte(p)}),
    acts as (
      select a.deal_id, a.occurred_at, row_number() over (partition by a.deal_id order by a.occurred_at, a.id) as rn
      from ${sourceOf([a])} a join d on d.id = a.deal_id
      where a.occurred_at < d.cutoff and ${isAction('a', a)} and ${inStage('a', stage)}
    )
    select d.id as deal_id, d.status, d.cutoff, acts.occurred_at as matched_at
    from d join acts on acts.deal_id = d.id and acts.rn = ${k}
    where 1 = 1 ${noB}
    order by d.id`.execute(db);
  return result.rows.map((r) => ({ dealId: r.deal_id, status: r.status, cutoff: r.cutoff, matchedAt: r.matched_at }));
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface FollowRow {
  deal_id: string;
  status: string;
  cutoff: string;
  e_at: string;
  next_at: string | null;
}

async function noFollowup(db: Queryable, p: Population, e: Action, days: number, calendar: WorkCalendar): Promise<Match[]> {
  const result = await sql<FollowRow>`
    with d as (${populationCte(p)}),
    ev as (
      select e.deal_id, e.id, e.occurred_at from ${sourceOf([e])} e join d on d.id = e.deal_id
      where e.occurred_at < d.cutoff and ${isAction('e', e)}
    )
    select d.id as deal_id, d.status, d.cutoff, ev.occurred_at as e_at,
      (select min(f.occurred_at) from activities f
        where f.deal_id = d.id and f.effective = 1 and f.id <> ev.id and f.occurred_at > ev.occurred_at and f.occurred_at < d.cutoff) as next_at
    from d join ev on ev.deal_id = d.id
    order by d.id, ev.occurred_at`.execute(db);
  const first = new Map<string, Match>();
  // N working days are at least N calendar days (less an hour for a daylight-saving night): rows that end too soon
  // or are answered sooner are settled without walking the calendar, which is the slow part of a mining run.
  const atLeast = days * DAY_MS - HOUR_MS;
  for (const r of result.rows) {
    if (first.has(r.deal_id)) continue;
    const eAt = Date.parse(r.e_at);
    if (Date.parse(r.cutoff) - eAt <= atLeast) continue;
    if (p.closed ? r.next_at !== null && Date.parse(r.next_at) - eAt <= atLeast : r.next_at !== null) continue;
    const deadline = calendar.addWorkingDays(new Date(r.e_at), days).toISOString();
    // The window must have ended before the cutoff: a deal closed inside it tells nothing about the gap.
    if (deadline >= r.cutoff) continue;
    const gap = p.closed ? r.next_at === null || r.next_at > deadline : r.next_at === null;
    if (gap) first.set(r.deal_id, { dealId: r.deal_id, status: r.status, cutoff: r.cutoff, matchedAt: deadline });
  }
  return [...first.values()];
}

/** The deals of the population that match the template, each once, with the instant it matched. */
export async function evaluate(db: Queryable, t: Template, p: Population, calendar: WorkCalendar): Promise<Match[]> {
  switch (t.template) {
    case 'k_without':
      return kthAction(db, p, t.a, t.k, t.stage, t.b);
    case 'k_in_stage':
      return kthAction(db, p, t.a, t.k, t.stage, null);
    case 'no_followup':
      return noFollowup(db, p, t.e, t.days, calendar);
  }
}
