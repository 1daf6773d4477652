/** Small SQL pieces the metric queries share (both dialects). */
import { sql, type RawBuilder } from 'kysely';
import { DateTime } from 'luxon';
import type { MetricContext } from './context.js';

/** `column` inside the request's period [fromAt, toAt). */
export function inPeriod(ctx: MetricContext, column: string): RawBuilder<unknown> {
  return sql`${sql.ref(column)} >= ${ctx.fromAt} and ${sql.ref(column)} < ${ctx.toAt}`;
}

/** A constant list as a derived table: `(values ('a', 0), ('b', 1)) as name(key, idx)` written portably. */
export function valuesTable(rows: Array<[string, number]>): RawBuilder<unknown> {
  if (rows.length === 0) return sql`select '' as key, -1 as idx where 1 = 0`;
  return sql.join(
    rows.map(([k, i]) => sql`select ${sql.lit(k)} as key, ${sql.lit(i)} as idx`),
    sql` union all `,
  );
}

/** Monday dates (local) of the weeks overlapping the period, with the instant each starts. */
export function weeksOf(ctx: MetricContext): Array<{ week: string; startsAt: string }> {
  const zone = ctx.timeZone;
  let monday = DateTime.fromISO(ctx.from, { zone }).startOf('week');
  const end = DateTime.fromISO(ctx.to, { zone });
  const out: Array<{ week: string; startsAt: string }> = [];
  while (monday <= end) {
    out.push({ week: monday.toISODate()!, startsAt: monday.toUTC().toISO()! });
    monday = monday.plus({ weeks: 1 });
  }
  return out.map((w) => ({ ...w, startsAt: new Date(w.startsAt).toISOString() }));
}

/** The local week (Monday date) an instant column falls in, as a CASE over the period's week starts. */
export function weekSql(ctx: MetricContext, column: string): RawBuilder<string> {
  const weeks = weeksOf(ctx);
  const ref = sql.ref(column);
  const whens = weeks
    .slice(1)
    .map((w, i) => sql`when ${ref} < ${w.startsAt} then ${sql.lit(weeks[i].week)}`);
  const last = weeks[weeks.length - 1].week;
  return whens.length ? sql<string>`(case ${sql.join(whens, sql` `)} else ${sql.lit(last)} end)` : sql<string>`${sql.lit(last)}`;
}

/** The owner's display names, for figures that list sellers. */
export async function userNames(ctx: MetricContext, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)].filter(Boolean);
  if (list.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function teamNames(ctx: MetricContext, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)].filter(Boolean);
  if (list.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('teams').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const userRef = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? id });
