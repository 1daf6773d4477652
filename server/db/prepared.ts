/**
 * Fixed-shape statements on the hot paths (every command's audit entry and event, the activity write), built and
 * compiled by Kysely once per dialect and shape, then run with each call's values. Kysely rebuilds and recompiles a
 * query on every call; for a statement of a few microseconds that is most of its cost.
 *
 * The builder is run once with placeholder marks instead of the values; the compiled parameters are then mapped back
 * to the values by name. A parameter that embeds a mark (a prefix range's upper bound `path~`) is rebuilt by
 * substitution; any other parameter is a constant of the statement. So a builder must use its values as they are
 * (or inside a string) and must not branch on them — what changes the SQL (a scope's kind, which columns an insert
 * names) belongs in the shape, part of the cache key.
 */
import type { Compilable, CompiledQuery } from 'kysely';
import type { Queryable } from './index.js';

type Values = Record<string, unknown>;

interface Plan {
  compiled: CompiledQuery;
  slots: Array<(values: Values) => unknown>;
}

const mark = (name: string) => `\u2983${name}\u2984`;
const MARKS = /\u2983([^\u2984]+)\u2984/g;

function planOf(compiled: CompiledQuery, names: string[]): Plan {
  const used = new Set<string>();
  const slots = compiled.parameters.map((p): ((values: Values) => unknown) => {
    if (typeof p !== 'string' || !p.includes('\u2983')) return () => p;
    const whole = /^\u2983([^\u2984]+)\u2984$/.exec(p);
    if (whole) {
      used.add(whole[1]);
      return (values) => values[whole[1]];
    }
    for (const m of p.matchAll(MARKS)) used.add(m[1]);
    return (values) => p.replace(MARKS, (_, name: string) => String(values[name]));
  });
  const unused = names.filter((n) => !used.has(n));
  // A value the statement never reads was transformed by the builder (or branched on): the plan would be wrong.
  if (unused.length) throw new Error(`prepared statement: ${unused.join(', ')} not used as parameters in: ${compiled.sql}`);
  return { compiled, slots };
}

/**
 * `const insertAudit = prepared((db, v: AuditRow) => db.insertInto('audit_log').values(v))`, then
 * `await insertAudit(trx, row)`. `shape` names a variant of the SQL and is passed to the builder (the value names are
 * part of the key as well, so an insert naming other columns is another statement).
 */
export function prepared<V extends object, R = unknown>(build: (db: Queryable, values: V, shape: string) => Compilable<R>) {
  const plans = new Map<string, Plan>();
  return async (db: Queryable, values: V, shape = ''): Promise<R[]> => {
    const names = Object.keys(values);
    const adapter = db.getExecutor().adapter.constructor.name;
    const key = `${adapter}\u0000${shape}\u0000${names.join(',')}`;
    let plan = plans.get(key);
    if (!plan) {
      const marks = Object.fromEntries(names.map((n) => [n, mark(n)])) as unknown as V;
      plan = planOf(build(db, marks, shape).compile(), names);
      plans.set(key, plan);
    }
    const { rows } = await db.executeQuery<R>({ ...plan.compiled, parameters: plan.slots.map((slot) => slot(values as Values)) });
    return rows;
  };
}
