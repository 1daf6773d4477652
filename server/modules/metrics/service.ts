/**
 * Metric use cases: the list of metrics, a metric's figures, the drill list of one cell and the export. All four
 * build one context (scope, filters, as-of) and read the metric's one fact query.
 */
import type { Lang } from '../../core/errors.js';
import { hiddenKeys, type Actor } from '../../core/policy.js';
import type { Deps } from '../../core/http.js';
import { aboutSheet, spreadsheetStream, visibleColumns, type About, type Column, type SheetSpec } from '../exports/workbook.js';
import { buildContext, type MetricContext } from './context.js';
import { factsBatches, factsPage, runner, type FactRow, type MetricDef } from './framework.js';
import type { MetricAnswerBody } from './presenter.js';
import { displayFacts, type DrillItem } from './records.js';
import { metricDef, METRICS } from './registry.js';
import { METRIC_NAMES, type ExportQuery, type MetricFilters, type MetricName, type RecordsQuery } from './schema.js';
import { noteLive, snapshotBatches, snapshotFor, snapshotPage, type Snapshot } from './snapshots.js';

export function listMetrics() {
  return { items: METRIC_NAMES.map((name) => ({ name, title: METRICS[name].title, explain: METRICS[name].explain, dims: [...METRICS[name].dims] })) };
}

function context(deps: Deps, actor: Actor, filters: MetricFilters) {
  return buildContext(deps.db, deps.dialect, deps.clock, actor, filters, deps.config.timeZone);
}

function scopeText(ctx: MetricContext): string {
  const s = ctx.scope;
  return s.kind === 'all' ? 'all / 全部' : s.kind === 'subtree' ? `team subtree / 团队 ${s.path}` : `own / 本人 ${s.userId}`;
}

function echoFilters(ctx: MetricContext) {
  return { ...ctx.filters, from: ctx.from, to: ctx.to, pipelineId: ctx.pipeline?.id ?? ctx.filters.pipelineId };
}

interface Figure {
  answer: unknown;
  asOf: string;
  source: 'live' | 'snapshot';
  snapshot: Snapshot | null;
}

const fromSnapshot = (snapshot: Snapshot): Figure => ({ answer: JSON.parse(snapshot.answer), asOf: snapshot.as_of, source: 'snapshot', snapshot });

/** The metric's answer computed now; timed, so a view slow over many rows gets materialised. */
async function liveFigure(deps: Deps, def: MetricDef<unknown>, ctx: MetricContext): Promise<Figure> {
  const started = performance.now();
  const run = await runner(def, ctx);
  const answer = await def.figure(ctx, run);
  await noteLive(deps, def.name, ctx, performance.now() - started, run.seen);
  return { answer, asOf: ctx.asOf, source: 'live', snapshot: null };
}

/** The metric's answer: from the view's snapshot when it has a fresh one, otherwise computed now. */
async function figureOf(deps: Deps, def: MetricDef<unknown>, ctx: MetricContext): Promise<Figure> {
  const snapshot = await snapshotFor(deps, def.name, ctx);
  return snapshot ? fromSnapshot(snapshot) : liveFigure(deps, def, ctx);
}

export async function getMetric(deps: Deps, actor: Actor, name: MetricName, filters: MetricFilters) {
  const def = metricDef(name);
  const ctx = await context(deps, actor, filters);
  const { answer, asOf, source } = await figureOf(deps, def, ctx);
  return { name, title: def.title, explain: def.explain, asOf, source, timeZone: ctx.timeZone, scope: ctx.scope.kind, filters: echoFilters(ctx), answer } as MetricAnswerBody; // the name picks the variant; the serializer checks the answer against it
}

export async function getRecords(deps: Deps, actor: Actor, name: MetricName, query: RecordsQuery) {
  const def = metricDef(name);
  const { cell, page, pageSize, asOf: pinned, ...filters } = query;
  const ctx = await context(deps, actor, filters);
  const snapshot = await snapshotFor(deps, name, ctx, pinned);
  const { total, rows } = snapshot ? await snapshotPage(deps, def, snapshot, cell, page, pageSize) : await factsPage(def, ctx, cell, page, pageSize);
  return { items: await displayFacts(ctx, def, rows), total, page, pageSize, cell, asOf: snapshot?.as_of ?? ctx.asOf, source: snapshot ? ('snapshot' as const) : ('live' as const) };
}

const RECORD_COLUMNS: Array<{ key: string; zh: string; en: string; width?: number; value: (i: DrillItem) => unknown }> = [
  { key: 'kind', zh: '类型', en: 'Kind', value: (i) => i.kind },
  { key: 'title', zh: '名称', en: 'Title', width: 30, value: (i) => i.title },
  { key: 'customer', zh: '客户', en: 'Customer', width: 24, value: (i) => i.customer?.name ?? '' },
  { key: 'owner', zh: '负责人', en: 'Owner', value: (i) => i.owner?.name ?? '' },
  { key: 'stage', zh: '阶段', en: 'Stage', value: (i) => i.stage?.name ?? '' },
  { key: 'status', zh: '状态', en: 'Status', value: (i) => i.status ?? '' },
  { key: 'amountFen', zh: '金额（分）', en: 'Amount (fen)', value: (i) => i.amountFen ?? null },
  { key: 'daysInStage', zh: '阶段停留（工作日）', en: 'Days in stage (working)', value: (i) => i.daysInStage },
  { key: 'lastEffectiveAt', zh: '最近有效互动', en: 'Last effective interaction', width: 26, value: (i) => i.lastEffectiveAt ?? '' },
  { key: 'at', zh: '时间', en: 'At', width: 26, value: (i) => i.at ?? '' },
  { key: 'detail', zh: '明细', en: 'Detail', width: 40, value: (i) => i.detail ?? '' },
  { key: 'recordId', zh: '记录 ID', en: 'Record id', width: 38, value: (i) => i.recordId },
];

/** The drill rows of a metric (one cell, or all with their dimension columns) as an export sheet, in batches. */
function recordsSheet(def: MetricDef<unknown>, ctx: MetricContext, batches: AsyncGenerator<FactRow[]>, lang: Lang): SheetSpec {
  const hidden = hiddenKeys(ctx.actor);
  const columns: Column[] = visibleColumns(
    [...def.dims.map((d) => ({ key: `dim.${d}`, header: d })), ...RECORD_COLUMNS.map((c) => ({ key: c.key, header: lang === 'zh' ? c.zh : c.en, width: c.width }))],
    hidden,
  );
  async function* rows() {
    for await (const batch of batches) {
      const items = await displayFacts(ctx, def, batch);
      yield items.map((i) => ({ ...Object.fromEntries(def.dims.map((d) => [`dim.${d}`, i.dims[d]])), ...Object.fromEntries(RECORD_COLUMNS.map((c) => [c.key, c.value(i)])) }));
    }
  }
  return { name: lang === 'zh' ? `${def.title.zh}-明细` : `${def.title.en} records`, columns, rows: rows() };
}

/** The metric's tables as displayed (one sheet per chart), amount columns dropped for callers who may not see them. */
function chartSheets(def: MetricDef<unknown>, ctx: MetricContext, answer: unknown, lang: Lang): SheetSpec[] {
  return def.tables(answer, ctx).map((t) => ({
    name: t.title[lang],
    columns: t.columns.filter((c) => !(c.amount && ctx.hideAmounts)).map((c) => ({ key: c.key, header: c.title[lang], width: c.key === 'stage' || c.key === 'owner' ? 20 : 14 })),
    rows: [t.rows],
  }));
}

function about(ctx: MetricContext, title: string, notes: string[], asOf = ctx.asOf): About {
  const actor = ctx.actor as Actor;
  return { title, user: actor.displayName, role: actor.role, scope: scopeText(ctx), asOf, timeZone: ctx.timeZone, filters: echoFilters(ctx), notes };
}

/** How an export names a figure read from a snapshot (the About sheet's notes). */
function snapshotNote(title: string, figure: Figure, lang: Lang): string[] {
  if (figure.source === 'live') return [];
  return [lang === 'zh' ? `${title}：快照数据，截至 ${figure.asOf}` : `${title}: from the snapshot as of ${figure.asOf}`];
}

export async function exportMetric(deps: Deps, actor: Actor, name: MetricName, query: ExportQuery, lang: Lang, onError: (err: unknown) => void) {
  const def = metricDef(name);
  const { cell, format, asOf: pinned, ...filters } = query;
  const ctx = await context({ ...deps, db: deps.bulkDb ?? deps.db }, actor, filters);
  // The snapshot the figure on screen came from (pinned), or the view's fresh one; a CSV of records needs no figure.
  const snapshot = await snapshotFor(deps, name, ctx, pinned);
  // A bad cell is a 400 before the download starts.
  if (cell) await (snapshot ? snapshotPage(deps, def, snapshot, cell, 1, 1) : factsPage(def, ctx, cell, 1, 1));
  const records = recordsSheet(def, ctx, snapshot ? snapshotBatches(deps, def, snapshot, cell) : factsBatches(def, ctx, cell), lang);
  if (format === 'csv') return { stream: spreadsheetStream('csv', [records], onError), filename: `${name}.csv`, format };
  const figure = snapshot ? fromSnapshot(snapshot) : await liveFigure(deps, def, ctx);
  const notes = [def.explain[lang], ...(cell ? [`cell: ${cell}`] : []), ...snapshotNote(def.title[lang], figure, lang)];
  const sheets = [aboutSheet(about(ctx, def.title[lang], notes, figure.asOf), lang), ...chartSheets(def, ctx, figure.answer, lang), records];
  return { stream: spreadsheetStream('xlsx', sheets, onError), filename: `${name}.xlsx`, format };
}

/** The dashboard: one sheet per chart of every listed metric, plus the About sheet; the same context for all. */
export async function exportDashboard(deps: Deps, actor: Actor, names: MetricName[], filters: MetricFilters, lang: Lang, onError: (err: unknown) => void) {
  const ctx = await context({ ...deps, db: deps.bulkDb ?? deps.db }, actor, filters);
  const charts: SheetSpec[] = [];
  const notes = names.map((n) => `${METRICS[n].title[lang]}: ${METRICS[n].explain[lang]}`);
  for (const name of names) {
    const def = metricDef(name);
    const figure = await figureOf(deps, def, ctx);
    charts.push(...chartSheets(def, ctx, figure.answer, lang));
    notes.push(...snapshotNote(def.title[lang], figure, lang));
  }
  return { stream: spreadsheetStream('xlsx', [aboutSheet(about(ctx, lang === 'zh' ? '作战室仪表盘' : 'War room dashboard', notes), lang), ...charts], onError), filename: 'dashboard.xlsx' };
}

/**
 * The dashboard's tables as displayed (what `exportDashboard` writes, amount columns dropped for callers who may not
 * see them), for a push to robots: one context for every listed metric.
 */
export async function dashboardTables(deps: Deps, actor: Actor, names: MetricName[], filters: MetricFilters) {
  const ctx = await context(deps, actor, filters);
  const items = [];
  for (const name of names) {
    const def = metricDef(name);
    const tables = def.tables((await figureOf(deps, def, ctx)).answer, ctx).map((t) => ({ ...t, columns: t.columns.filter((c) => !(c.amount && ctx.hideAmounts)) }));
    items.push({ name, title: def.title, tables });
  }
  return { asOf: ctx.asOf, timeZone: ctx.timeZone, filters: echoFilters(ctx), items };
}
