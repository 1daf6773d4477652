/**
 * Live flags: evaluates open deals against their pipeline's surfaced risk patterns (or, in cold start, the expert
 * rules) as of `now`, and brings `deal_risk_flags` in line — a new match raises a flag (event `risk.flagged`,
 * which rules can trigger on, and a notification to the owner and their lead), a condition that no longer holds
 * clears it (`risk.cleared`). Called by the exactly-once event consumer for the deal an event touches, and by
 * the hourly sweep for conditions that become true with time alone (no interaction for N working days).
 * Notifications are throttled per flag: at most one per `notifyEveryDays`, decided by a compare-and-set on
 * `last_notified_at`, so two processes never both notify. A holdout share (settings.holdoutShare) gets its flag
 * recorded without suggestion or notification, for the closed-loop comparison.
 */
import { commandIn } from '../../core/command.js';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { resolveRecipients } from '../sla/recipients.js';
import { evaluateRules, ruleLabel } from './coldstart.js';
import { presentPattern } from './presenter.js';
import * as repo from './repo.js';
import { loadSettings, type PatternSettings } from './settings.js';
import { evaluate, type Template } from './templates.js';

export interface LiveDeps {
  db: Queryable;
  clock: Clock;
  calendar: WorkCalendar;
}

interface Condition {
  dealId: string;
  sourceKey: string;
  kind: 'pattern' | 'rule';
  patternId: string | null;
  evidence: { sentence: string; sentenceEn: string; description: string; descriptionEn: string; rule?: string };
  suggestion: string | null;
  suggestionEn: string | null;
}

const DAY_MS = 86_400_000;

function inHoldout(dealId: string, sourceKey: string, share: number): boolean {
  if (share <= 0) return false;
  const h = createHash('sha256').update(`${dealId}|${sourceKey}`).digest().readUInt32BE(0) / 2 ** 32;
  return h < share;
}

/** Whether a pipeline is mined (patterns) or in cold start (rules): its latest run decides; no run = cold start. */
export async function modeOf(db: Queryable, pipelineId: string): Promise<'patterns' | 'rules'> {
  const run = await repo.latestRun(db, pipelineId);
  return run && run.cold_start === 0 ? 'patterns' : 'rules';
}

async function conditionsFor(deps: LiveDeps, settings: PatternSettings, pipelineId: string, deals: { id: string; customer_id: string; stage_key: string; amount_fen: number; created_at: string }[]): Promise<Condition[]> {
  const now = deps.clock.now().toISOString();
  const out: Condition[] = [];
  if ((await modeOf(deps.db, pipelineId)) === 'rules') {
    for (const hit of await evaluateRules(deps.db, deps.calendar, settings, deals, now)) {
      const label = ruleLabel(hit.rule, settings.rules);
      out.push({ dealId: hit.dealId, sourceKey: `rule:${hit.rule}`, kind: 'rule', patternId: null, evidence: { sentence: label.zh, sentenceEn: label.en, description: label.zh, descriptionEn: label.en, rule: hit.rule }, suggestion: label.suggestion, suggestionEn: label.suggestionEn });
    }
    return out;
  }
  const ids = deals.map((d) => d.id);
  // Live, what happened up to and including now counts: the cutoff is the next millisecond.
  const cutoff = new Date(deps.clock.now().getTime() + 1).toISOString();
  for (const row of await repo.surfacedPatterns(deps.db, pipelineId)) {
    if (row.kind !== 'risk') continue;
    const template = parseJson<Template>(row.params, null as never);
    const p = presentPattern(row);
    for (const m of await evaluate(deps.db, template, { closed: false, now: cutoff, dealIds: ids }, deps.calendar)) {
      out.push({ dealId: m.dealId, sourceKey: `pattern:${row.id}`, kind: 'pattern', patternId: row.id, evidence: { sentence: p.evidence, sentenceEn: p.evidenceEn, description: p.description, descriptionEn: p.descriptionEn }, suggestion: row.suggestion, suggestionEn: row.suggestion_en });
    }
  }
  return out;
}

export interface SyncResult {
  raised: number;
  cleared: number;
  notified: number;
}

/** Re-evaluates the given deals (any status: closed ones lose their flags) and syncs their flags. */
export async function evaluateDeals(deps: LiveDeps, dealIds: string[]): Promise<SyncResult> {
  const result: SyncResult = { raised: 0, cleared: 0, notified: 0 };
  if (dealIds.length === 0) return result;
  const { db, clock } = deps;
  const { settings } = await loadSettings(db);
  const deals = await db.selectFrom('deals').select(['id', 'pipeline_id', 'status', 'owner_id', 'team_path', 'title', 'customer_id', 'stage_key', 'amount_fen', 'created_at']).where('id', 'in', dealIds).execute();
  const byPipeline = new Map<string, typeof deals>();
  for (const d of deals) if (d.status === 'open') byPipeline.set(d.pipeline_id, [...(byPipeline.get(d.pipeline_id) ?? []), d]);
  const conditions: Condition[] = [];
  for (const [pipelineId, list] of byPipeline) conditions.push(...(await conditionsFor(deps, settings, pipelineId, list)));
  const wanted = new Map(conditions.map((c) => [`${c.dealId}|${c.sourceKey}`, c]));
  const existing = await db.selectFrom('deal_risk_flags').selectAll().where('deal_id', 'in', dealIds).execute();
  const now = clock.now().toISOString();
  const dealOf = new Map(deals.map((d) => [d.id, d]));
  for (const flag of existing) {
    const key = `${flag.deal_id}|${flag.source_key}`;
    const c = wanted.get(key);
    wanted.delete(key);
    const deal = dealOf.get(flag.deal_id)!;
    if (!c) {
      if (flag.active !== 1) continue;
      await db.updateTable('deal_risk_flags').set({ active: 0, cleared_at: now }).where('id', '=', flag.id).execute();
      await commandIn(db, clock, { entity: 'deal', actorId: null }).emit(flag.deal_id, { type: 'risk.cleared', payload: { ownerId: deal.owner_id, sourceKey: flag.source_key } });
      result.cleared++;
      continue;
    }
    if (flag.active === 1) continue;
    await db.updateTable('deal_risk_flags').set({ active: 1, raised_at: now, cleared_at: null, evidence: toJson(c.evidence), suggestion: flag.holdout ? null : c.suggestion, suggestion_en: flag.holdout ? null : c.suggestionEn }).where('id', '=', flag.id).execute();
    await raised(deps, settings, { ...flag, pipeline_id: deal.pipeline_id }, deal, c, result);
  }
  for (const c of wanted.values()) {
    const deal = dealOf.get(c.dealId)!;
    const holdout = inHoldout(c.dealId, c.sourceKey, settings.holdoutShare) ? 1 : 0;
    const row = { id: newId(), deal_id: c.dealId, source_key: c.sourceKey, kind: c.kind, pattern_id: c.patternId, active: 1, evidence: toJson(c.evidence), suggestion: holdout ? null : c.suggestion, suggestion_en: holdout ? null : c.suggestionEn, holdout, first_raised_at: now, raised_at: now, cleared_at: null, last_notified_at: null, notify_count: 0 };
    // Two processes may raise the same new flag: the unique (deal, source) row lets exactly one of them go on.
    const inserted = await db.insertInto('deal_risk_flags').values(row).onConflict((oc) => oc.columns(['deal_id', 'source_key']).doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    await raised(deps, settings, { ...row, pipeline_id: deal.pipeline_id }, deal, c, result);
  }
  return result;
}

async function raised(
  deps: LiveDeps,
  settings: PatternSettings,
  flag: { id: string; holdout: number; pipeline_id: string },
  deal: { id: string; owner_id: string; team_path: string; title: string },
  c: Condition,
  result: SyncResult,
) {
  const { db, clock } = deps;
  result.raised++;
  await commandIn(db, clock, { entity: 'deal', actorId: null }).emit(deal.id, { type: 'risk.flagged', payload: { pipelineId: flag.pipeline_id, ownerId: deal.owner_id, sourceKey: c.sourceKey, kind: c.kind, patternId: c.patternId, evidence: c.evidence.sentence } });
  if (flag.holdout === 1) return;
  const now = clock.now();
  const cutoff = new Date(now.getTime() - settings.notifyEveryDays * DAY_MS).toISOString();
  const claimed = await db
    .updateTable('deal_risk_flags')
    .set({ last_notified_at: now.toISOString(), notify_count: sql<number>`notify_count + 1` })
    .where('id', '=', flag.id)
    .where((eb) => eb.or([eb('last_notified_at', 'is', null), eb('last_notified_at', '<=', cutoff)]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows ?? 0) !== 1) return;
  const count = (await db.selectFrom('deal_risk_flags').select('notify_count').where('id', '=', flag.id).executeTakeFirstOrThrow()).notify_count;
  const recipients = await resolveRecipients(db, { id: deal.owner_id, teamPath: deal.team_path }, ['owner', 'owner.lead']);
  const advice = c.suggestion ? `建议：${c.suggestion}` : '';
  const adviceEn = c.suggestionEn ? `Suggested: ${c.suggestionEn}` : '';
  for (const userId of recipients) {
    await enqueueNotification(db, clock, {
      idempotencyKey: `risk:${flag.id}:${count}:${userId}`,
      userId,
      title: `商机风险：${deal.title}`,
      titleEn: `Deal at risk: ${deal.title}`,
      body: [c.evidence.description, c.evidence.sentence, advice].filter(Boolean).join('\n'),
      bodyEn: [c.evidence.descriptionEn, c.evidence.sentenceEn, adviceEn].filter(Boolean).join('\n'),
      link: `/deals/${deal.id}`,
      subject: { type: 'deal', id: deal.id },
      channels: ['inapp'],
    });
    result.notified++;
  }
}
