/** SQL of the metric snapshots: views asked for, their materialisations and the fact rows each was computed from. */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/index.js';
import type { MetricSnapshotFactsTable, MetricSnapshotsTable, MetricViewsTable } from '../../db/schema-metrics.js';

/** SQLite binds at most 32,766 parameters a statement: 500 rows of 13 columns stay far below, and keep each write short. */
export const FACT_BATCH = 500;
const DELETE_BATCH = 5000;

export type SnapshotRow = MetricSnapshotsTable;
export type FactDims = Pick<MetricSnapshotFactsTable, 'd0' | 'd1' | 'd2' | 'd3' | 'd4' | 'd5'>;

export function findView(db: Db, id: string) {
  return db.selectFrom('metric_views').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertView(db: Db, row: MetricViewsTable): Promise<void> {
  await db.insertInto('metric_views').values(row).onConflict((oc) => oc.column('id').doUpdateSet({ user_id: row.user_id, live_ms: row.live_ms, live_rows: row.live_rows, requested_at: row.requested_at })).execute();
}

export async function touchView(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('metric_views').set({ requested_at: at }).where('id', '=', id).execute();
}

/** The ready snapshot of a view at `asOf`, or its latest ready one. */
export function readySnapshot(db: Db, viewId: string, asOf?: string) {
  let q = db.selectFrom('metric_snapshots').selectAll().where('view_id', '=', viewId).where('ready', '=', 1);
  if (asOf) q = q.where('as_of', '=', asOf);
  return q.orderBy('as_of', 'desc').limit(1).executeTakeFirst();
}

/** Views asked for since `since` whose last snapshot is older than `staleBefore` (or that have none), not held by a worker. */
export function dueViews(db: Db, now: string, since: string, staleBefore: string, limit: number) {
  return db
    .selectFrom('metric_views')
    .selectAll()
    .where('requested_at', '>=', since)
    .where((eb) => eb.or([eb('refreshed_at', 'is', null), eb('refreshed_at', '<=', staleBefore)]))
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('refreshed_at')
    .limit(limit)
    .execute();
}

/** Takes a view for one build; false when another worker holds it. */
export async function claimView(db: Db, id: string, now: string, until: string): Promise<boolean> {
  const res = await db
    .updateTable('metric_views')
    .set({ claimed_until: until })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function releaseView(db: Db, id: string, refreshedAt: string | null): Promise<void> {
  const set = refreshedAt ? { claimed_until: null, refreshed_at: refreshedAt } : { claimed_until: null };
  await db.updateTable('metric_views').set(set).where('id', '=', id).execute();
}

export async function insertSnapshot(db: Db, row: MetricSnapshotsTable): Promise<void> {
  await db.insertInto('metric_snapshots').values(row).execute();
}

export async function markReady(db: Db, id: string, builtMs: number): Promise<void> {
  await db.updateTable('metric_snapshots').set({ ready: 1, built_ms: builtMs }).where('id', '=', id).execute();
}

/** Writes one batch of fact rows (at most FACT_BATCH) in one statement: a SQLite writer never waits long behind a build. */
export async function insertFacts(db: Db, rows: MetricSnapshotFactsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('metric_snapshot_facts').values(rows).execute();
}

/** Deletes snapshots (their facts first, in batches) and returns how many went. */
export async function deleteSnapshots(db: Db, ids: string[]): Promise<number> {
  for (const id of ids) {
    for (;;) {
      const res = await db
        .deleteFrom('metric_snapshot_facts')
        .where('snapshot_id', '=', id)
        .where('seq', 'in', (eb) => eb.selectFrom('metric_snapshot_facts').select('seq').where('snapshot_id', '=', id).limit(DELETE_BATCH))
        .executeTakeFirst();
      if (Number(res.numDeletedRows) < DELETE_BATCH) break;
    }
    await db.deleteFrom('metric_snapshots').where('id', '=', id).execute();
  }
  return ids.length;
}

/** A view's snapshots past the newest `keep` ready ones (a figure just served may still be drilled), and unfinished ones from before `abandonedBefore`. */
export async function supersededSnapshots(db: Db, viewId: string, keep: number, abandonedBefore: string): Promise<string[]> {
  const rows = await db.selectFrom('metric_snapshots').select(['id', 'ready', 'created_at']).where('view_id', '=', viewId).orderBy('as_of', 'desc').execute();
  const ready = rows.filter((r) => r.ready === 1).slice(keep);
  const abandoned = rows.filter((r) => r.ready !== 1 && r.created_at < abandonedBefore);
  return [...ready, ...abandoned].map((r) => r.id);
}

/** Views nobody asked for since `before`. */
export async function idleViews(db: Db, before: string): Promise<string[]> {
  return (await db.selectFrom('metric_views').select('id').where('requested_at', '<', before).execute()).map((v) => v.id);
}

export async function snapshotsOf(db: Db, viewIds: string[]): Promise<string[]> {
  if (viewIds.length === 0) return [];
  return (await db.selectFrom('metric_snapshots').select('id').where('view_id', 'in', viewIds).execute()).map((s) => s.id);
}

export async function deleteViews(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('metric_views').where('id', 'in', ids).execute();
}

function factsWhere(snapshotId: string, cell: Partial<FactDims>): RawBuilder<unknown> {
  const parts = [sql`snapshot_id = ${snapshotId}`, ...Object.entries(cell).map(([col, value]) => sql`${sql.ref(col)} = ${value}`)];
  return sql.join(parts, sql` and `);
}

export async function countFacts(db: Db, snapshotId: string, cell: Partial<FactDims>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from metric_snapshot_facts where ${factsWhere(snapshotId, cell)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export type StoredFact = Omit<MetricSnapshotFactsTable, 'snapshot_id'>;

/** A page of a snapshot's facts (of one cell) in row order, after `after` (keyset) or at `offset`. */
export async function factsPage(db: Db, snapshotId: string, cell: Partial<FactDims>, limit: number, at: { after?: number; offset?: number }) {
  const keyset = at.after !== undefined ? sql`and seq > ${at.after}` : sql``;
  const { rows } = await sql<StoredFact>`select seq, record_id, deal_id, at, kind, d0, d1, d2, d3, d4, d5, vals from metric_snapshot_facts where ${factsWhere(snapshotId, cell)} ${keyset}
    order by seq limit ${limit} offset ${at.offset ?? 0}`.execute(db);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
