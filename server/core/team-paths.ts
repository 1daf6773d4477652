/**
 * A team moved under another parent takes its subtree along: every stored path that starts with the team's old path
 * starts with its new one. Modules keep team paths as scope columns (customers.team_path, work_orders.queue_path, …);
 * each names its own columns to the hook `org.teamMoved` through `movesTeamPaths`, so org writes none of their tables
 * and no path under the old subtree is left behind (a stale one would show a record to the wrong managers).
 */
import { sql } from 'kysely';
import type { Queryable } from '../db/index.js';
import type { Database } from '../db/schema.js';
import { subtreeUpperBound } from './policy.js';

type Table = keyof Database;
/** A table and one of its path columns. */
export type PathColumn = { [T in Table]: readonly [T, keyof Database[T] & string] }[Table];

/** Rewrites the `from` prefix to `to` in one path column (the subtree range, as scope filters read it). */
export async function movePathPrefix(db: Queryable, [table, column]: PathColumn, from: string, to: string): Promise<void> {
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${to} || substr(${sql.ref(column)}, ${from.length + 1}) where ${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${subtreeUpperBound(from)}`.execute(db);
}

/** The `org.teamMoved` hook of a module whose tables keep these path columns. */
export function movesTeamPaths(columns: readonly PathColumn[]) {
  return async (trx: Queryable, from: string, to: string): Promise<void> => {
    for (const column of columns) await movePathPrefix(trx, column, from, to);
  };
}
