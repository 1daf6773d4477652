/**
 * Outcome metrics: the loss matrix (customer segment × stage where deals were lost), win rate and average cycle, and
 * lead quality by source channel.
 */
import { sql } from 'kysely';
import { stageLabel } from '../../pipelines/definition.js';
import { dealWhere, historyJoin, requirePipeline, type MetricContext } from '../context.js';
import { ALL, cellOf, pct, type FactRow, type MetricDef } from '../framework.js';
import { inPeriod, userNames, userRef } from '../sqlparts.js';
import { round } from '../stats.js';
import type { LeadQualityAnswer, LossMatrixAnswer, WinRateAnswer } from '../answers.js';

const segmentOf = (ctx: MetricContext) => ctx.filters.segment ?? 'industry';

function lossFacts(ctx: MetricContext) {
  const p = requirePipeline(ctx);
  const lost = p.def.stages.filter((s) => s.terminal === 'lost').map((s) => s.key);
  const path = p.def.stages.filter((s) => !s.terminal).map((s) => s.key);
  if (lost.length === 0 || path.length === 0) return null;
  const seg = sql.ref(`c.${segmentOf(ctx)}`);
  const where = dealWhere(ctx);
  // The period's history rows drive, or a narrow scope's deals (`historyJoin`).
  return sql<FactRow>`
    with losses as (
      select h.id, h.deal_id, h.entered_at,
        (select p.stage_key from deal_stage_history p where p.deal_id = h.deal_id and p.id <> h.id and p.entered_at <= h.entered_at
          order by p.entered_at desc limit 1) as lost_at
      from ${historyJoin(ctx)}
      where deals.id = h.deal_id and h.stage_key in (${sql.join(lost)}) and ${inPeriod(ctx, 'h.entered_at')} and ${where}
    ),
    reached as (
      select h.deal_id, h.stage_key, min(h.entered_at) as first_in
      from ${historyJoin(ctx)}
      where deals.id = h.deal_id and h.stage_key in (${sql.join(path)}) and ${inPeriod(ctx, 'h.entered_at')} and ${where}
      group by h.deal_id, h.stage_key
    )
    select 'l:' || l.id as row_id, l.deal_id as record_id, l.deal_id, l.entered_at as "at", 'deal' as kind,
      'lost' as view, coalesce(${seg}, '') as segment, coalesce(l.lost_at, '') as stage, coalesce(deals.lost_reason, '') as reason
    from losses l join deals on deals.id = l.deal_id join customers c on c.id = deals.customer_id
    union all
    select 'r:' || r.stage_key || ':' || r.deal_id, r.deal_id, r.deal_id, r.first_in, 'deal',
      'reached', coalesce(${seg}, ''), r.stage_key, ''
    from reached r join deals on deals.id = r.deal_id join customers c on c.id = deals.customer_id`;
}

export const lossMatrix: MetricDef<LossMatrixAnswer> = {
  name: 'loss_matrix',
  title: { zh: '流失矩阵', en: 'Loss matrix' },
  explain: {
    zh: '本期输单的商机，按客户细分（行业/等级/区域/来源）× 输单前所处阶段计数；流失率 = 在该阶段输单数 ÷ 本期进入该阶段的同细分商机数。回答“哪类客户在哪一步流失”。',
    en: 'Deals lost in the period by customer segment (industry/level/region/source) × the stage they were lost from; loss rate = lost at the stage ÷ deals of the segment that entered the stage in the period. Answers "which kind of customer is lost at which step".',
  },
  dims: ['view', 'segment', 'stage', 'reason'],
  facts: lossFacts,
  async figure(ctx, run) {
    const p = requirePipeline(ctx);
    const groups = await run.groups();
    const sum = (pred: (g: (typeof groups)[number]) => boolean) => groups.filter(pred).reduce((a, g) => a + g.n, 0);
    const stageKeys = p.def.stages.filter((s) => !s.terminal).map((s) => s.key);
    const segments = [...new Set(groups.filter((g) => g.view === 'lost').map((g) => String(g.segment)))].sort();
    // A lost move straight from a stage outside the current definition still counts, under its own key.
    const extra = [...new Set(groups.filter((g) => g.view === 'lost' && !stageKeys.includes(String(g.stage))).map((g) => String(g.stage)))];
    const columns = [...stageKeys, ...extra];
    return {
      segment: segmentOf(ctx),
      stages: columns.map((k) => stageLabel(p.def, k)),
      rows: segments.map((segment) => ({
        segment,
        lost: { cell: cellOf(lossMatrix, { view: 'lost', segment }), value: sum((g) => g.view === 'lost' && g.segment === segment) },
        cells: columns.map((stage) => {
          const l = sum((g) => g.view === 'lost' && g.segment === segment && g.stage === stage);
          const r = sum((g) => g.view === 'reached' && g.segment === segment && g.stage === stage);
          return { stage, lost: { cell: cellOf(lossMatrix, { view: 'lost', segment, stage }), value: l }, reached: { cell: cellOf(lossMatrix, { view: 'reached', segment, stage }), value: r }, rate: pct(l, r) };
        }),
      })),
      reasons: [...new Set(groups.filter((g) => g.view === 'lost').map((g) => String(g.reason)))].sort().map((reason) => ({
        reason,
        cell: cellOf(lossMatrix, { view: 'lost', reason }),
        value: sum((g) => g.view === 'lost' && g.reason === reason),
      })),
      total: { cell: cellOf(lossMatrix, { view: 'lost' }), value: sum((g) => g.view === 'lost') },
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '流失矩阵（输单数）', en: 'Loss matrix (lost deals)' },
        columns: [{ key: 'segment', title: { zh: '客户细分', en: 'Segment' } }, ...a.stages.map((s) => ({ key: s.key, title: { zh: s.name, en: s.nameEn } })), { key: 'total', title: { zh: '合计', en: 'Total' } }],
        rows: a.rows.map((r) => ({ segment: r.segment || '（未填）', ...Object.fromEntries(r.cells.map((c) => [c.stage, c.lost.value])), total: r.lost.value })),
      },
      {
        title: { zh: '流失矩阵（流失率 %）', en: 'Loss matrix (loss rate %)' },
        columns: [{ key: 'segment', title: { zh: '客户细分', en: 'Segment' } }, ...a.stages.map((s) => ({ key: s.key, title: { zh: s.name, en: s.nameEn } }))],
        rows: a.rows.map((r) => ({ segment: r.segment || '（未填）', ...Object.fromEntries(r.cells.map((c) => [c.stage, c.rate])) })),
      },
      {
        title: { zh: '输单原因', en: 'Lost reasons' },
        columns: [
          { key: 'reason', title: { zh: '原因', en: 'Reason' } },
          { key: 'lost', title: { zh: '输单数', en: 'Lost deals' } },
        ],
        rows: a.reasons.map((r) => ({ reason: r.reason || '（未填）', lost: r.value })),
      },
    ];
  },
};

export const winRate: MetricDef<WinRateAnswer> = {
  name: 'win_rate',
  title: { zh: '赢单率与平均周期', en: 'Win rate and average cycle' },
  explain: {
    zh: '本期关闭（进入赢单或输单阶段）的商机：赢单率 = 赢单 ÷（赢单 + 输单）；平均周期 = 赢单商机从创建到赢单的天数（自然日与工作日）。',
    en: 'Deals closed in the period (entered a won or lost stage): win rate = won ÷ (won + lost); average cycle = days from creation to won (calendar and working days).',
  },
  dims: ['outcome', 'owner'],
  facts(ctx) {
    const p = requirePipeline(ctx);
    const terminal = p.def.stages.filter((s) => s.terminal);
    if (terminal.length === 0) return null;
    const won = terminal.filter((s) => s.terminal === 'won').map((s) => s.key);
    return sql<FactRow>`select h.id as row_id, h.deal_id as record_id, h.deal_id, h.entered_at as "at", 'deal' as kind,
        case when h.stage_key in (${sql.join(won.length ? won : ['\u0000'])}) then 'won' else 'lost' end as outcome, deals.owner_id as owner,
        deals.created_at
      from ${historyJoin(ctx)}
      where deals.id = h.deal_id and h.stage_key in (${sql.join(terminal.map((s) => s.key))}) and ${inPeriod(ctx, 'h.entered_at')} and ${dealWhere(ctx)}`;
  },
  async figure(ctx, run) {
    const rows = await run.rows<{ outcome: string; owner: string; at: string; created_at: string }>(['at', 'created_at']);
    const wt = ctx.working();
    const names = await userNames(ctx, rows.map((r) => r.owner));
    const summary = (list: typeof rows, fixed: Record<string, string>) => {
      const won = list.filter((r) => r.outcome === 'won');
      const lost = list.length - won.length;
      const cycle = won.map((r) => (new Date(r.at).getTime() - new Date(r.created_at).getTime()) / 86_400_000);
      const cycleWd = won.map((r) => wt.between(r.created_at, r.at));
      const avg = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
      return {
        won: { cell: cellOf(winRate, { ...fixed, outcome: 'won' }), value: won.length },
        lost: { cell: cellOf(winRate, { ...fixed, outcome: 'lost' }), value: lost },
        winRate: pct(won.length, list.length),
        averageCycleDays: avg(cycle),
        averageCycleWorkingDays: avg(cycleWd),
      };
    };
    const owners = [...new Set(rows.map((r) => r.owner))].sort();
    const all = summary(rows, {});
    return {
      ...all,
      closed: { cell: ALL, value: rows.length },
      sellers: owners.map((o) => {
        const s = summary(rows.filter((r) => r.owner === o), { owner: o });
        return { owner: userRef(names, o), won: s.won, lost: s.lost, winRate: s.winRate, averageCycleDays: s.averageCycleDays };
      }),
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '赢单率与周期', en: 'Win rate and cycle' },
        columns: [
          { key: 'owner', title: { zh: '销售', en: 'Seller' } },
          { key: 'won', title: { zh: '赢单', en: 'Won' } },
          { key: 'lost', title: { zh: '输单', en: 'Lost' } },
          { key: 'winRate', title: { zh: '赢单率 %', en: 'Win rate %' } },
          { key: 'cycle', title: { zh: '平均周期（天）', en: 'Average cycle (days)' } },
        ],
        rows: [
          ...a.sellers.map((s) => ({ owner: s.owner.name, won: s.won.value, lost: s.lost.value, winRate: s.winRate, cycle: s.averageCycleDays })),
          { owner: '合计 / total', won: a.won.value, lost: a.lost.value, winRate: a.winRate, cycle: a.averageCycleDays },
        ],
      },
    ];
  },
};

export const leadQuality: MetricDef<LeadQualityAnswer> = {
  name: 'lead_quality',
  title: { zh: '线索质量（按来源）', en: 'Lead quality by source' },
  explain: {
    zh: '本期创建的商机按客户来源渠道：赢单转化率 = 赢单 ÷ 商机数，以及赢单金额。',
    en: 'Deals created in the period by the customer\'s source channel: conversion = won ÷ deals, and the won amount.',
  },
  dims: ['source', 'outcome'],
  facts: (ctx) =>
    sql<FactRow>`select deals.id as row_id, deals.id as record_id, deals.id as deal_id, deals.created_at as "at", 'deal' as kind,
        coalesce(c.source, '') as source, deals.status as outcome, deals.amount_fen as amount
      from deals join customers c on c.id = deals.customer_id
      where ${inPeriod(ctx, 'deals.created_at')} and ${dealWhere(ctx)}`,
  async figure(ctx, run) {
    const groups = await run.groups('amount');
    const sources = [...new Set(groups.map((g) => String(g.source)))].sort();
    const sum = (pred: (g: (typeof groups)[number]) => boolean) => groups.filter(pred).reduce((a, g) => a + g.n, 0);
    return {
      sources: sources.map((source) => {
        const deals = sum((g) => g.source === source);
        const won = sum((g) => g.source === source && g.outcome === 'won');
        const wonAmount = groups.filter((g) => g.source === source && g.outcome === 'won').reduce((a, g) => a + g.sum, 0);
        return {
          source,
          deals: { cell: cellOf(leadQuality, { source }), value: deals },
          won: { cell: cellOf(leadQuality, { source, outcome: 'won' }), value: won },
          lost: { cell: cellOf(leadQuality, { source, outcome: 'lost' }), value: sum((g) => g.source === source && g.outcome === 'lost') },
          open: { cell: cellOf(leadQuality, { source, outcome: 'open' }), value: sum((g) => g.source === source && g.outcome === 'open') },
          conversion: pct(won, deals),
          ...(ctx.hideAmounts ? {} : { wonAmountFen: wonAmount }),
        };
      }),
      total: { cell: ALL, value: sum(() => true) },
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '线索质量（按来源）', en: 'Lead quality by source' },
        columns: [
          { key: 'source', title: { zh: '来源', en: 'Source' } },
          { key: 'deals', title: { zh: '商机', en: 'Deals' } },
          { key: 'won', title: { zh: '赢单', en: 'Won' } },
          { key: 'lost', title: { zh: '输单', en: 'Lost' } },
          { key: 'conversion', title: { zh: '转化率 %', en: 'Conversion %' } },
          { key: 'wonAmountFen', title: { zh: '赢单金额（分）', en: 'Won amount (fen)' }, amount: true },
        ],
        rows: a.sources.map((s) => ({ source: s.source || '（未填）', deals: s.deals.value, won: s.won.value, lost: s.lost.value, conversion: s.conversion, wonAmountFen: s.wonAmountFen })),
      },
    ];
  },
};

export type { LeadQualityAnswer, LossMatrixAnswer, WinRateAnswer };
