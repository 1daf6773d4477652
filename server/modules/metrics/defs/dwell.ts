/**
 * Dwell per stage in working days (the one org calendar): completed stays (left the stage in the period) give the
 * median and p90; the Kaplan–Meier median adds the stays still open now as censored (they lasted at least so long),
 * so a stage where deals pile up does not look fast just because its slow deals have not left yet. Per seller vs team.
 * The heat map (seller × stage average dwell) reads the same stays.
 */
import { sql } from 'kysely';
import { stageLabel } from '../../pipelines/definition.js';
import { dealWhere, historyJoin, requirePipeline, type MetricContext } from '../context.js';
import { cellOf, type FactRow, type MetricDef } from '../framework.js';
import { inPeriod, userNames, userRef } from '../sqlparts.js';
import { kaplanMeierMedian, percentile, round, sortedDurations } from '../stats.js';
import type { DwellAnswer, HeatmapAnswer } from '../answers.js';

/** The stays: the period's history rows or the scoped deals drive, whichever is narrower (`historyJoin`). */
export function stayFacts(ctx: MetricContext, options: { open: boolean }) {
  const p = requirePipeline(ctx);
  const keys = p.def.stages.filter((s) => !s.terminal).map((s) => s.key);
  if (keys.length === 0) return null;
  const where = dealWhere(ctx);
  const completed = sql`select h.id as row_id, h.id as record_id, h.deal_id, h.entered_at as "at", 'stay' as kind,
      h.stage_key as stage, 'completed' as state, deals.owner_id as owner, h.entered_at, h.left_at
    from ${historyJoin(ctx)}
    where deals.id = h.deal_id and h.left_at is not null and ${inPeriod(ctx, 'h.left_at')} and h.stage_key in (${sql.join(keys)}) and ${where}`;
  if (!options.open) return sql<FactRow>`${completed}`;
  return sql<FactRow>`${completed}
    union all
    select h.id, h.id, h.deal_id, h.entered_at, 'stay', h.stage_key, 'open', deals.owner_id, h.entered_at, h.left_at
    from ${historyJoin(ctx)}
    where deals.id = h.deal_id and h.left_at is null and deals.status = 'open' and h.entered_at < ${ctx.toAt} and h.stage_key in (${sql.join(keys)}) and ${where}`;
}

interface StayRow {
  stage: string;
  state: string;
  owner: string;
  entered_at: string;
  left_at: string | null;
}

/** A stay's length in working days; an open stay is measured up to now. */
export function stayDays(ctx: MetricContext): (row: StayRow) => number {
  const wt = ctx.working();
  const nowMs = ctx.now.getTime();
  return (r) => wt.between(Date.parse(r.entered_at), r.left_at === null ? nowMs : Date.parse(r.left_at));
}

/** Durations of completed and open stays, appended to plain arrays (a director's dashboard measures ~330,000 stays). */
class Bucket {
  readonly done: number[] = [];
  readonly open: number[] = [];
  add(state: string, days: number) {
    (state === 'completed' ? this.done : this.open).push(days);
  }
}

export const dwell: MetricDef<DwellAnswer> = {
  name: 'dwell',
  title: { zh: '阶段停留（工作日）', en: 'Dwell per stage (working days)' },
  explain: {
    zh: '停留时间按组织工作日历计算（节假日、周末不计，调休上班日计入）。中位数与 P90 取本期离开该阶段的“已完成停留”；KM 中位数同时把仍停留的商机作为删失样本（至少已停留这么久）计入。',
    en: 'Dwell in working days on the org calendar (holidays and weekends off, make-up workdays count). Median and p90 over stays that ended in the period; the Kaplan–Meier median also counts deals still in the stage as censored (they have lasted at least that long).',
  },
  dims: ['stage', 'state', 'owner'],
  facts: (ctx) => stayFacts(ctx, { open: true }),
  async figure(ctx, run) {
    const p = requirePipeline(ctx);
    const rows = await run.rows<StayRow>(['entered_at', 'left_at']);
    const days = stayDays(ctx);
    // Durations bucketed once by stage and by (stage, owner): a filter per seller and stage was quadratic in the stays.
    const byStage = new Map<string, { all: Bucket; owners: Map<string, Bucket> }>();
    const owners = new Set<string>();
    for (const r of rows) {
      let st = byStage.get(r.stage);
      if (!st) byStage.set(r.stage, (st = { all: new Bucket(), owners: new Map() }));
      let own = st.owners.get(r.owner);
      if (!own) st.owners.set(r.owner, (own = new Bucket()));
      const d = days(r);
      st.all.add(r.state, d);
      own.add(r.state, d);
      owners.add(r.owner);
    }
    const names = await userNames(ctx, owners);
    const statsOf = (b: Bucket | undefined, fixed: Record<string, string>) => {
      const done = sortedDurations(b?.done ?? []);
      const open = sortedDurations(b?.open ?? []);
      return {
        completed: { cell: cellOf(dwell, { ...fixed, state: 'completed' }), value: done.length },
        open: { cell: cellOf(dwell, { ...fixed, state: 'open' }), value: open.length },
        median: round(percentile(done, 50)),
        p90: round(percentile(done, 90)),
        kmMedian: round(kaplanMeierMedian(done, open)),
      };
    };
    return {
      unit: 'working_days',
      stages: p.def.stages
        .filter((s) => !s.terminal)
        .map((s) => {
          const st = byStage.get(s.key);
          const owners = [...(st?.owners.keys() ?? [])].sort();
          return {
            stage: stageLabel(p.def, s.key),
            ...statsOf(st?.all, { stage: s.key }),
            sellers: owners.map((o) => {
              const x = statsOf(st!.owners.get(o), { stage: s.key, owner: o });
              return { owner: userRef(names, o), completed: x.completed, open: x.open, median: x.median, kmMedian: x.kmMedian };
            }),
          };
        }),
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '阶段停留（工作日）', en: 'Dwell (working days)' },
        columns: [
          { key: 'stage', title: { zh: '阶段', en: 'Stage' } },
          { key: 'completed', title: { zh: '已完成停留', en: 'Completed stays' } },
          { key: 'open', title: { zh: '仍停留', en: 'Open stays' } },
          { key: 'median', title: { zh: '中位数', en: 'Median' } },
          { key: 'p90', title: { zh: 'P90', en: 'P90' } },
          { key: 'kmMedian', title: { zh: 'KM 中位数（含删失）', en: 'Kaplan–Meier median (censored)' } },
        ],
        rows: a.stages.map((s) => ({ stage: s.stage.name, completed: s.completed.value, open: s.open.value, median: s.median, p90: s.p90, kmMedian: s.kmMedian })),
      },
      {
        title: { zh: '销售 vs 团队停留', en: 'Dwell per seller' },
        columns: [
          { key: 'stage', title: { zh: '阶段', en: 'Stage' } },
          { key: 'owner', title: { zh: '销售', en: 'Seller' } },
          { key: 'completed', title: { zh: '已完成停留', en: 'Completed stays' } },
          { key: 'median', title: { zh: '中位数', en: 'Median' } },
          { key: 'teamMedian', title: { zh: '团队中位数', en: 'Team median' } },
          { key: 'kmMedian', title: { zh: 'KM 中位数', en: 'KM median' } },
        ],
        rows: a.stages.flatMap((s) => s.sellers.map((x) => ({ stage: s.stage.name, owner: x.owner.name, completed: x.completed.value, median: x.median, teamMedian: s.median, kmMedian: x.kmMedian }))),
      },
    ];
  },
};

/** Active activity tags no activity carries (the tag index answers each `not exists`). */
async function unusedTags(ctx: MetricContext) {
  const { rows } = await sql<{ key: string; label: string; label_en: string | null }>`select d.key, d.label, d.label_en from activity_tag_defs d
    where d.active = 1 and not exists (select 1 from activity_tags t where t.tag_key = d.key) order by d.sort, d.key`.execute(ctx.db);
  return rows.map((r) => ({ key: r.key, label: r.label, labelEn: r.label_en }));
}

export const heatmap: MetricDef<HeatmapAnswer> = {
  name: 'heatmap',
  title: { zh: '动作热力图', en: 'Action heat map' },
  explain: {
    zh: '销售 × 阶段：本期离开该阶段的停留平均工作日数；越深表示停留越久。并列出从未被填写过的自定义字段和从未被任何活动使用的动作标签。',
    en: 'Seller × stage: average working days of stays that ended in the period; darker = longer. Also lists custom fields never filled in and active activity tags no activity carries.',
  },
  dims: ['stage', 'state', 'owner'],
  facts: (ctx) => stayFacts(ctx, { open: false }),
  async figure(ctx, run) {
    const p = requirePipeline(ctx);
    const rows = await run.rows<StayRow>(['entered_at', 'left_at']);
    const days = stayDays(ctx);
    // Only the count and the sum of each (seller, stage) are needed for an average.
    const byKey = new Map<string, { owner: string; stage: string; n: number; sum: number }>();
    for (const r of rows) {
      const key = `${r.owner}\u0000${r.stage}`;
      let acc = byKey.get(key);
      if (!acc) byKey.set(key, (acc = { owner: r.owner, stage: r.stage, n: 0, sum: 0 }));
      acc.n++;
      acc.sum += days(r);
    }
    const names = await userNames(ctx, [...byKey.values()].map((a) => a.owner));
    const cells = [...byKey.values()].map(({ owner, stage, n, sum }) => ({
      cell: cellOf(heatmap, { stage, state: 'completed', owner }),
      value: n,
      owner: userRef(names, owner),
      stage,
      average: round(sum / n),
    }));
    cells.sort((a, b) => a.owner.name.localeCompare(b.owner.name) || a.stage.localeCompare(b.stage));
    const defs = await ctx.db.selectFrom('custom_field_defs').select(['entity', 'key', 'label', 'label_en']).where('entity', 'in', ['deal', 'customer']).execute();
    const unused = [];
    for (const d of defs) {
      const table = d.entity === 'deal' ? 'deals' : 'customers';
      // A value is stored under its key in the record's custom JSON; the quoted key cannot occur otherwise.
      const needle = `%"${d.key}":%`;
      const used = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} where custom like ${needle} limit 1`.execute(ctx.db);
      if (used.rows.length === 0) unused.push({ entity: d.entity, key: d.key, label: d.label, labelEn: d.label_en });
    }
    return {
      unit: 'working_days',
      stages: p.def.stages.filter((s) => !s.terminal).map((s) => stageLabel(p.def, s.key)),
      cells,
      unusedCustomFields: unused,
      unusedTags: await unusedTags(ctx),
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '动作热力图（平均停留工作日）', en: 'Heat map (average working days)' },
        columns: [
          { key: 'owner', title: { zh: '销售', en: 'Seller' } },
          { key: 'stage', title: { zh: '阶段', en: 'Stage' } },
          { key: 'stays', title: { zh: '停留次数', en: 'Stays' } },
          { key: 'average', title: { zh: '平均工作日', en: 'Average working days' } },
        ],
        rows: a.cells.map((c) => ({ owner: c.owner.name, stage: a.stages.find((s) => s.key === c.stage)?.name ?? c.stage, stays: c.value, average: c.average })),
      },
      {
        title: { zh: '从未使用的自定义字段', en: 'Custom fields never used' },
        columns: [
          { key: 'entity', title: { zh: '对象', en: 'Record' } },
          { key: 'key', title: { zh: '字段键', en: 'Key' } },
          { key: 'label', title: { zh: '名称', en: 'Label' } },
        ],
        rows: a.unusedCustomFields.map((f) => ({ entity: f.entity, key: f.key, label: f.label })),
      },
      {
        title: { zh: '从未使用的动作标签', en: 'Tags never used' },
        columns: [
          { key: 'key', title: { zh: '标签键', en: 'Key' } },
          { key: 'label', title: { zh: '名称', en: 'Label' } },
        ],
        rows: a.unusedTags.map((g) => ({ key: g.key, label: g.label })),
      },
    ];
  },
};

export type { DwellAnswer, HeatmapAnswer };
