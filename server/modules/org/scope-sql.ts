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
  return (_eb: ExpressionBuilder<Database, T>): Expression<SqlBool> => scopePredicate(scope, `${table}.${ownerColumn}`, `${table}.team_path`);
}

/**
 * The same predicate over columns named by reference: for a table that copies a scoped table's owner and team path
 * (the board counters `deal_stage_totals` copy the deals'), so both answer for exactly the same people.
 */
export function scopePredicate(scope: Scope, ownerRef: string, teamPathRef: string): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  if (scope.kind === 'own') return sql<SqlBool>`${sql.ref(ownerRef)} = ${scope.userId}`;
  return sql<SqlBool>`(${sql.ref(teamPathRef)} >= ${scope.path} and ${sql.ref(teamPathRef)} < ${subtreeUpperBound(scope.path)})`;
}

/**
 * A scope split for a prepared statement (db/prepared.ts): its kind is the statement's shape, its owner or path a
 * value; `scopeOfShape` puts it back together inside the builder.
 */
export function scopeShape(scope: Scope): { shape: Scope['kind']; values: ScopeValue } {
  if (scope.kind === 'all') return { shape: 'all', values: {} };
  return { shape: scope.kind, values: { scopeValue: scope.kind === 'own' ? scope.userId : scope.path } };
}

type ScopeValue = { scopeValue?: string };

export function scopeOfShape(shape: string, values: ScopeValue): Scope {
  if (shape === 'own') return { kind: 'own', userId: values.scopeValue! };
  if (shape === 'subtree') return { kind: 'subtree', path: values.scopeValue! };
  if (shape === 'all') return { kind: 'all' };
  throw new Error(`unknown scope shape ${shape}`);
}
