import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Staged imports (issue 13). `imports` is one upload with its mapping, options, status, progress and counts;
 * `import_rows` holds the verdict of every data row of phase 1 (the dry run), keyed by (import, row number), and
 * what phase 2 (commit) did with it (`applied`, the record, the fields it changed), so a commit resumes after the
 * last committed batch and an undo knows what to take back. `import_presets` are named mappings, found again by the
 * signature of a file's headers.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_size', big, (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text')
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('team_path', 'text')
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('validated_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applied_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('committed_through', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_until', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('validated_at', 'text')
    .addColumn('committed_at', 'text')
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('imports_created').on('imports').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('imports_status').on('imports').columns(['status', 'lease_until']).execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('data', 'text')
    .addColumn('raw', 'text')
    .addColumn('errors', 'text')
    .addColumn('hash', 'text')
    .addColumn('applied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'text')
    .addColumn('applied_at', 'text')
    .addColumn('changes', 'text')
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'row_number'])
    .execute();
  await db.schema.createIndex('import_rows_verdict').on('import_rows').columns(['import_id', 'verdict', 'row_number']).execute();
  await db.schema.createIndex('import_rows_target').on('import_rows').columns(['target_id']).execute();

  await db.schema
    .createTable('import_presets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_presets_signature').on('import_presets').columns(['kind', 'signature']).execute();
}
