/** Use cases of the patterns module: read mined patterns and their deals, mine on demand, the model card, settings. */
import type { Deps } from '../../core/http.js';
import { notFound } from '../../core/errors.js';
import { parseJson } from '../../core/json.js';
import { authorize, can, scopeOf, type AnyActor } from '../../core/policy.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import { minePipeline } from './mine.js';
import { loopGroups, type LoopFlag } from './loop.js';
import type { Template } from './templates.js';
import { presentPattern } from './presenter.js';
import * as repo from './repo.js';
import { loadSettings, saveSettings, type settingsSchema } from './settings.js';
import type { z } from 'zod';

type D = Pick<Deps, 'db' | 'clock' | 'config'>;

async function pipelineOr404(deps: D, idOrKey: string) {
  const pipeline = await repo.findPipeline(deps.db, idOrKey);
  if (!pipeline) throw notFound('Pipeline');
  return pipeline;
}

/** Surfaced patterns of a pipeline; admins also get the candidates below the bar (surfaced: false). */
export async function listPatterns(deps: D, actor: AnyActor, pipelineId: string) {
  authorize(actor, 'pattern.read');
  const pipeline = await pipelineOr404(deps, pipelineId);
  const rows = await repo.listPatterns(deps.db, pipeline.id, can(actor, 'pattern.readCandidates'));
  return rows.map(presentPattern);
}

/** The historical deals behind a pattern, in the caller's scope (total = support for org-wide readers). */
export async function patternDeals(deps: D, actor: AnyActor, id: string, page: { page: number; pageSize: number }) {
  authorize(actor, 'pattern.read');
  const pattern = await repo.findPattern(deps.db, id);
  if (!pattern || (pattern.surfaced !== 1 && !can(actor, 'pattern.readCandidates'))) throw notFound('Pattern');
  const { items, total } = await repo.patternDeals(deps.db, scopeOf(actor), id, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
  return {
    items: items.map((r) => ({
      id: r.id,
      title: r.title,
      customer: { id: r.customer_id, name: r.customer_name },
      owner: { id: r.owner_id, name: r.owner_name },
      amountFen: Number(r.amount_fen),
      stageKey: r.stage_key,
      outcome: r.outcome as 'won' | 'lost',
      matchedAt: r.matched_at,
      closedAt: r.closed_at,
    })),
    total,
    support: pattern.support,
  };
}

/** Mines one pipeline now (admin), in one transaction: the patterns, their deals and the model card change together. */
export async function mineNow(deps: D, actor: AnyActor, pipelineId: string) {
  authorize(actor, 'pattern.mine');
  const pipeline = await pipelineOr404(deps, pipelineId);
  const calendar = await loadWorkCalendar(deps.db, deps.config.timeZone);
  const result = await deps.db.transaction().execute((trx) => minePipeline({ db: trx, clock: deps.clock, calendar }, pipeline.id, { trigger: 'manual', slot: null }));
  // A manual run has no slot, so it is never refused.
  return { runId: result!.runId, coldStart: result!.coldStart, tried: result!.tried, surfaced: result!.surfaced, candidates: result!.candidates };
}

export async function modelCard(deps: D, actor: AnyActor, pipelineId: string) {
  authorize(actor, 'pattern.read');
  const pipeline = await pipelineOr404(deps, pipelineId);
  const run = await repo.latestRun(deps.db, pipeline.id);
  const { settings } = await loadSettings(deps.db);
  // The run's own columns (deals used, cold start, version, instant) are answered once, beside the card.
  const { dealsUsed: _d, coldStart: _c, minClosedDeals: _m, settingsVersion: _v, minedAt: _a, ...card } = run ? parseJson<Record<string, unknown>>(run.card, {}) : {};
  return {
    pipelineId: pipeline.id,
    runId: run?.id ?? null,
    minedAt: run?.started_at ?? null,
    trigger: run?.trigger ?? null,
    settingsVersion: run?.settings_version ?? null,
    coldStart: run ? run.cold_start === 1 : true,
    dealsUsed: run?.deals_used ?? 0,
    minClosedDeals: settings.minClosedDeals,
    card,
  };
}

export async function getSettings(deps: D, actor: AnyActor) {
  authorize(actor, 'pattern.read');
  return loadSettings(deps.db);
}

export async function putSettings(deps: D, actor: AnyActor, input: z.input<typeof settingsSchema>) {
  return deps.db.transaction().execute((trx) => saveSettings(trx, deps.clock, actor, input));
}

export const LOOP_LABEL = { zh: '观察性数据，非因果', en: 'Observational data, not causal' };

/**
 * The closed-loop report of a pipeline (managers, in their scope): flagged deals grouped by whether the answering
 * action was done within `loopDays` working days, and the holdout; overall and per pattern.
 */
export async function loopReport(deps: D, actor: AnyActor, pipelineId: string) {
  authorize(actor, 'pattern.readLoop');
  const pipeline = await pipelineOr404(deps, pipelineId);
  const { settings } = await loadSettings(deps.db);
  const calendar = await loadWorkCalendar(deps.db, deps.config.timeZone);
  const rows = await repo.loopFlags(deps.db, scopeOf(actor), pipeline.id);
  const flags: LoopFlag[] = rows.map((r) => ({
    dealId: r.deal_id,
    patternId: r.pattern_id!,
    holdout: r.holdout === 1,
    firstRaisedAt: r.first_raised_at,
    deadline: calendar.addWorkingDays(new Date(r.first_raised_at), settings.loopDays).toISOString(),
    status: r.status,
    closedAt: r.status === 'won' || r.status === 'lost' ? r.stage_entered_at : null,
    template: parseJson<Template>(r.params, null as never),
  }));
  const since = flags.reduce((m, f) => (f.firstRaisedAt < m ? f.firstRaisedAt : m), flags[0]?.firstRaisedAt ?? '');
  const actions = await repo.actionsSince(deps.db, [...new Set(flags.map((f) => f.dealId))], since);
  const names = new Map(rows.map((r) => [r.pattern_id!, { description: r.description, descriptionEn: r.description_en }]));
  return {
    pipelineId: pipeline.id,
    label: LOOP_LABEL.zh,
    labelEn: LOOP_LABEL.en,
    loopDays: settings.loopDays,
    holdoutShare: settings.holdoutShare,
    groups: loopGroups(flags, actions),
    patterns: [...names.entries()].map(([patternId, n]) => ({ patternId, ...n, groups: loopGroups(flags.filter((f) => f.patternId === patternId), actions) })),
  };
}
