/**
 * Stalled deals: open deals that are in their stage beyond the stage's SLA (the first level of its ladder, counted
 * from entry) and have had no effective interaction for `idleDays` working days (default 5). A stalled deal with a
 * next action scheduled (an open task on it due from now on, or an activity's next action still ahead) is "planned",
 * shown, not hidden. Each seller's stalled share of their open deals is compared with the team's; ≥ 2× is flagged.
 * Stages without an SLA never count a deal as beyond it.
 */
import { sql, type RawBuilder } from 'kysely';
import { stageLabel } from '../../pipelines/definition.js';
import { parseDuration } from '../../pipelines/sla-spec.js';
import { dealWhere, requirePipeline, type MetricContext } from '../context.js';
import { ALL, cellOf, pct, Tally, type FactRow, type MetricDef } from '../framework.js';
import { userNames, userRef } from '../sqlparts.js';
import type { StalledAnswer } from '../answers.js';

export const DEFAULT_IDLE_DAYS = 5;
const BUSINESS_HOURS_PER_DAY = 8;

/** The instant before which entering the stage means "beyond its SLA" now, or null without an SLA. */
export function slaCutoff(ctx: MetricContext, after: string | undefined): string | null {
  if (!after) return null;
  const { n, unit } = parseDuration(after);
  const now = ctx.now;
  if (unit === 'h') return new Date(now.getTime() - n * 3600_000).toISOString();
  if (unit === 'd') return new Date(now.getTime() - n * 86_400_000).toISOString();
  // Business hours are read as working-day fractions of an 8-hour day (the team hours are a per-team refinement).
  const days = unit === 'wd' ? n : n / BUSINESS_HOURS_PER_DAY;
  return ctx.working().back(now, days).toISOString();
}

function facts(ctx: MetricContext) {
  const p = requirePipeline(ctx);
  const open = p.def.stages.filter((s) => !s.terminal);
  if (open.length === 0) return null;
  const cutoffs = open.map((s) => [s.key, slaCutoff(ctx, s.sla?.ladder.find((l) => l.since === 'entry')?.after)] as const).filter(([, c]) => c !== null);
  const beyond: RawBuilder<unknown> = cutoffs.length
    ? sql`(case deals.stage_key ${sql.join(cutoffs.map(([k, c]) => sql`when ${k} then (case when deals.stage_entered_at < ${c} then 1 else 0 end)`), sql` `)} else 0 end)`
    : sql`0`;
  const idleCut = ctx.working().back(ctx.now, ctx.filters.idleDays ?? DEFAULT_IDLE_DAYS).toISOString();
  const nowIso = ctx.asOf;
  // The interaction and next-action lookups run only for deals beyond their SLA (CASE evaluates its branches in
  // order), each an index probe: an effective activity since the idle cut-off (activities by deal and time), an open
  // task due from now on, an activity whose next action is still ahead.
  return sql<FactRow>`
    select deals.id as row_id, deals.id as record_id, deals.id as deal_id, deals.stage_entered_at as "at", 'deal' as kind,
      case when ${beyond} = 1
          and not exists (select 1 from activities a where a.deal_id = deals.id and a.occurred_at >= ${idleCut} and a.effective = 1)
        then (case when exists (select 1 from tasks t where t.deal_id = deals.id and t.status = 'open' and t.due_at >= ${nowIso})
            or exists (select 1 from activities a2 where a2.deal_id = deals.id and a2.next_action_at >= ${nowIso}) then 'planned' else 'stalled' end)
        else 'moving' end as state,
      deals.stage_key as stage, deals.owner_id as owner
    from deals where deals.status = 'open' and ${dealWhere(ctx)}`;
}

export const stalled: MetricDef<StalledAnswer> = {
  name: 'stalled',
  title: { zh: '停滞商机', en: 'Stalled deals' },
  explain: {
    zh: '在途商机停留超过该阶段 SLA（阶梯第一级，自进入起算）且 N 个工作日内没有有效互动即为停滞；已安排下一步动作（未来到期的任务或活动的下一步时间）的显示为“已计划”。销售停滞占比 ≥ 团队占比 2 倍时标记。',
    en: 'An open deal is stalled when it is in its stage beyond the stage SLA (first ladder level from entry) and had no effective interaction for N working days; with a next action scheduled it shows as "planned". A seller whose stalled share is ≥ 2× the team share is flagged.',
  },
  dims: ['state', 'stage', 'owner'],
  facts,
  async figure(ctx, run) {
    const p = requirePipeline(ctx);
    const groups = await run.groups();
    const tally = new Tally(groups);
    const sum = (fixed: Record<string, string> = {}) => tally.count(fixed);
    const total = sum();
    const stalledN = sum({ state: 'stalled' });
    const teamShare = pct(stalledN, total);
    const owners = [...new Set(groups.map((g) => String(g.owner)))].sort();
    const names = await userNames(ctx, owners);
    return {
      idleDays: ctx.filters.idleDays ?? DEFAULT_IDLE_DAYS,
      total: { cell: ALL, value: total },
      stalled: { cell: cellOf(stalled, { state: 'stalled' }), value: stalledN },
      planned: { cell: cellOf(stalled, { state: 'planned' }), value: sum({ state: 'planned' }) },
      teamShare,
      stages: p.def.stages
        .filter((s) => !s.terminal)
        .map((s) => ({
          stage: stageLabel(p.def, s.key),
          open: { cell: cellOf(stalled, { stage: s.key }), value: sum({ stage: s.key }) },
          stalled: { cell: cellOf(stalled, { state: 'stalled', stage: s.key }), value: sum({ stage: s.key, state: 'stalled' }) },
          planned: { cell: cellOf(stalled, { state: 'planned', stage: s.key }), value: sum({ stage: s.key, state: 'planned' }) },
          slaAfter: s.sla?.ladder.find((l) => l.since === 'entry')?.after ?? null,
        })),
      sellers: owners.map((o) => {
        const open = sum({ owner: o });
        const st = sum({ owner: o, state: 'stalled' });
        const share = pct(st, open);
        const ratio = share !== null && teamShare ? Math.round((share / teamShare) * 100) / 100 : null;
        return {
          owner: userRef(names, o),
          open: { cell: cellOf(stalled, { owner: o }), value: open },
          stalled: { cell: cellOf(stalled, { state: 'stalled', owner: o }), value: st },
          planned: { cell: cellOf(stalled, { state: 'planned', owner: o }), value: sum({ owner: o, state: 'planned' }) },
          share,
          ratio,
          flagged: ratio !== null && ratio >= 2,
        };
      }),
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '停滞商机（按阶段）', en: 'Stalled deals by stage' },
        columns: [
          { key: 'stage', title: { zh: '阶段', en: 'Stage' } },
          { key: 'sla', title: { zh: 'SLA', en: 'SLA' } },
          { key: 'open', title: { zh: '在途', en: 'Open' } },
          { key: 'stalled', title: { zh: '停滞', en: 'Stalled' } },
          { key: 'planned', title: { zh: '已计划', en: 'Planned' } },
        ],
        rows: a.stages.map((s) => ({ stage: s.stage.name, sla: s.slaAfter, open: s.open.value, stalled: s.stalled.value, planned: s.planned.value })),
      },
      {
        title: { zh: '停滞占比（销售 vs 团队）', en: 'Stalled share per seller' },
        columns: [
          { key: 'owner', title: { zh: '销售', en: 'Seller' } },
          { key: 'open', title: { zh: '在途', en: 'Open' } },
          { key: 'stalled', title: { zh: '停滞', en: 'Stalled' } },
          { key: 'share', title: { zh: '停滞占比 %', en: 'Stalled share %' } },
          { key: 'ratio', title: { zh: '相对团队倍数', en: '× team share' } },
          { key: 'flagged', title: { zh: '≥2 倍标记', en: 'Flag ≥ 2×' } },
        ],
        rows: a.sellers.map((s) => ({ owner: s.owner.name, open: s.open.value, stalled: s.stalled.value, share: s.share, ratio: s.ratio, flagged: s.flagged ? '⚑' : '' })),
      },
    ];
  },
};

export type { StalledAnswer };
