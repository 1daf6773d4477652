/** Reading live flags: on one deal (GET /api/deals/{id}/risks) and across the caller's scope (to-do, lead's view). */
import { z } from 'zod';
import { userRef } from '../../core/contract.js';
import type { Deps } from '../../core/http.js';
import { parseJson } from '../../core/json.js';
import { scopeOf, type Actor } from '../../core/policy.js';
import type { DealRiskFlagsTable } from '../../db/schema-predictive.js';
import { getDeal } from '../deals/service.js';
import { scopeFilter } from '../org/scope-sql.js';
import { modeOf } from './live.js';

export const riskFlagSchema = z
  .object({
    id: z.string(),
    dealId: z.string(),
    kind: z.enum(['pattern', 'rule']).describe('rule: an expert rule of thumb (cold start), labelled as such'),
    sourceKey: z.string(),
    patternId: z.string().nullable(),
    description: z.string(),
    descriptionEn: z.string(),
    evidence: z.string().describe('pattern: "150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50%"; rule: its label and threshold'),
    evidenceEn: z.string(),
    suggestion: z.string().nullable(),
    suggestionEn: z.string().nullable(),
    drill: z.string().nullable().describe('the historical deals behind the pattern (GET)'),
    holdout: z.boolean().describe('in the holdout share: no suggestion, no notification'),
    active: z.boolean(),
    firstRaisedAt: z.string(),
    raisedAt: z.string(),
    clearedAt: z.string().nullable(),
    notifyCount: z.number().int(),
  })
  .meta({ id: 'RiskFlag' });

export const dealRisksSchema = z
  .object({ mode: z.enum(['patterns', 'rules']).describe('rules: the pipeline is below the data threshold (cold start)'), items: z.array(riskFlagSchema) })
  .meta({ id: 'DealRisks' });

export const riskListSchema = z
  .object({ items: z.array(riskFlagSchema.extend({ deal: z.object({ id: z.string(), title: z.string(), stageKey: z.string(), owner: userRef }) })), total: z.number().int() })
  .meta({ id: 'RiskFlagList' });

export function presentFlag(row: DealRiskFlagsTable): z.infer<typeof riskFlagSchema> {
  const e = parseJson<{ sentence?: string; sentenceEn?: string; description?: string; descriptionEn?: string }>(row.evidence, {});
  return {
    id: row.id,
    dealId: row.deal_id,
    kind: row.kind === 'rule' ? 'rule' : 'pattern',
    sourceKey: row.source_key,
    patternId: row.pattern_id,
    description: e.description ?? '',
    descriptionEn: e.descriptionEn ?? '',
    evidence: e.sentence ?? '',
    evidenceEn: e.sentenceEn ?? '',
    suggestion: row.suggestion,
    suggestionEn: row.suggestion_en,
    drill: row.pattern_id ? `/api/patterns/${row.pattern_id}/deals` : null,
    holdout: row.holdout === 1,
    active: row.active === 1,
    firstRaisedAt: row.first_raised_at,
    raisedAt: row.raised_at,
    clearedAt: row.cleared_at,
    notifyCount: row.notify_count,
  };
}

export async function dealRisks(deps: Pick<Deps, 'db'>, actor: Actor, dealId: string, all: boolean) {
  const deal = await getDeal(deps.db, actor, dealId);
  let q = deps.db.selectFrom('deal_risk_flags').selectAll().where('deal_id', '=', dealId);
  if (!all) q = q.where('active', '=', 1);
  const rows = await q.orderBy('raised_at', 'desc').orderBy('id').execute();
  return { mode: await modeOf(deps.db, deal.pipelineId), items: rows.map(presentFlag) };
}

/** Active flags on open deals in the caller's scope, newest first (a seller's to-do, a lead's team view). */
export async function listRisks(deps: Pick<Deps, 'db'>, actor: Actor, query: { pipelineId?: string; ownerId?: string; page: number; pageSize: number }) {
  let base = deps.db
    .selectFrom('deal_risk_flags')
    .innerJoin('deals', 'deals.id', 'deal_risk_flags.deal_id')
    .where('deal_risk_flags.active', '=', 1)
    .where('deals.status', '=', 'open')
    .where(scopeFilter(scopeOf(actor), 'deals'));
  if (query.pipelineId) base = base.where('deals.pipeline_id', '=', query.pipelineId);
  if (query.ownerId) base = base.where('deals.owner_id', '=', query.ownerId);
  const rows = await base
    .innerJoin('users', 'users.id', 'deals.owner_id')
    .selectAll('deal_risk_flags')
    .select(['deals.title as deal_title', 'deals.stage_key as deal_stage', 'deals.owner_id as deal_owner', 'users.display_name as owner_name'])
    .orderBy('deal_risk_flags.raised_at', 'desc')
    .orderBy('deal_risk_flags.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return {
    items: rows.map((r) => ({ ...presentFlag(r), deal: { id: r.deal_id, title: r.deal_title, stageKey: r.deal_stage, owner: { id: r.deal_owner, name: r.owner_name } } })),
    total: Number(count?.n ?? 0),
  };
}
