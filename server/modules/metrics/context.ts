/**
 * The context one metric query runs in: the caller's scope and hidden fields, the period as instants of the org
 * time zone, the team/owner/segment filters, the pipeline and the one calendar. Built once per request; the figure,
 * the drill list and the export of a request all read the same context, so they answer the same question.
 */
import { sql, expressionBuilder, type RawBuilder } from 'kysely';
import { DateTime } from 'luxon';
import type { Clock } from '../../core/clock.js';
import { invalid, notFound } from '../../core/errors.js';
import { can, hiddenFields, scopeOf, type AnyActor, type Scope } from '../../core/policy.js';
import type { Db, Dialect } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import { canonicalCustomerValues } from '../dictionaries/service.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { PipelineDefinition } from '../pipelines/definition.js';
import { definitionOf, findPipeline, listPipelines } from '../pipelines/repo.js';
import type { MetricFilters } from './schema.js';
import { WorkingTime } from './worktime.js';

export interface PipelineInfo {
  id: string;
  key: string;
  name: string;
  def: PipelineDefinition;
}

export interface MetricContext {
  db: Db;
  dialect: Dialect;
  actor: AnyActor;
  scope: Scope;
  /** The caller may not see amounts (RESTRICTED_FIELDS): figures leave amount sums out, exports drop the columns. */
  hideAmounts: boolean;
  hidden: string[];
  now: Date;
  asOf: string;
  timeZone: string;
  from: string;
  to: string;
  /** [fromAt, toAt): the period as UTC instants (local midnights). */
  fromAt: string;
  toAt: string;
  filters: MetricFilters;
  teamPath: string | null;
  pipeline: PipelineInfo | null;
  calendar: WorkCalendar;
  working(): WorkingTime;
  /**
   * Which rows queries over the history and the activities start from: the scoped sellers' (`scope`: a lead, a
   * seller, a team or owner filter) or the period's (`period`: the whole organisation). Both give the same rows
   * (tests/api/metrics-drive.test.ts); only the cost differs.
   */
  drive: 'scope' | 'period';
}

const WORKING_TIMES = new Map<string, WorkingTime>();

export async function buildContext(db: Db, dialect: Dialect, clock: Clock, actor: AnyActor, given: MetricFilters, defaultTimeZone: string): Promise<MetricContext> {
  // Segment values are stored as the dictionary's keys for known spellings (customers' write paths), so a filter spelled
  // "浙江杭州" or "Hospital" means its entry here as on the customer list; the figure, drill and export read the same.
  const filters: MetricFilters = { ...given, ...(await canonicalCustomerValues(db, { industry: given.industry, level: given.level, region: given.region, source: given.source })) };
  const calendar = await loadWorkCalendar(db, defaultTimeZone);
  const timeZone = calendar.settings.timeZone;
  const now = clock.now();
  const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
  const to = filters.to ?? today;
  const from = filters.from ?? DateTime.fromISO(to).minus({ days: 29 }).toISODate()!;
  if (from > to) throw invalid('from', 'invalid', undefined, 'from must not be after to');
  if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days > 731) throw invalid('from', 'out_of_range', { min: 1, max: 732 }, 'period of at most two years');
  const fromAt = DateTime.fromISO(from, { zone: timeZone }).toUTC().toISO()!;
  const toAt = DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).toUTC().toISO()!;
  let teamPath: string | null = null;
  if (filters.teamId) {
    const team = await db.selectFrom('teams').select('path').where('id', '=', filters.teamId).executeTakeFirst();
    if (!team) throw invalid('teamId', 'invalid');
    teamPath = team.path;
  }
  let pipeline: PipelineInfo | null = null;
  const row = filters.pipelineId ? await findPipeline(db, filters.pipelineId) : (await listPipelines(db))[0];
  if (filters.pipelineId && !row) throw notFound('Pipeline');
  if (row) pipeline = { id: row.id, key: row.key, name: row.name, def: definitionOf(row) };
  let working: WorkingTime | null = null;
  const laidOut = () => {
    // Laid out over six years back (older stays count from the range start) and cached per calendar and day:
    // building it walks ~2,200 days through the statutory source, far more than a drill page costs.
    const key = `${JSON.stringify(calendar.settings)}|${DateTime.fromJSDate(now, { zone: timeZone }).toISODate()}`;
    let cached = WORKING_TIMES.get(key);
    if (!cached) {
      cached = new WorkingTime(calendar, DateTime.fromJSDate(now).minus({ years: 6 }).toJSDate(), DateTime.fromJSDate(now).plus({ days: 1 }).toJSDate());
      if (WORKING_TIMES.size >= 8) WORKING_TIMES.delete(WORKING_TIMES.keys().next().value!);
      WORKING_TIMES.set(key, cached);
    }
    return cached;
  };
  const scope = scopeOf(actor);
  return {
    db,
    dialect,
    actor,
    scope,
    hideAmounts: !can(actor, 'deal.readAmount'),
    hidden: hiddenFields(actor),
    now,
    asOf: now.toISOString(),
    timeZone,
    from,
    to,
    fromAt: new Date(fromAt).toISOString(),
    toAt: new Date(toAt).toISOString(),
    filters,
    teamPath,
    pipeline,
    calendar,
    working: () => (working ??= laidOut()),
    drive: scope.kind !== 'all' || teamPath !== null || filters.ownerId ? 'scope' : 'period',
  };
}

type Owned = 'deals' | 'activities' | 'tasks' | 'customers';

/** The caller's scope on a table as SQL (core policy's indexed predicate), for the metric queries' raw SQL. */
export function scopeSql(ctx: MetricContext, table: Owned): RawBuilder<unknown> {
  const expr = scopeFilter(ctx.scope, table)(expressionBuilder<Database, typeof table>() as never);
  return sql`${expr}`;
}

/**
 * The deal-level filters of every deal-based metric (scope, team subtree, owner, customer segment), on `deals`.
 * Segment filters go through an `in` subquery so the common case (none) never joins customers.
 */
export function dealWhere(ctx: MetricContext, options: { pipeline?: boolean } = {}): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [scopeSql(ctx, 'deals')];
  if (options.pipeline !== false && ctx.pipeline) parts.push(sql`deals.pipeline_id = ${ctx.pipeline.id}`);
  if (ctx.teamPath) parts.push(sql`deals.team_path >= ${ctx.teamPath} and deals.team_path < ${ctx.teamPath + '~'}`);
  if (ctx.filters.ownerId) parts.push(sql`deals.owner_id = ${ctx.filters.ownerId}`);
  const seg = segmentWhere(ctx, 'sc');
  if (seg) parts.push(sql`deals.customer_id in (select sc.id from customers sc where ${seg})`);
  return sql.join(parts, sql` and `);
}

/**
 * `deal_stage_history h` joined to `deals`, in the order SQLite should walk them (`cross join` fixes it; PostgreSQL
 * plans it as an inner join): the period's history rows first for the whole organisation (walking every deal of the
 * pipeline and probing its history would cost more), the scoped deals first when a scope or filter selects a few
 * sellers (then each deal's history by its index: a lead's dwell read every stay of the period and kept 1 in 40).
 * Use with `deals.id = h.deal_id` in the where clause.
 */
export function historyJoin(ctx: MetricContext): RawBuilder<unknown> {
  return ctx.drive === 'scope' ? sql`deals cross join deal_stage_history h` : sql`deal_stage_history h cross join deals`;
}

/**
 * `activities` for a query bounded by the period and the caller's scope. For a team subtree SQLite's planner
 * prefers the period index (all sellers' activities of the period, then the scope as a filter, or every seller's
 * owner index in turn) to the team-path index, whose range it cannot see the width of: 0.53 s against 0.04 s for a
 * lead's IDI over 3,000,000 activities. PostgreSQL's planner weighs the range itself.
 */
export function activitiesIn(ctx: MetricContext): RawBuilder<unknown> {
  // With an owner filter (or a seller's own scope) the owner index is the narrower one; SQLite finds it unaided.
  const subtree = !ctx.filters.ownerId && ctx.scope.kind !== 'own' && (ctx.scope.kind === 'subtree' || ctx.teamPath !== null);
  return ctx.dialect === 'sqlite' && ctx.drive === 'scope' && subtree ? sql`activities indexed by activities_team_path` : sql`activities`;
}

/** Segment filters on a customers alias, or null when none is set. */
export function segmentWhere(ctx: MetricContext, alias: string): RawBuilder<unknown> | null {
  const parts: RawBuilder<unknown>[] = [];
  for (const key of ['industry', 'level', 'region', 'source'] as const) {
    const value = ctx.filters[key];
    if (value) parts.push(sql`${sql.ref(`${alias}.${key}`)} = ${value}`);
  }
  return parts.length ? sql.join(parts, sql` and `) : null;
}

/** The same for activities (IDI): scope on the activity's own owner/team path. */
export function activityWhere(ctx: MetricContext): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [scopeSql(ctx, 'activities')];
  if (ctx.teamPath) parts.push(sql`activities.team_path >= ${ctx.teamPath} and activities.team_path < ${ctx.teamPath + '~'}`);
  if (ctx.filters.ownerId) parts.push(sql`activities.owner_id = ${ctx.filters.ownerId}`);
  const seg = segmentWhere(ctx, 'sc');
  if (seg) parts.push(sql`activities.customer_id in (select sc.id from customers sc where ${seg})`);
  return sql.join(parts, sql` and `);
}

/** A stage order as SQL: `case <column> when 'key' then index … end` (null for keys not in the pipeline). */
export function stageIndexSql(def: PipelineDefinition, column: RawBuilder<unknown>): RawBuilder<number> {
  if (def.stages.length === 0) return sql<number>`null`;
  return sql<number>`(case ${column} ${sql.join(def.stages.map((s, i) => sql`when ${s.key} then ${sql.lit(i)}`), sql` `)} else null end)`;
}

/** The pipeline a metric needs; 404 when there is none at all. */
export function requirePipeline(ctx: MetricContext): PipelineInfo {
  if (!ctx.pipeline) throw notFound('Pipeline');
  return ctx.pipeline;
}
