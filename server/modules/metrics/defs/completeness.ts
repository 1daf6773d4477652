/**
 * Data completeness per stage: for every open deal, each field its stage requires (the stage gate's required fields
 * and the deal custom fields marked required) is filled or not. One fact per (deal, required field); the stage's
 * completeness is the filled share, and every (stage, field, missing) cell lists the deals that lack that field.
 */
import { sql, type RawBuilder } from 'kysely';
import { GATE_DEAL_FIELDS, CUSTOM_FIELD_PREFIX } from '../../gates/evaluate.js';
import { stageLabel } from '../../pipelines/definition.js';
import { dealWhere, requirePipeline, type MetricContext } from '../context.js';
import { cellOf, pct, type FactRow, type MetricDef } from '../framework.js';
import type { CompletenessAnswer } from '../answers.js';

function filledSql(ctx: MetricContext, field: string): RawBuilder<unknown> {
  if (field === 'amountFen') return sql`deals.amount_fen > 0`;
  if (field === 'title') return sql`deals.title <> ''`;
  if (field === 'expectedCloseDate') return sql`deals.expected_close_date is not null`;
  const key = field.slice(CUSTOM_FIELD_PREFIX.length);
  const value = ctx.dialect === 'postgres' ? sql`(deals.custom::jsonb ->> ${key})` : sql`json_extract(deals.custom, ${'$.' + key})`;
  return sql`(${value} is not null and ${value} <> '' and ${value} <> '[]')`;
}

async function requiredFields(ctx: MetricContext): Promise<Map<string, string[]>> {
  const p = requirePipeline(ctx);
  const custom = await ctx.db.selectFrom('custom_field_defs').select('key').where('entity', '=', 'deal').where('required', '=', 1).execute();
  const out = new Map<string, string[]>();
  for (const s of p.def.stages.filter((st) => !st.terminal)) {
    const fields = new Set<string>(s.gate.requiredFields);
    for (const c of custom) fields.add(`${CUSTOM_FIELD_PREFIX}${c.key}`);
    if (fields.size) out.set(s.key, [...fields]);
  }
  return out;
}

async function facts(ctx: MetricContext) {
  const required = await requiredFields(ctx);
  if (required.size === 0) return null;
  const where = dealWhere(ctx);
  const parts = [...required.entries()].flatMap(([stage, fields]) =>
    fields.map(
      (field) => sql`select ${sql.lit(`${field}:`)} || deals.id as row_id, deals.id as record_id, deals.id as deal_id, deals.stage_entered_at as "at", 'deal' as kind,
        deals.stage_key as stage, ${sql.lit(field)} as field, case when ${filledSql(ctx, field)} then 'filled' else 'missing' end as state
        from deals where deals.status = 'open' and deals.stage_key = ${stage} and ${where}`,
    ),
  );
  return sql<FactRow>`${sql.join(parts, sql` union all `)}`;
}

export const completeness: MetricDef<CompletenessAnswer> = {
  name: 'completeness',
  title: { zh: '数据完整度', en: 'Data completeness' },
  explain: {
    zh: '在途商机按所处阶段应填的字段（阶段关卡必填字段 + 必填的商机自定义字段）逐项检查：完整度 = 已填项 ÷ 应填项。',
    en: 'Each open deal is checked against the fields its stage requires (gate required fields + required deal custom fields): completeness = filled ÷ required.',
  },
  dims: ['stage', 'field', 'state'],
  facts,
  async figure(ctx, run) {
    const p = requirePipeline(ctx);
    const groups = await run.groups();
    const sum = (pred: (g: (typeof groups)[number]) => boolean) => groups.filter(pred).reduce((a, g) => a + g.n, 0);
    const labels = new Map((await ctx.db.selectFrom('custom_field_defs').select(['key', 'label', 'label_en']).where('entity', '=', 'deal').execute()).map((d) => [`${CUSTOM_FIELD_PREFIX}${d.key}`, d]));
    const label = (f: string) => {
      const known = GATE_DEAL_FIELDS[f as keyof typeof GATE_DEAL_FIELDS];
      if (known) return { label: known.label, labelEn: known.labelEn };
      const c = labels.get(f);
      return { label: c?.label ?? f, labelEn: c?.label_en ?? c?.label ?? f };
    };
    const all = sum(() => true);
    const filled = sum((g) => g.state === 'filled');
    const required = await requiredFields(ctx);
    return {
      total: { cell: '*', value: all, filled: { cell: cellOf(completeness, { state: 'filled' }), value: filled }, rate: pct(filled, all) },
      stages: [...required.entries()].map(([stage, fields]) => {
        const req = sum((g) => g.stage === stage);
        const fil = sum((g) => g.stage === stage && g.state === 'filled');
        return {
          stage: stageLabel(p.def, stage),
          required: { cell: cellOf(completeness, { stage }), value: req },
          filled: { cell: cellOf(completeness, { stage, state: 'filled' }), value: fil },
          rate: pct(fil, req),
          fields: fields.map((field) => {
            const m = sum((g) => g.stage === stage && g.field === field && g.state === 'missing');
            const f = sum((g) => g.stage === stage && g.field === field && g.state === 'filled');
            return { field, ...label(field), missing: { cell: cellOf(completeness, { stage, field, state: 'missing' }), value: m }, filled: { cell: cellOf(completeness, { stage, field, state: 'filled' }), value: f }, rate: pct(f, f + m) };
          }),
        };
      }),
    };
  },
  tables(a) {
    return [
      {
        title: { zh: '数据完整度', en: 'Data completeness' },
        columns: [
          { key: 'stage', title: { zh: '阶段', en: 'Stage' } },
          { key: 'field', title: { zh: '字段', en: 'Field' } },
          { key: 'filled', title: { zh: '已填', en: 'Filled' } },
          { key: 'missing', title: { zh: '缺失', en: 'Missing' } },
          { key: 'rate', title: { zh: '完整度 %', en: 'Completeness %' } },
        ],
        rows: a.stages.flatMap((s) => s.fields.map((f) => ({ stage: s.stage.name, field: f.label, filled: f.filled.value, missing: f.missing.value, rate: f.rate }))),
      },
    ];
  },
};

export type { CompletenessAnswer };
