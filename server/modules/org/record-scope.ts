/**
 * Where a record of any registered kind sits in the org tree: its owner and team path, read through the scope spec
 * of the record registry (core/entities.ts): the record's own columns, its customer's, or those of the record it
 * hangs off. The audit trail and attachments use it, so a new record kind is readable there once it is registered.
 */
import { sql } from 'kysely';
import type { Queryable } from '../../db/index.js';
import { recordOf, SOFT_DELETED, type RecordEntry } from '../../core/entities.js';

export type RecordPlace = { ownerId: string; teamPath: string };

/**
 * The owner and team path of record `kind`/`id`; null when there is no such record (with `live`, soft-deleted
 * records count as gone); 'config' for kinds without an owner (settings and definitions).
 */
export async function placeOf(db: Queryable, kind: string, id: string, options: { live?: boolean } = {}): Promise<RecordPlace | null | 'config'> {
  const record = recordOf(kind) as RecordEntry | undefined;
  if (!record) return null;
  const scope = record.scope;
  if (scope === 'config') return 'config';
  const live = options.live && record.table in SOFT_DELETED ? sql` and ${sql.ref('deleted_at')} is null` : sql``;
  if ('owner' in scope) {
    const { rows } = await sql<{ owner_id: string; team_path: string }>`select ${sql.ref(scope.owner)} as owner_id, ${sql.ref(scope.teamPath)} as team_path from ${sql.table(record.table)} where id = ${id}${live}`.execute(db);
    return rows[0] ? { ownerId: rows[0].owner_id, teamPath: rows[0].team_path } : null;
  }
  if ('viaCustomer' in scope) {
    const { rows } = await sql<{ customer_id: string }>`select ${sql.ref(scope.viaCustomer)} as customer_id from ${sql.table(record.table)} where id = ${id}`.execute(db);
    return rows[0] ? placeOf(db, 'customer', rows[0].customer_id, options) : null;
  }
  const { rows } = await sql<{ kind: string; id: string }>`select ${sql.ref(scope.viaRecord.kind)} as kind, ${sql.ref(scope.viaRecord.id)} as id from ${sql.table(record.table)} where id = ${id}`.execute(db);
  return rows[0] ? placeOf(db, rows[0].kind, rows[0].id, options) : null;
}

