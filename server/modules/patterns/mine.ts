/**
 * Pattern mining over a pipeline's closed deals: every template with every parameter combination of the grid
 * (actions seen before close × stages × k, N from the settings) is evaluated in SQL, scored (support, outcome rate,
 * Wilson interval, baseline, lift) twice — on all closed deals and on the training part of the time split alone
 * (backtest.ts `timeSplit`: the deals closed before the split instant) — and kept as a candidate when either beats its
 * baseline with a minimum of support. Surfacing is decided on the training part only: per family (the same actions
 * at different k or stage) the strongest pattern that clears the bar (settings.minSupport, minLift, interval above
 * the baseline) on the training deals is picked without looking at a test deal, and it is shown when it also clears
 * the bar on all history (the evidence it states). So a pattern that only holds among the recent (test) deals is never
 * surfaced, and the model card's out-of-time precision is measured on deals the choice never saw. A run replaces the
 * pipeline's patterns and their drill rows, and writes the model card (backtest.ts) with the secondary risk score
 * (score.ts). Below `minClosedDeals` the pipeline is in cold start: no patterns,
 * the expert rules warn instead.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import type { PatternDealsTable, PatternsTable } from '../../db/schema-predictive.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { buildCard, timeSplit, type CardPattern, type ModelCard, type TimeSplit } from './backtest.js';
import * as repo from './repo.js';
import { buildRiskScore } from './score.js';
import { loadSettings, type PatternSettings } from './settings.js';
import { clearsBar, score, type Scored } from './stats.js';
import { describe, evaluate, kindOf, outcomeOf, templateKey, type Action, type Match, type Template } from './templates.js';

export interface MineDeps {
  db: Queryable;
  clock: Clock;
  calendar: WorkCalendar;
}

interface Candidate {
  template: Template;
  matches: Match[];
  /** On all closed deals: the evidence shown. */
  scored: Scored;
  /** On the training deals only: what surfacing is decided on. */
  train: Scored;
}

export function patternId(pipelineId: string, t: Template): string {
  return createHash('sha256').update(`${pipelineId}|${templateKey(t)}`).digest('hex').slice(0, 20);
}

const family = (t: Template) => (t.template === 'k_without' ? `${t.template}|${t.a}|${t.b}` : t.template === 'k_in_stage' ? `${t.template}|${t.a}` : `${t.template}|${t.e}`);

/** The grid of templates to try; `k_without` only where its `k_in_stage` parent has enough deals (it can only be smaller). */
async function candidates(deps: MineDeps, pipelineId: string, settings: PatternSettings, stages: string[], baseline: { lost: number; won: number; total: number }, split: TimeSplit) {
  const { db, calendar } = deps;
  const actions = (await repo.actionsBeforeClose(db, pipelineId)) as Action[];
  const floor = Math.min(10, settings.minSupport);
  const population = { closed: true as const, pipelineId };
  const found: Candidate[] = [];
  let tried = 0;
  const keep = async (template: Template) => {
    tried++;
    const matches = await evaluate(db, template, population, calendar);
    const outcome = outcomeOf(template);
    const hits = matches.filter((m) => m.status === outcome).length;
    const scored = score(hits, matches.length, outcome === 'lost' ? baseline.lost : baseline.won, baseline.total);
    const inTrain = matches.filter((m) => split.train.has(m.dealId));
    const trainHits = inTrain.filter((m) => m.status === outcome).length;
    const train = score(trainHits, inTrain.length, outcome === 'lost' ? split.trainLost : split.trainCount - split.trainLost, split.trainCount);
    const beats = (s: Scored) => s.support >= floor && s.outcomeRate > s.baseline;
    if (beats(scored) || beats(train)) found.push({ template, matches, scored, train });
    return matches;
  };
  for (const a of actions) {
    for (const stage of [null, ...stages]) {
      for (const k of settings.kValues) {
        const parent = await keep({ template: 'k_in_stage', a, k, stage });
        if (parent.length < floor) continue;
        for (const b of actions) if (b !== a) await keep({ template: 'k_without', a, b, k, stage });
      }
    }
    for (const days of settings.followupDays) await keep({ template: 'no_followup', e: a, days });
  }
  return { found, tried };
}

/**
 * Per family the strongest pattern that clears the bar on the training deals: highest interval low end, then support,
 * then the more specific (a named stage, a higher k) — all judged on `train` scores, so no test deal takes part.
 */
function pickOnTrain(found: Candidate[], settings: PatternSettings): Set<Candidate> {
  const best = new Map<string, Candidate>();
  const rank = (c: Candidate) => [c.train.ciLow, c.train.support, 'stage' in c.template && c.template.stage ? 1 : 0, 'k' in c.template ? c.template.k : 0];
  const better = (x: Candidate, y: Candidate) => {
    const [a, b] = [rank(x), rank(y)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
    return templateKey(x.template) < templateKey(y.template);
  };
  for (const c of found) {
    if (!clearsBar(c.train, settings)) continue;
    const f = family(c.template);
    const current = best.get(f);
    if (!current || better(c, current)) best.set(f, c);
  }
  return new Set(best.values());
}

/**
 * A suggestion per pattern: the missing action's own advice (k_without: log B; k_in_stage: keep doing C); for
 * no_followup the action most associated with recovery — among the pattern's historical deals, the tag logged after
 * the match on the largest share of those later won (at least 5 deals).
 */
async function suggestionFor(db: Queryable, c: Candidate, suggestions: Map<string, { zh: string | null; en: string | null }>, labels: Map<string, { label: string; labelEn: string }>) {
  const advice = (action: Action) => {
    const s = suggestions.get(action);
    const l = labels.get(action);
    return { zh: s?.zh ?? (l ? `记录「${l.label}」` : null), en: s?.en ?? (l ? `Log "${l.labelEn}"` : null) };
  };
  const t = c.template;
  if (t.template === 'k_without') return advice(t.b);
  if (t.template === 'k_in_stage') return advice(t.a);
  const ids = c.matches.map((m) => m.dealId);
  if (ids.length === 0) return { zh: null, en: null };
  const after = new Map(c.matches.map((m) => [m.dealId, m]));
  const rows = await db
    .selectFrom('activity_tags')
    .innerJoin('activities', 'activities.id', 'activity_tags.activity_id')
    .select(['activities.deal_id', 'activities.occurred_at', 'activity_tags.tag_key'])
    .where('activities.deal_id', 'in', ids)
    .execute();
  const perTag = new Map<string, Set<string>>();
  for (const r of rows) {
    const m = after.get(r.deal_id!);
    if (!m || r.occurred_at <= m.matchedAt || r.occurred_at >= m.cutoff) continue;
    perTag.set(r.tag_key, (perTag.get(r.tag_key) ?? new Set()).add(r.deal_id!));
  }
  let bestTag: string | null = null;
  let bestRate = -1;
  for (const [tag, deals] of [...perTag.entries()].sort()) {
    if (deals.size < 5) continue;
    const rate = [...deals].filter((d) => after.get(d)!.status === 'won').length / deals.size;
    if (rate > bestRate) [bestTag, bestRate] = [tag, rate];
  }
  return bestTag ? advice(`tag:${bestTag}`) : { zh: '安排一次有效互动（如二次讲解）', en: 'Book an effective interaction (e.g. a second walkthrough)' };
}

export interface RunResult {
  runId: string;
  coldStart: boolean;
  card: ModelCard | null;
  tried: number;
  surfaced: number;
  candidates: number;
}

/**
 * Mines one pipeline in the caller's transaction. A scheduled run first claims its `(pipeline, slot)` row; if another
 * process holds it, nothing happens (null).
 */
export async function minePipeline(deps: MineDeps, pipelineId: string, run: { trigger: 'manual' | 'schedule'; slot: string | null }): Promise<RunResult | null> {
  const { db, clock } = deps;
  const now = clock.now().toISOString();
  const { version, settings } = await loadSettings(db);
  const runId = newId();
  const claimed = await db
    .insertInto('pattern_runs')
    .values({ id: runId, pipeline_id: pipelineId, settings_version: version, trigger: run.trigger, slot: run.slot, started_at: now, deals_used: 0, cold_start: 0, card: '{}' })
    .onConflict((oc) => oc.columns(['pipeline_id', 'slot']).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  const pipeline = await repo.findPipeline(db, pipelineId);
  const closed = await repo.closedDeals(db, pipelineId);
  const lost = closed.filter((d) => d.status === 'lost').length;
  if (!pipeline || closed.length < settings.minClosedDeals) {
    await repo.replacePatterns(db, pipelineId, [], []);
    await db.updateTable('pattern_runs').set({ deals_used: closed.length, cold_start: 1, card: toJson({ coldStart: true, dealsUsed: closed.length, minClosedDeals: settings.minClosedDeals }) }).where('id', '=', runId).execute();
    return { runId, coldStart: true, card: null, tried: 0, surfaced: 0, candidates: 0 };
  }
  const stages = pipeline.stages.filter((s) => !s.terminal);
  const stageNames = new Map(pipeline.stages.map((s) => [s.key, { zh: s.zh, en: s.en }]));
  const split = timeSplit(closed, settings.testShare);
  const { found, tried } = await candidates(deps, pipelineId, settings, stages.map((s) => s.key), { lost, won: closed.length - lost, total: closed.length }, split);
  const onTrain = pickOnTrain(found, settings);
  const surfaced = new Set([...onTrain].filter((c) => clearsBar(c.scored, settings)));
  const { labels, suggestions } = await repo.tagLabels(db);
  // Candidates below the bar are kept for admins, the surfaced and the training picks first, then the strongest, at most 100 per pipeline.
  const order = (c: Candidate) => Number(surfaced.has(c)) * 2 + Number(onTrain.has(c));
  const kept = [...found].sort((x, y) => order(y) - order(x) || y.scored.ciLow - x.scored.ciLow).slice(0, Math.max(100, onTrain.size));
  const rows: PatternsTable[] = [];
  const dealRows: PatternDealsTable[] = [];
  const cardInput: CardPattern[] = [];
  for (const c of kept) {
    const id = patternId(pipelineId, c.template);
    const text = describe(c.template, labels, stageNames);
    const isSurfaced = surfaced.has(c);
    const advice = isSurfaced ? await suggestionFor(db, c, suggestions, labels) : { zh: null, en: null };
    rows.push({ id, pipeline_id: pipelineId, run_id: runId, template: c.template.template, params: toJson(c.template), kind: kindOf(c.template), description: text.zh, description_en: text.en, suggestion: advice.zh, suggestion_en: advice.en, support: c.scored.support, outcome_count: c.scored.outcomeCount, outcome_rate: c.scored.outcomeRate, ci_low: c.scored.ciLow, ci_high: c.scored.ciHigh, baseline: c.scored.baseline, lift: c.scored.lift, surfaced: isSurfaced ? 1 : 0, mined_at: now });
    const facts = c.matches.map((m) => ({ dealId: m.dealId, outcome: m.status as 'won' | 'lost', matchedAt: m.matchedAt, closedAt: m.cutoff }));
    for (const f of facts) dealRows.push({ pattern_id: id, deal_id: f.dealId, outcome: f.outcome, matched_at: f.matchedAt, closed_at: f.closedAt });
    // The backtest gets every training pick, shown or not: its out-of-time figures must not depend on the test deals.
    if (onTrain.has(c)) cardInput.push({ id, description: text.zh, descriptionEn: text.en, kind: kindOf(c.template), surfaced: isSurfaced, matches: facts });
  }
  await repo.replacePatterns(db, pipelineId, rows, dealRows);
  const card = buildCard(closed, cardInput, settings);
  const streams = await repo.closedStreams(db, pipelineId);
  const scoreDeals = closed.map((d) => ({ id: d.id, status: d.status as 'won' | 'lost', createdAt: d.created_at, closedAt: d.closed_at, events: streams.get(d.id) ?? [] }));
  const riskScore = buildRiskScore(scoreDeals, card.split.trainDeals, settings.minLift);
  await db
    .updateTable('pattern_runs')
    .set({ deals_used: closed.length, card: toJson({ ...card, riskScore, coldStart: false, candidatesTried: tried, settingsVersion: version, minedAt: now, leakageGuard: 'events strictly before each deal’s close' }) })
    .where('id', '=', runId)
    .execute();
  return { runId, coldStart: false, card, tried, surfaced: surfaced.size, candidates: kept.length - surfaced.size };
}
