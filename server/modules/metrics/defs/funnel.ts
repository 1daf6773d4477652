/**
 * Funnel, cohort-based: of the deals that entered a stage in the period (each deal once per stage, however often it
 * went back and forth), how many went on to a later stage, to the very next one, were lost without going on, are
 * still open, or won; plus the deals that skipped the stage (by reason). A separate snapshot view counts the open deals
 * in each stage now, with amounts and the forecast weighted by the stages' probabilities.
 */
import { sql } from 'kysely';
import { stageLabel } from '../../pipelines/definition.js';
import { dealWhere, historyJoin, requirePipeline, stageIndexSql, type MetricContext } from '../context.js';
import { cellOf, pct, type Cell, type FactRow, type MetricDef } from '../framework.js';
import { inPeriod, valuesTable } from '../sqlparts.js';
import type { FunnelAnswer } from '../answers.js';

const DIMS = ['view', 'stage', 'outcome', 'reason'] as const;

function facts(ctx: MetricContext) {
  const p = requirePipeline(ctx);
  const stages = p.def.stages;
  const lost = stages.filter((s) => s.terminal === 'lost').map((s) => s.key);
  const path = stages.filter((s) => s.terminal !== 'lost');
  if (path.length === 0) return null;
  const pathKeys = path.map((s) => s.key);
  const lostList = lost.length ? lost : ['\u0000'];
  const idx = (col: string) => stageIndexSql(p.def, sql.ref(col));
  const nextOf = sql`(case c.stage_key ${sql.join(path.slice(0, -1).map((s, i) => sql`when ${s.key} then ${path[i + 1].key}`), sql` `)} else null end)`;
  const where = dealWhere(ctx);
  // The period's history rows (or, for a narrow scope, its deals) drive every part (`historyJoin`). Each CTE is
  // materialised once: SQLite 3.53 otherwise flattens `judged` into every branch of the union and scans all deals
  // against an automatic index (a lead's funnel 0.28 s instead of 0.07 s), and skips would be re-read per stage.
  return sql<FactRow>`
    with cohort as materialized (
      select h.deal_id, h.stage_key, min(h.entered_at) as first_in
      from ${historyJoin(ctx)}
      where deals.id = h.deal_id and ${inPeriod(ctx, 'h.entered_at')} and h.stage_key in (${sql.join(pathKeys)}) and ${where}
      group by h.deal_id, h.stage_key
    ),
    judged as materialized (
      select c.deal_id, c.stage_key, c.first_in, deals.status, deals.amount_fen,
        case when exists (select 1 from deal_stage_history h2 where h2.deal_id = c.deal_id and h2.entered_at >= c.first_in
          and h2.stage_key not in (${sql.join(lostList)}) and ${idx('h2.stage_key')} > ${idx('c.stage_key')}) then 1 else 0 end as went_on,
        case when exists (select 1 from deal_stage_history h3 where h3.deal_id = c.deal_id and h3.entered_at >= c.first_in
          and h3.stage_key = ${nextOf}) then 1 else 0 end as next_on
      from cohort c join deals on deals.id = c.deal_id
    ),
    skips as materialized (
      select h.id, h.deal_id, h.entered_at, coalesce(h.skip_reason, '') as reason, h.stage_key as to_key,
        (select p.stage_key from deal_stage_history p where p.deal_id = h.deal_id and p.id <> h.id and p.entered_at <= h.entered_at
          order by p.entered_at desc limit 1) as from_key, deals.amount_fen
      from ${historyJoin(ctx)}
      where deals.id = h.deal_id and h.direction = 'skip' and ${inPeriod(ctx, 'h.entered_at')} and ${where}
    ),
    stages as (${valuesTable(path.map((s, i) => [s.key, i]))})
    select 'c:' || j.stage_key || ':entered:' || j.deal_id as row_id, j.deal_id as record_id, j.deal_id, j.first_in as "at", 'deal' as kind,
      'cohort' as view, j.stage_key as stage, 'entered' as outcome, '' as reason, j.amount_fen as amount from judged j
    union all
    select 'c:' || j.stage_key || ':outcome:' || j.deal_id, j.deal_id, j.deal_id, j.first_in, 'deal',
      'cohort', j.stage_key,
      case when j.went_on = 1 then 'went_on' when j.status = 'lost' then 'lost' when j.status = 'won' then 'won' else 'open' end,
      '', j.amount_fen from judged j
    union all
    select 'c:' || j.stage_key || ':next:' || j.deal_id, j.deal_id, j.deal_id, j.first_in, 'deal',
      'cohort', j.stage_key, 'next', '', j.amount_fen from judged j where j.next_on = 1
    union all
    select 's:' || st.key || ':' || s.id, s.deal_id, s.deal_id, s.entered_at, 'deal',
      'cohort', st.key, 'skipped', s.reason, s.amount_fen
    from skips s join stages st on st.idx > ${stageIndexSql(p.def, sql.ref('s.from_key'))} and st.idx < ${stageIndexSql(p.def, sql.ref('s.to_key'))}
    union all
    select 'n:' || deals.id, deals.id, deals.id, deals.stage_entered_at, 'deal',
      'snapshot', deals.stage_key, 'now', '', deals.amount_fen
    from deals where deals.status = 'open' and ${where}`;
}

type Outcome = 'entered' | 'went_on' | 'next' | 'lost' | 'open' | 'won' | 'skipped';

export const funnel: MetricDef<FunnelAnswer> = {
  name: 'funnel',
  title: { zh: '漏斗（同期群）', en: 'Funnel (cohort)' },
  explain: {
    zh: '本期进入各阶段的商机（每个商机每阶段只计一次，来回移动不重复计）：其后进入更靠后阶段（推进）、进入下一阶段、未推进而输单、仍在进行、赢单；跳过该阶段的商机按原因列出。快照视图为“当前各阶段的在途商机”，加权预测 = 金额 × 阶段概率。',
    en: 'Deals that entered each stage in the period (once per deal and stage, back-and-forth counts once): went on to a later stage, reached the next stage, lost without going on, still open, won; deals that skipped the stage by reason. The snapshot view counts open deals in each stage now; weighted forecast = amount × stage probability.',
  },
  dims: DIMS,
  facts,
  async figure(ctx, run) {
    const p = requirePipeline(ctx);
    const groups = await run.groups('amount');
    const count = (view: string, stage: string, outcome: Outcome) => groups.filter((g) => g.view === view && g.stage === stage && g.outcome === outcome);
    const cell = (stage: string, outcome: Outcome): Cell => ({
      cell: cellOf(funnel, { view: 'cohort', stage, outcome }),
      value: count('cohort', stage, outcome).reduce((a, g) => a + g.n, 0),
    });
    const path = p.def.stages.filter((s) => s.terminal !== 'lost');
    const cohort = path.map((s) => {
      const entered = cell(s.key, 'entered');
      const wentOn = cell(s.key, 'went_on');
      const next = cell(s.key, 'next');
      const skippedGroups = count('cohort', s.key, 'skipped');
      return {
        stage: stageLabel(p.def, s.key),
        entered,
        wentOn,
        next,
        lost: cell(s.key, 'lost'),
        open: cell(s.key, 'open'),
        won: cell(s.key, 'won'),
        skipped: {
          ...cell(s.key, 'skipped'),
          reasons: skippedGroups.map((g) => ({ reason: String(g.reason), cell: cellOf(funnel, { view: 'cohort', stage: s.key, outcome: 'skipped', reason: g.reason }), value: g.n })),
        },
        conversionNext: pct(next.value, entered.value),
        conversionLater: pct(wentOn.value, entered.value),
      };
    });
    const open = p.def.stages.filter((s) => !s.terminal);
    let amount = 0;
    let weighted = 0;
    const snapStages = open.map((s) => {
      const gs = count('snapshot', s.key, 'now' as Outcome);
      const value = gs.reduce((a, g) => a + g.n, 0);
      const sum = gs.reduce((a, g) => a + g.sum, 0);
      amount += sum;
      weighted += Math.round((sum * s.probability) / 100);
      return {
        stage: stageLabel(p.def, s.key),
        probability: s.probability,
        deals: { cell: cellOf(funnel, { view: 'snapshot', stage: s.key, outcome: 'now' }), value },
        ...(ctx.hideAmounts ? {} : { amountFen: sum, weightedFen: Math.round((sum * s.probability) / 100) }),
      };
    });
    return {
      pipeline: { id: p.id, key: p.key, name: p.name },
      cohort,
      snapshot: {
        label: { zh: `快照：截至 ${ctx.asOf} 各阶段的在途商机（不受期间筛选影响）`, en: `Snapshot: open deals per stage as of ${ctx.asOf} (not limited to the period)` },
        stages: snapStages,
        total: { cell: cellOf(funnel, { view: 'snapshot', outcome: 'now' }), value: snapStages.reduce((a, s) => a + s.deals.value, 0) },
        ...(ctx.hideAmounts ? {} : { amountFen: amount, weightedFen: weighted }),
      },
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '漏斗（同期群）', en: 'Funnel (cohort)' },
        columns: [
          { key: 'stage', title: { zh: '阶段', en: 'Stage' } },
          { key: 'entered', title: { zh: '进入', en: 'Entered' } },
          { key: 'next', title: { zh: '进入下一阶段', en: 'Reached next' } },
          { key: 'wentOn', title: { zh: '推进到后续阶段', en: 'Went on' } },
          { key: 'lost', title: { zh: '输单', en: 'Lost' } },
          { key: 'open', title: { zh: '仍在进行', en: 'Still open' } },
          { key: 'won', title: { zh: '赢单', en: 'Won' } },
          { key: 'skipped', title: { zh: '跳过', en: 'Skipped' } },
          { key: 'conversionNext', title: { zh: '下一阶段转化率 %', en: 'Conversion to next %' } },
          { key: 'conversionLater', title: { zh: '后续阶段转化率 %', en: 'Conversion to any later %' } },
        ],
        rows: a.cohort.map((r) => ({
          stage: r.stage.name,
          entered: r.entered.value,
          next: r.next.value,
          wentOn: r.wentOn.value,
          lost: r.lost.value,
          open: r.open.value,
          won: r.won.value,
          skipped: r.skipped.value,
          conversionNext: r.conversionNext,
          conversionLater: r.conversionLater,
        })),
      },
      {
        title: { zh: '快照：当前各阶段', en: 'Snapshot: stages now' },
        columns: [
          { key: 'stage', title: { zh: '阶段', en: 'Stage' } },
          { key: 'deals', title: { zh: '在途商机', en: 'Open deals' } },
          { key: 'probability', title: { zh: '阶段概率 %', en: 'Probability %' } },
          { key: 'amountFen', title: { zh: '金额（分）', en: 'Amount (fen)' }, amount: true },
          { key: 'weightedFen', title: { zh: '加权预测（分）', en: 'Weighted forecast (fen)' }, amount: true },
        ],
        rows: a.snapshot.stages.map((s) => ({ stage: s.stage.name, deals: s.deals.value, probability: s.probability, amountFen: s.amountFen, weightedFen: s.weightedFen })),
      },
    ];
  },
};


export type { FunnelAnswer };
