/**
 * Cold start: below the data threshold a pipeline has no mined patterns, only labelled expert rules with their
 * thresholds (settings.rules). They are rules of thumb, said so on screen ("规则"), never presented as learnt.
 * Each returns the open deals (of those given) it currently holds for, as of `now`.
 */
import { parseJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { PatternSettings } from './settings.js';

export interface RuleHit {
  dealId: string;
  rule: RuleKey;
}

export const RULE_KEYS = ['no_interaction', 'stalled_sla', 'single_contact', 'close_date_pushed', 'unanswered'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

/** The label of a rule with its threshold, both languages. */
export function ruleLabel(rule: RuleKey, r: PatternSettings['rules']): { zh: string; en: string; suggestion: string; suggestionEn: string } {
  const yuan = Math.round(r.singleContactAmountFen / 100).toLocaleString('en-US');
  switch (rule) {
    case 'no_interaction':
      return { zh: `规则：${r.noInteractionDays} 个工作日无有效互动`, en: `Rule: no effective interaction in ${r.noInteractionDays} working days`, suggestion: '今天联系客户，约定下一步', suggestionEn: 'Contact the customer today and agree a next step' };
    case 'stalled_sla':
      return { zh: '规则：停留超过阶段时限（SLA）', en: 'Rule: in stage beyond its SLA', suggestion: '推进到下一阶段或说明卡点', suggestionEn: 'Move the deal on or record what blocks it' };
    case 'single_contact':
      return { zh: `规则：金额 ≥ ¥${yuan} 的商机只有 1 位联系人`, en: `Rule: a single contact on a deal ≥ ¥${yuan}`, suggestion: '结识第二位决策相关人（如技术主任）', suggestionEn: 'Meet a second stakeholder (e.g. the technical director)' };
    case 'close_date_pushed':
      return { zh: `规则：预计成交日期已推迟 ${r.closeDatePushes} 次及以上`, en: `Rule: expected close date pushed ${r.closeDatePushes}+ times`, suggestion: '与客户确认真实的决策时间表', suggestionEn: 'Confirm the real decision timeline with the customer' };
    case 'unanswered':
      return { zh: `规则：连续 ${r.unansweredTouches} 次触达无回应`, en: `Rule: ${r.unansweredTouches} outbound touches with no reply`, suggestion: '换一种渠道或换一位联系人', suggestionEn: 'Try another channel or another contact' };
  }
}

interface OpenDeal {
  id: string;
  customer_id: string;
  stage_key: string;
  amount_fen: number;
  created_at: string;
}

export async function evaluateRules(db: Queryable, calendar: WorkCalendar, settings: PatternSettings, deals: OpenDeal[], now: string): Promise<RuleHit[]> {
  if (deals.length === 0) return [];
  const r = settings.rules;
  const ids = deals.map((d) => d.id);
  const hits: RuleHit[] = [];
  const lastEffective = new Map(
    (await db.selectFrom('activities').select(['deal_id', (eb) => eb.fn.max('occurred_at').as('at')]).where('deal_id', 'in', ids).where('effective', '=', 1).where('occurred_at', '<=', now).groupBy('deal_id').execute()).map((x) => [x.deal_id!, String(x.at)]),
  );
  const stalled = new Set(
    (await db.selectFrom('sla_timers').innerJoin('deals', 'deals.id', 'sla_timers.subject_id').select('sla_timers.subject_id').where('sla_timers.subject_type', '=', 'deal').where('sla_timers.subject_id', 'in', ids).where('sla_timers.kind', '=', 'stage_dwell').whereRef('sla_timers.stage_key', '=', 'deals.stage_key').where('sla_timers.status', '!=', 'cancelled').where('sla_timers.level_reached', '>=', 1).execute()).map((x) => x.subject_id),
  );
  const contacts = new Map(
    (await db.selectFrom('contacts').select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')]).where('customer_id', 'in', [...new Set(deals.map((d) => d.customer_id))]).groupBy('customer_id').execute()).map((x) => [x.customer_id, Number(x.n)]),
  );
  const pushes = new Map<string, number>();
  for (const e of await db.selectFrom('events').select(['entity_id', 'payload']).where('type', '=', 'deal.updated').where('entity_id', 'in', ids).execute()) {
    const p = parseJson<{ changed?: string[]; before?: Record<string, unknown>; after?: Record<string, unknown> }>(e.payload, {});
    const before = p.before?.expectedCloseDate;
    const after = p.after?.expectedCloseDate;
    if (p.changed?.includes('expectedCloseDate') && typeof before === 'string' && typeof after === 'string' && after > before) pushes.set(e.entity_id, (pushes.get(e.entity_id) ?? 0) + 1);
  }
  const recent = await db.selectFrom('activities').select(['deal_id', 'effective', 'occurred_at']).where('deal_id', 'in', ids).where('occurred_at', '<=', now).orderBy('occurred_at', 'desc').execute();
  const lastTouches = new Map<string, number[]>();
  for (const a of recent) {
    const list = lastTouches.get(a.deal_id!) ?? [];
    if (list.length < r.unansweredTouches) list.push(a.effective);
    lastTouches.set(a.deal_id!, list);
  }
  for (const d of deals) {
    const since = lastEffective.get(d.id) ?? d.created_at;
    if (calendar.addWorkingDays(new Date(since), r.noInteractionDays).toISOString() <= now) hits.push({ dealId: d.id, rule: 'no_interaction' });
    if (stalled.has(d.id)) hits.push({ dealId: d.id, rule: 'stalled_sla' });
    if (Number(d.amount_fen) >= r.singleContactAmountFen && (contacts.get(d.customer_id) ?? 0) <= 1) hits.push({ dealId: d.id, rule: 'single_contact' });
    if ((pushes.get(d.id) ?? 0) >= r.closeDatePushes) hits.push({ dealId: d.id, rule: 'close_date_pushed' });
    const touches = lastTouches.get(d.id) ?? [];
    if (touches.length >= r.unansweredTouches && touches.every((x) => x === 0)) hits.push({ dealId: d.id, rule: 'unanswered' });
  }
  return hits;
}
