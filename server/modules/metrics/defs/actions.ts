/**
 * The "penetrating" action metrics over cadence steps (the standard actions a stage's cadence makes due), stage gate
 * checklist items (gate-actions.ts) and SLA clocks: saturation (cadence and gate actions done ÷ due per seller and
 * week, warning below 85 %), cadence on-time rate (done by the due
 * time), and timeliness (breach rate of stage deadlines per stage, and of step deadlines per step).
 */
import { sql } from 'kysely';
import { stageLabel } from '../../pipelines/definition.js';
import { dealWhere, type MetricContext } from '../context.js';
import { ALL, cellOf, pct, Tally, type Cell, type FactRow, type MetricDef } from '../framework.js';
import { inPeriod, userNames, userRef, weekSql, weeksOf } from '../sqlparts.js';
import { gateActionFacts } from './gate-actions.js';
import type { CadenceOnTimeAnswer, SaturationAnswer, TimelinessAnswer } from '../answers.js';

export const SATURATION_WARN = 85;

/** Steps due in the period and already due now; cancelled and skipped steps were never owed. */
function dueSteps(ctx: MetricContext) {
  return sql`cadence_steps s join cadence_runs r on r.id = s.run_id join deals on deals.id = r.deal_id
    where s.status in ('open', 'done') and ${inPeriod(ctx, 's.due_at')} and s.due_at <= ${ctx.asOf} and ${dealWhere(ctx)}`;
}

export const saturation: MetricDef<SaturationAnswer> = {
  name: 'saturation',
  title: { zh: '动作饱和度', en: 'Action saturation' },
  explain: {
    zh: '标准动作完成数 ÷ 应完成数，按销售和周（组织时区，周一开始）。标准动作 = 跟进节奏步骤（本期到期且已到期，取消、跳过的不计）+ 阶段关卡清单项（每次停留在该阶段时应做：在首个 SLA 时限时到期，若在时限前已通过关卡则于通过时到期并算完成；时限时已勾选算完成）。低于 85% 预警。',
    en: 'Standard actions done ÷ due, per seller and week (org time zone, weeks start Monday). Standard actions = cadence steps (due in the period and already due; cancelled or skipped steps are not owed) + stage gate checklist items (owed by each stay in the stage: due at the first SLA deadline, or at the exit when the deal passed the gate before a deadline, which counts as done; ticked by the deadline = done). Warning below 85 %.',
  },
  dims: ['owner', 'week', 'state', 'source'],
  facts(ctx) {
    const cadence = sql<FactRow>`select s.id as row_id, s.id as record_id, r.deal_id as deal_id, s.due_at as "at", 'step' as kind,
      deals.owner_id as owner, ${weekSql(ctx, 's.due_at')} as week, case when s.status = 'done' then 'done' else 'missed' end as state,
      'cadence' as source, s.step_key as item
      from ${dueSteps(ctx)}`;
    const gates = gateActionFacts(ctx);
    return gates ? sql<FactRow>`${cadence} union all select * from (${gates}) g` : cadence;
  },
  async figure(ctx, run) {
    const groups = await run.groups();
    const tally = new Tally(groups);
    const sum = (fixed: Record<string, string> = {}) => tally.count(fixed);
    const owners = [...new Set(groups.map((g) => String(g.owner)))].sort();
    const names = await userNames(ctx, owners);
    const weeks = weeksOf(ctx).map((w) => w.week);
    const due = sum();
    const done = sum({ state: 'done' });
    const sources = (['cadence', 'gate'] as const).map((source) => {
      const d = sum({ source });
      const k = sum({ source, state: 'done' });
      return { source, due: { cell: cellOf(saturation, { source }), value: d }, done: { cell: cellOf(saturation, { state: 'done', source }), value: k }, rate: pct(k, d) };
    });
    return {
      warnBelow: SATURATION_WARN,
      weeks,
      total: { cell: ALL, value: due, done: { cell: cellOf(saturation, { state: 'done' }), value: done }, rate: pct(done, due) },
      sources,
      sellers: owners.map((o) => {
        const d = sum({ owner: o });
        const k = sum({ owner: o, state: 'done' });
        const rate = pct(k, d);
        return {
          owner: userRef(names, o),
          due: { cell: cellOf(saturation, { owner: o }), value: d },
          done: { cell: cellOf(saturation, { owner: o, state: 'done' }), value: k },
          rate,
          warn: rate !== null && rate < SATURATION_WARN,
          weeks: weeks.map((w) => {
            const wd = sum({ owner: o, week: w });
            const wk = sum({ owner: o, week: w, state: 'done' });
            const wr = pct(wk, wd);
            return { week: w, due: { cell: cellOf(saturation, { owner: o, week: w }), value: wd }, done: { cell: cellOf(saturation, { owner: o, week: w, state: 'done' }), value: wk }, rate: wr, warn: wr !== null && wr < SATURATION_WARN };
          }),
        };
      }),
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '动作饱和度（销售 × 周）', en: 'Saturation per seller and week' },
        columns: [
          { key: 'owner', title: { zh: '销售', en: 'Seller' } },
          { key: 'week', title: { zh: '周（周一）', en: 'Week (Monday)' } },
          { key: 'due', title: { zh: '应完成', en: 'Due' } },
          { key: 'done', title: { zh: '已完成', en: 'Done' } },
          { key: 'rate', title: { zh: '饱和度 %', en: 'Saturation %' } },
          { key: 'warn', title: { zh: '预警（<85%）', en: 'Warning (< 85 %)' } },
        ],
        rows: a.sellers.flatMap((s) => [
          ...s.weeks.filter((w) => w.due.value > 0).map((w) => ({ owner: s.owner.name, week: w.week, due: w.due.value, done: w.done.value, rate: w.rate, warn: w.warn ? '!' : '' })),
          { owner: s.owner.name, week: '合计 / total', due: s.due.value, done: s.done.value, rate: s.rate, warn: s.warn ? '!' : '' },
        ]),
      },
    ];
  },
};

export const cadenceOnTime: MetricDef<CadenceOnTimeAnswer> = {
  name: 'cadence_ontime',
  title: { zh: '节奏准时率', en: 'Cadence on-time rate' },
  explain: {
    zh: '本期到期的节奏步骤中，在到期时间前完成的比例；迟完成与未完成分别列出。',
    en: 'Share of cadence steps due in the period that were done by their due time; late and missed steps listed apart.',
  },
  dims: ['cadence', 'step', 'state'],
  facts: (ctx) =>
    sql<FactRow>`select s.id as row_id, s.id as record_id, r.deal_id as deal_id, s.due_at as "at", 'step' as kind,
      r.cadence_key as cadence, s.step_key as step,
      case when s.status = 'done' and s.completed_at <= s.due_at then 'on_time' when s.status = 'done' then 'late' else 'missed' end as state
      from ${dueSteps(ctx)}`,
  async figure(_ctx, run) {
    const groups = await run.groups();
    const sum = (pred: (g: (typeof groups)[number]) => boolean) => groups.filter(pred).reduce((a, g) => a + g.n, 0);
    const c = (values: Record<string, string>, pred: (g: (typeof groups)[number]) => boolean): Cell => ({ cell: cellOf(cadenceOnTime, values), value: sum(pred) });
    const total = sum(() => true);
    const onTime = c({ state: 'on_time' }, (g) => g.state === 'on_time');
    const cadences = [...new Set(groups.map((g) => String(g.cadence)))].sort();
    return {
      total: { cell: ALL, value: total },
      onTime,
      late: c({ state: 'late' }, (g) => g.state === 'late'),
      missed: c({ state: 'missed' }, (g) => g.state === 'missed'),
      rate: pct(onTime.value, total),
      cadences: cadences.map((k) => {
        const due = c({ cadence: k }, (g) => g.cadence === k);
        const on = c({ cadence: k, state: 'on_time' }, (g) => g.cadence === k && g.state === 'on_time');
        return { cadence: k, due, onTime: on, late: c({ cadence: k, state: 'late' }, (g) => g.cadence === k && g.state === 'late'), missed: c({ cadence: k, state: 'missed' }, (g) => g.cadence === k && g.state === 'missed'), rate: pct(on.value, due.value) };
      }),
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '节奏准时率', en: 'Cadence on-time rate' },
        columns: [
          { key: 'cadence', title: { zh: '节奏', en: 'Cadence' } },
          { key: 'due', title: { zh: '到期步骤', en: 'Steps due' } },
          { key: 'onTime', title: { zh: '准时', en: 'On time' } },
          { key: 'late', title: { zh: '迟完成', en: 'Late' } },
          { key: 'missed', title: { zh: '未完成', en: 'Missed' } },
          { key: 'rate', title: { zh: '准时率 %', en: 'On-time %' } },
        ],
        rows: a.cadences.map((x) => ({ cadence: x.cadence, due: x.due.value, onTime: x.onTime.value, late: x.late.value, missed: x.missed.value, rate: x.rate })),
      },
    ];
  },
};

export const timeliness: MetricDef<TimelinessAnswer> = {
  name: 'timeliness',
  title: { zh: '动作及时性', en: 'Action timeliness' },
  explain: {
    zh: '关键节点时限的违约率：阶段 SLA 时钟（本期开始计时）中已越过第一级时限的比例（按阶段）；节奏步骤（本期到期）中未在到期前完成的比例（按步骤）。',
    en: 'Breach rate of key-step deadlines: stage SLA clocks started in the period that passed their first deadline (per stage); cadence steps due in the period not done by their due time (per step).',
  },
  dims: ['view', 'stage', 'step', 'state'],
  facts(ctx) {
    const pipelineStages = ctx.pipeline ? sql`and t.stage_key in (${sql.join(ctx.pipeline.def.stages.map((s) => s.key))})` : sql``;
    return sql<FactRow>`
      select 't:' || t.id as row_id, t.id as record_id, t.subject_id as deal_id, t.anchor_at as "at", 'timer' as kind,
        'stage' as view, coalesce(t.stage_key, '') as stage, '' as step,
        case when t.level_reached >= 1 then 'breached' when t.status = 'active' then 'running' else 'on_time' end as state
      from sla_timers t join deals on deals.id = t.subject_id
      where t.subject_type = 'deal' and t.kind in ('stage_dwell', 'stage_idle') and ${inPeriod(ctx, 't.anchor_at')} ${pipelineStages} and ${dealWhere(ctx)}
      union all
      select 's:' || s.id, s.id, r.deal_id, s.due_at, 'step', 'step', r.stage_key, s.step_key,
        case when s.status = 'done' and s.completed_at <= s.due_at then 'on_time' else 'breached' end
      from ${dueSteps(ctx)}`;
  },
  async figure(ctx, run) {
    const groups = await run.groups();
    const sum = (pred: (g: (typeof groups)[number]) => boolean) => groups.filter(pred).reduce((a, g) => a + g.n, 0);
    const stageKeys = [...new Set(groups.filter((g) => g.view === 'stage').map((g) => String(g.stage)))];
    const order = (k: string) => ctx.pipeline?.def.stages.findIndex((s) => s.key === k) ?? 0;
    stageKeys.sort((a, b) => order(a) - order(b));
    const stepKeys = [...new Set(groups.filter((g) => g.view === 'step').map((g) => String(g.step)))].sort();
    const total = sum(() => true);
    const breached = sum((g) => g.state === 'breached');
    return {
      stages: stageKeys.map((k) => {
        const clocks = sum((g) => g.view === 'stage' && g.stage === k);
        const b = sum((g) => g.view === 'stage' && g.stage === k && g.state === 'breached');
        return { stage: stageLabel(ctx.pipeline?.def ?? null, k), clocks: { cell: cellOf(timeliness, { view: 'stage', stage: k }), value: clocks }, breached: { cell: cellOf(timeliness, { view: 'stage', stage: k, state: 'breached' }), value: b }, rate: pct(b, clocks) };
      }),
      steps: stepKeys.map((k) => {
        const due = sum((g) => g.view === 'step' && g.step === k);
        const b = sum((g) => g.view === 'step' && g.step === k && g.state === 'breached');
        return { step: k, due: { cell: cellOf(timeliness, { view: 'step', step: k }), value: due }, breached: { cell: cellOf(timeliness, { view: 'step', step: k, state: 'breached' }), value: b }, rate: pct(b, due) };
      }),
      total: { cell: ALL, value: total },
      breached: { cell: cellOf(timeliness, { state: 'breached' }), value: breached },
      rate: pct(breached, total),
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '及时性（按阶段）', en: 'Timeliness per stage' },
        columns: [
          { key: 'stage', title: { zh: '阶段', en: 'Stage' } },
          { key: 'clocks', title: { zh: 'SLA 时钟', en: 'SLA clocks' } },
          { key: 'breached', title: { zh: '违约', en: 'Breached' } },
          { key: 'rate', title: { zh: '违约率 %', en: 'Breach rate %' } },
        ],
        rows: a.stages.map((s) => ({ stage: s.stage.name, clocks: s.clocks.value, breached: s.breached.value, rate: s.rate })),
      },
      {
        title: { zh: '及时性（按步骤）', en: 'Timeliness per step' },
        columns: [
          { key: 'step', title: { zh: '步骤', en: 'Step' } },
          { key: 'due', title: { zh: '到期', en: 'Due' } },
          { key: 'breached', title: { zh: '违约', en: 'Breached' } },
          { key: 'rate', title: { zh: '违约率 %', en: 'Breach rate %' } },
        ],
        rows: a.steps.map((s) => ({ step: s.step, due: s.due.value, breached: s.breached.value, rate: s.rate })),
      },
    ];
  },
};

export type { CadenceOnTimeAnswer, SaturationAnswer, TimelinessAnswer };
