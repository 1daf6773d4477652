/**
 * Materialised dashboard views. A view (one user's metric with one set of filters) whose live query proved expensive
 * — at least `aboveMs` over at least `minRows` fact rows: the director's whole organisation, not a small team — is
 * rebuilt by the worker every `refreshMinutes`: it reads the metric's facts once, computes the figure from exactly
 * those rows (RowsFacts) and stores both. While a snapshot is younger than `maxAgeMinutes` the figure is served from
 * it, and the drill list and the export of the same view read its stored rows: count(drill) = value = rows(export)
 * still holds by construction, and the answer's `asOf` says when the rows were read. A drill may pin the snapshot its
 * figure came from (`asOf`), so a refresh between the two does not change the list under the user.
 * Small views (every lead's, every test fixture's) never qualify and stay live.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { breathe } from '../../core/breathe.js';
import { AppError } from '../../core/errors.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { isSystem, type Actor, type AnyActor } from '../../core/policy.js';
import type { MetricSnapshotFactsTable } from '../../db/schema-metrics.js';
import { toActor } from '../auth/repo.js';
import { buildContext, type MetricContext } from './context.js';
import { parseCell, RowsFacts, type FactRow, type MetricDef } from './framework.js';
import { metricDef } from './registry.js';
import * as repo from './snapshot-repo.js';
import { METRIC_NAMES, type MetricFilters, type MetricName } from './schema.js';

const MINUTE = 60_000;
/** Kept besides the newest: a figure served from it a moment ago may still be drilled into. */
const KEEP_SNAPSHOTS = 2;
/** A view's `requested_at` is written at most this often while it is served from snapshots. */
const TOUCH_EVERY_MS = 60 * MINUTE;
const DIM_COLUMNS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'] as const;
export const MAX_SNAPSHOT_DIMS = DIM_COLUMNS.length;

export type Snapshot = repo.SnapshotRow;

/**
 * What a metric's answer depends on besides the filters: the caller's scope and the fields hidden from them (the
 * metric definitions read nothing else of the caller). Callers alike share one view — every director and admin of the
 * organisation one set of snapshots — and nobody is served another scope's rows.
 */
function fingerprintOf(ctx: Pick<MetricContext, 'scope' | 'hidden' | 'hideAmounts'>): string {
  return JSON.stringify({ scope: ctx.scope, hidden: [...ctx.hidden].sort(), hideAmounts: ctx.hideAmounts });
}

function viewOf(name: MetricName, ctx: MetricContext): { id: string; fingerprint: string; actor: Actor } | null {
  const actor: AnyActor = ctx.actor;
  if (isSystem(actor)) return null;
  const fingerprint = fingerprintOf(ctx);
  const given = Object.entries(ctx.filters)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  const id = createHash('sha256').update(`${name}|${JSON.stringify(given)}|${fingerprint}`).digest('hex').slice(0, 32);
  return { id, fingerprint, actor };
}

/**
 * The snapshot to answer this request from, or null (compute live): the view's newest ready snapshot for the same
 * period and pipeline, not older than the maximum age — or, when `pinned` names one, that one while it is kept.
 */
export async function snapshotFor(deps: Deps, name: MetricName, ctx: MetricContext, pinned?: string): Promise<Snapshot | null> {
  const view = viewOf(name, ctx);
  if (!view) return null;
  const row = await repo.findView(deps.db, view.id);
  if (!row) return null;
  const snap = await repo.readySnapshot(deps.db, view.id, pinned);
  if (!snap || snap.from_date !== ctx.from || snap.to_date !== ctx.to || snap.pipeline_id !== (ctx.pipeline?.id ?? null)) return null;
  const now = ctx.now.getTime();
  const age = now - Date.parse(snap.as_of);
  if (age < 0 || (!pinned && age > deps.config.metricSnapshots.maxAgeMinutes * MINUTE)) return null;
  if (now - Date.parse(row.requested_at) > TOUCH_EVERY_MS) await repo.touchView(deps.db, view.id, ctx.asOf);
  return snap;
}

/** After a live figure: a view that was expensive over many rows is registered for the worker to materialise. */
export async function noteLive(deps: Deps, name: MetricName, ctx: MetricContext, ms: number, rows: number): Promise<void> {
  const { aboveMs, minRows } = deps.config.metricSnapshots;
  if (ms < aboveMs || rows < minRows) return;
  const view = viewOf(name, ctx);
  if (!view) return;
  await repo.insertView(deps.db, {
    id: view.id,
    user_id: view.actor.id,
    metric: name,
    filters: toJson(ctx.filters),
    fingerprint: view.fingerprint,
    live_ms: Math.round(ms),
    live_rows: rows,
    requested_at: ctx.asOf,
    refreshed_at: null,
    claimed_until: null,
    created_at: ctx.asOf,
  });
}

/** A cell's dimension values as the snapshot's dimension columns. */
function cellColumns(def: MetricDef<unknown>, cell: string): Partial<repo.FactDims> {
  return Object.fromEntries(Object.entries(parseCell(def, cell)).map(([dim, value]) => [DIM_COLUMNS[def.dims.indexOf(dim)], value]));
}

/** A stored fact as the drill and export read it: dimensions as text (as a cell names them), `row_id` its position. */
function factOf(def: MetricDef<unknown>, r: repo.StoredFact): FactRow {
  const dims = Object.fromEntries(def.dims.map((d, i) => [d, r[DIM_COLUMNS[i]]]));
  const extra = r.vals ? parseJson<Record<string, unknown>>(r.vals, {}) : {};
  return { ...extra, ...dims, row_id: String(r.seq), record_id: r.record_id, deal_id: r.deal_id, at: r.at, kind: r.kind as FactRow['kind'] };
}

export async function snapshotPage(deps: Deps, def: MetricDef<unknown>, snap: Snapshot, cell: string, page: number, pageSize: number) {
  const where = cellColumns(def, cell);
  // The whole snapshot (cell `*`) is as many rows as the build stored: no count over hundreds of thousands of rows.
  const count = Object.keys(where).length === 0 ? Promise.resolve(snap.row_count) : repo.countFacts(deps.db, snap.id, where);
  const [total, rows] = await Promise.all([count, repo.factsPage(deps.db, snap.id, where, pageSize, { offset: (page - 1) * pageSize })]);
  return { total, rows: rows.map((r) => factOf(def, r)) };
}

export async function* snapshotBatches(deps: Deps, def: MetricDef<unknown>, snap: Snapshot, cell: string | undefined, batch = 5000): AsyncGenerator<FactRow[]> {
  const where = cell ? cellColumns(def, cell) : {};
  let after: number | undefined;
  for (;;) {
    const rows = await repo.factsPage(deps.bulkDb ?? deps.db, snap.id, where, batch, { after });
    if (rows.length === 0) return;
    yield rows.map((r) => factOf(def, r));
    if (rows.length < batch) return;
    after = rows[rows.length - 1].seq;
  }
}

const FACT_COLUMNS = new Set(['row_id', 'record_id', 'deal_id', 'at', 'kind']);

/** The row stored for a fact: its own columns and dimensions as columns, a metric's extra columns as JSON. */
function storedFact(def: MetricDef<unknown>, snapshotId: string, seq: number, f: FactRow): MetricSnapshotFactsTable {
  const dims = Object.fromEntries(DIM_COLUMNS.map((col, i) => [col, i < def.dims.length && f[def.dims[i]] != null ? String(f[def.dims[i]]) : null])) as repo.FactDims;
  const extra = Object.entries(f).filter(([k]) => !FACT_COLUMNS.has(k) && !def.dims.includes(k));
  return {
    snapshot_id: snapshotId,
    seq,
    record_id: String(f.record_id),
    deal_id: f.deal_id ?? null,
    at: f.at ?? null,
    kind: f.kind,
    ...dims,
    vals: extra.length ? JSON.stringify(Object.fromEntries(extra)) : null,
  };
}

export type BuildOutcome = { built: true; snapshotId: string; rows: number; ms: number } | { built: false; reason: 'gone' | 'claimed' };

/** Materialises one view now: reads its facts once, computes the figure from them, stores both. */
export async function buildSnapshot(deps: Deps, viewId: string): Promise<BuildOutcome> {
  const now = deps.clock.now();
  const view = await repo.findView(deps.db, viewId);
  if (!view) return { built: false, reason: 'gone' };
  if (!(await repo.claimView(deps.db, view.id, now.toISOString(), new Date(now.getTime() + 30 * MINUTE).toISOString()))) return { built: false, reason: 'claimed' };
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', view.user_id).where('active', '=', 1).executeTakeFirst();
  if (!user || !(METRIC_NAMES as readonly string[]).includes(view.metric)) {
    await dropViews(deps, [view.id]);
    return { built: false, reason: 'gone' };
  }
  const def = metricDef(view.metric as MetricName);
  const started = performance.now();
  let ctx: MetricContext;
  try {
    ctx = await buildContext(deps.db, deps.dialect, deps.clock, toActor(user), parseJson<MetricFilters>(view.filters, {}), deps.config.timeZone);
  } catch (err) {
    // Its pipeline or team no longer exists: the request would now answer 4xx, so there is nothing to keep.
    if (!(err instanceof AppError)) throw err;
    await dropViews(deps, [view.id]);
    return { built: false, reason: 'gone' };
  }
  // The user who asked last changed role or team: nothing is built in the old scope (a caller still in it registers
  // the view again with their next live request).
  if (fingerprintOf(ctx) !== view.fingerprint) {
    await dropViews(deps, [view.id]);
    return { built: false, reason: 'gone' };
  }
  const facts = await def.facts(ctx);
  // In row_id order, as the live drill pages them; `seq` keeps that order in far less space than the ids.
  const rows = facts ? (await sql<FactRow>`select f.* from (${facts}) f order by f.row_id`.execute(deps.db)).rows : [];
  const answer = await def.figure(ctx, new RowsFacts(def, rows));
  const snapshotId = newId();
  await repo.insertSnapshot(deps.db, {
    id: snapshotId,
    view_id: view.id,
    as_of: ctx.asOf,
    from_date: ctx.from,
    to_date: ctx.to,
    pipeline_id: ctx.pipeline?.id ?? null,
    answer: toJson(answer),
    row_count: rows.length,
    built_ms: 0,
    ready: 0,
    created_at: ctx.asOf,
  });
  for (let i = 0; i < rows.length; i += repo.FACT_BATCH) {
    await repo.insertFacts(deps.db, rows.slice(i, i + repo.FACT_BATCH).map((f, j) => storedFact(def, snapshotId, i + j, f)));
    await breathe();
  }
  const ms = Math.round(performance.now() - started);
  await repo.markReady(deps.db, snapshotId, ms);
  await repo.releaseView(deps.db, view.id, ctx.asOf);
  await repo.deleteSnapshots(deps.db, await repo.supersededSnapshots(deps.db, view.id, KEEP_SNAPSHOTS, new Date(now.getTime() - 30 * MINUTE).toISOString()));
  return { built: true, snapshotId, rows: rows.length, ms };
}

async function dropViews(deps: Deps, viewIds: string[]): Promise<void> {
  if (viewIds.length === 0) return;
  await repo.deleteSnapshots(deps.db, await repo.snapshotsOf(deps.db, viewIds));
  await repo.deleteViews(deps.db, viewIds);
}

/**
 * One round of the worker: drops views nobody asked for in `keepDays`, then builds the due views (never built, or
 * whose last snapshot is `refreshMinutes` old), at most `limit` of them. Returns how many it built.
 */
export async function refreshSnapshots(deps: Deps, limit = 1): Promise<number> {
  const settings = deps.config.metricSnapshots;
  const now = deps.clock.now().getTime();
  await dropViews(deps, await repo.idleViews(deps.db, new Date(now - settings.keepDays * 24 * 60 * MINUTE).toISOString()));
  const due = await repo.dueViews(
    deps.db,
    new Date(now).toISOString(),
    new Date(now - settings.keepDays * 24 * 60 * MINUTE).toISOString(),
    new Date(now - settings.refreshMinutes * MINUTE).toISOString(),
    limit,
  );
  let built = 0;
  for (const view of due) if ((await buildSnapshot(deps, view.id)).built) built++;
  return built;
}
