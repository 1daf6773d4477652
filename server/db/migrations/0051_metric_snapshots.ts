import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Metric snapshots (issue 12, figures at full size): a dashboard view whose live query is expensive — the director's
 * whole organisation over 300,000 deals — is materialised by the worker: the figure as computed, and the very fact
 * rows it was computed from, so the figure, the drill list and the export of a snapshot are still one set of rows.
 * `metric_views` are the views asked for (per user, metric and filters); `metric_snapshots` their materialisations;
 * `metric_snapshot_facts` the fact rows in the facts' own order (`seq`), dimensions in d0…d5 (the metric's dimension
 * order) for the drill's cell filter, a metric's own extra columns as JSON in `vals`. No foreign key on the facts: they are
 * written in bulk and deleted with their snapshot in batches.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('metric_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('live_ms', 'integer', (c) => c.notNull())
    .addColumn('live_rows', 'integer', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('refreshed_at', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('metric_views_requested').on('metric_views').column('requested_at').execute();
  await db.schema
    .createTable('metric_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('view_id', 'text', (c) => c.notNull().references('metric_views.id').onDelete('cascade'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text')
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('built_ms', 'integer', (c) => c.notNull())
    .addColumn('ready', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('metric_snapshots_view').on('metric_snapshots').columns(['view_id', 'as_of']).execute();
  await db.schema
    .createTable('metric_snapshot_facts')
    .addColumn('snapshot_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text')
    .addColumn('at', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('d0', 'text')
    .addColumn('d1', 'text')
    .addColumn('d2', 'text')
    .addColumn('d3', 'text')
    .addColumn('d4', 'text')
    .addColumn('d5', 'text')
    .addColumn('vals', 'text')
    .addPrimaryKeyConstraint('metric_snapshot_facts_pk', ['snapshot_id', 'seq'])
    // SQLite: the rows live in their key's b-tree, not in a rowid table beside a second copy of the key (~100 MB less
    // for the director's 1.9 million fact rows at full size).
    .$call((b) => (dialect === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
}
