import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import { REGISTRY, type OwnedTable } from '../../core/entities.js';
import { subtreeUpperBound, type Scope } from './scope.js';

/** Tables with their own owner and team-path columns (the registry's scope decision); appointments have their own store predicate. */
type ScopedTable = Exclude<OwnedTable, 'appointments'>;

/**
 * The scope as an indexed SQL predicate: an owner equality or a path prefix range. Never filter rows in memory;
 * other CRMs' users report 10-second pages for non-admin roles because of that.
 */
export function scopeFilter<T extends ScopedTable>(
  scope: Scope,
  table: T,
  ownerColumn: string = REGISTRY[table].scope.owner,
) {
  return (eb: ExpressionBuilder<Database, T>): Expression<SqlBool> => {
    const ref = (col: string) => sql.ref(`${table}.${col}`);
    if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
    if (scope.kind === 'own') return sql<SqlBool>`${ref(ownerColumn)} = ${scope.userId}`;
    return eb.and([
      sql<SqlBool>`${ref('team_path')} >= ${scope.path}`,
      sql<SqlBool>`${ref('team_path')} < ${subtreeUpperBound(scope.path)}`,
    ]);
  };
}
