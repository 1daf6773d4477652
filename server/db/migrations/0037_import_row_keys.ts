import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Import, in-file duplicates (issue 13): the dry run used to keep every row's natural keys (credit code, phone,
 * company-name key, contract number…) in a map in memory, which grows with the file. `import_row_keys` holds them
 * instead — the first row of the file that claimed each key — so a 100,000-row file costs the process one batch of
 * memory. Only the dry run uses the table; it empties it when it ends.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('import_row_keys')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_row_keys_pk', ['import_id', 'key'])
    .execute();
}
