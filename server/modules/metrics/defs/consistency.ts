/**
 * Action consistency (动作一致性): do two sellers' records of the same customer agree? For every customer logged by
 * ≥ 2 sellers in the period (activities in the caller's scope), each seller's recorded needs / pain points are the
 * tags of the `need` category (需求/痛点, activity_tag_defs.category) on their activities of that customer in the period;
 * action tags (what was done) say nothing about what the customer needs and are left out. Agreement = tags every one of those
 * sellers recorded ÷ tags any of them recorded. One fact per customer, placed by its state:
 * agree (all recorded the same tags), partial, disagree (no tag in common), untagged (nobody tagged anything).
 * A seller who logged the customer without any tag shares no tag with the others, so such a customer disagrees.
 */
import { sql } from 'kysely';
import { activitiesIn, activityWhere, type MetricContext } from '../context.js';
import { ALL, cellOf, pct, type FactRow, type MetricDef } from '../framework.js';
import type { ConsistencyAnswer } from '../answers.js';
import { inPeriod } from '../sqlparts.js';
import { round } from '../stats.js';

export const CONSISTENCY_STATES = ['agree', 'partial', 'disagree', 'untagged'] as const;

function facts(ctx: MetricContext) {
  return sql<FactRow>`with acts as (
      select activities.id, activities.customer_id, activities.owner_id, activities.occurred_at from ${activitiesIn(ctx)}
      where ${inPeriod(ctx, 'activities.occurred_at')} and ${activityWhere(ctx)}
    ), shared_customers as (
      select customer_id, count(distinct owner_id) as sellers, max(occurred_at) as last_at from acts group by customer_id having count(distinct owner_id) >= 2
    ), seller_tags as (
      select distinct a.customer_id, a.owner_id, t.tag_key from acts a join activity_tags t on t.activity_id = a.id
        join activity_tag_defs d on d.key = t.tag_key and d.category = 'need'
      where a.customer_id in (select customer_id from shared_customers)
    ), per_tag as (
      select customer_id, tag_key, count(*) as k from seller_tags group by customer_id, tag_key
    ), agg as (
      select p.customer_id, count(*) as tags, sum(case when p.k = s.sellers then 1 else 0 end) as agreed
      from per_tag p join shared_customers s on s.customer_id = p.customer_id group by p.customer_id
    )
    select s.customer_id as row_id, s.customer_id as record_id, cast(null as text) as deal_id, s.last_at as "at", 'customer' as kind,
      case when agg.tags is null then 'untagged' when agg.agreed = agg.tags then 'agree' when agg.agreed = 0 then 'disagree' else 'partial' end as state,
      s.sellers as sellers, coalesce(agg.agreed, 0) as agreed, coalesce(agg.tags, 0) as tags
    from shared_customers s left join agg on agg.customer_id = s.customer_id`;
}

export const consistency: MetricDef<ConsistencyAnswer> = {
  name: 'consistency',
  title: { zh: '动作一致性', en: 'Action consistency' },
  explain: {
    zh: '本期被 ≥ 2 名销售记录过互动的客户：各销售在其活动上记录的需求/痛点标签（标签类别“需求/痛点”，不含动作标签）是否一致。一致度 = 所有销售都记录的标签 ÷ 任一销售记录的标签；完全一致、部分一致、无共同标签、均未打标签分别计数（某销售未打任何标签即视为无共同标签）。',
    en: 'Customers logged by ≥ 2 sellers in the period: do the needs / pain-point tags (tag category `need`, not action tags) each seller recorded on their activities agree? Agreement = tags every seller recorded ÷ tags any seller recorded; customers counted as agree, partial, disagree (no tag in common) or untagged (a seller who tagged nothing shares no tag with the others).',
  },
  dims: ['state'],
  facts,
  async figure(_ctx, run) {
    const rows = await run.rows<{ state: string; agreed: number | string; tags: number | string }>(['agreed', 'tags']);
    const count = (state: string) => rows.filter((r) => r.state === state).length;
    const tagged = rows.filter((r) => Number(r.tags) > 0);
    const mean = tagged.length ? tagged.reduce((a, r) => a + Number(r.agreed) / Number(r.tags), 0) / tagged.length : null;
    return {
      customers: { cell: ALL, value: rows.length },
      states: CONSISTENCY_STATES.map((state) => ({ state, cell: cellOf(consistency, { state }), value: count(state) })),
      agreement: mean === null ? null : round(mean * 100),
      agreeRate: pct(count('agree'), tagged.length),
    };
  },
  tables(a) {
    const label: Record<string, string> = { agree: '完全一致 / agree', partial: '部分一致 / partial', disagree: '无共同标签 / disagree', untagged: '均未打标签 / untagged' };
    return [
      {
        title: { zh: '动作一致性', en: 'Action consistency' },
        columns: [
          { key: 'state', title: { zh: '一致性', en: 'Consistency' } },
          { key: 'customers', title: { zh: '客户数', en: 'Customers' } },
        ],
        rows: [
          ...a.states.map((s) => ({ state: label[s.state], customers: s.value })),
          { state: '合计 / total', customers: a.customers.value },
          { state: '平均一致度 % / mean agreement %', customers: a.agreement },
        ],
      },
    ];
  },
};
