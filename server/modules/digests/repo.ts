/** All SQL of the digests module: settings, digest rows, and the day's figures of one store/team. */
import { like } from '../../core/like.js';
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { DashboardSendsTable, DashboardSubscriptionsTable } from '../../db/schema-subscriptions.js';
import type { DigestSettingsTable, DigestsTable } from '../../db/schema.js';
import { parseJson } from '../../core/json.js';
import { scopeFilter } from '../org/scope-sql.js';
import { subtreeUpperBound } from '../org/scope.js';
import type { DigestFigures, DigestKind, Metric, RecordRef, SellerFigure } from './content.js';
import type { DigestSlot } from './slots.js';
import { GROUPS } from '../../core/policy.js';

export type DigestRow = Selectable<DigestsTable>;
export type SettingsRow = Selectable<DigestSettingsTable>;

/** Teams that get a digest: stores and sales teams (regions and the company read their teams' digests). */
export const DIGEST_TEAM_KINDS = ['store', 'team'];
export const DEFAULT_CRON = '0 18 * * *';
/** Records listed behind each figure; the count is exact, the list is a sample to click through. */
export const RECORDS_PER_LINE = 20;

export interface DigestTeam {
  id: string;
  name: string;
  kind: string;
  path: string;
}

export function digestTeams(db: Queryable): Promise<DigestTeam[]> {
  return db.selectFrom('teams').select(['id', 'name', 'kind', 'path']).where('kind', 'in', DIGEST_TEAM_KINDS).orderBy('path').execute();
}

/** Digest units under `path` (null: the whole org; `own`: the caller's own team and the teams above it). */
export function unitsVisibleTo(db: Queryable, path: string | null, own: boolean): Promise<DigestTeam[]> {
  let q = db.selectFrom('teams').select(['id', 'name', 'kind', 'path']).where('kind', 'in', [...DIGEST_TEAM_KINDS, 'region']);
  if (path && own) q = q.where('path', '=', path);
  else if (path) q = q.where('path', '>=', path).where('path', '<', subtreeUpperBound(path));
  return q.orderBy('path').execute();
}

export function findTeam(db: Queryable, id: string): Promise<DigestTeam | undefined> {
  return db.selectFrom('teams').select(['id', 'name', 'kind', 'path']).where('id', '=', id).executeTakeFirst();
}

export async function allSettings(db: Queryable): Promise<Map<string, SettingsRow>> {
  const rows = await db.selectFrom('digest_settings').selectAll().execute();
  return new Map(rows.map((r) => [r.team_id, r]));
}

export function findSettings(db: Queryable, teamId: string) {
  return db.selectFrom('digest_settings').selectAll().where('team_id', '=', teamId).executeTakeFirst();
}

/** Default settings for teams without a row; slots count from now, so a new team never gets yesterday's digest. */
export async function ensureSettings(db: Queryable, teamIds: string[], now: string): Promise<void> {
  if (!teamIds.length) return;
  await db
    .insertInto('digest_settings')
    .values(teamIds.map((id) => ({ team_id: id, cron: DEFAULT_CRON, enabled: 1, channel_ids: null, schedule_from: now, updated_by: null, created_at: now, updated_at: now })))
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
}

export async function upsertSettings(db: Queryable, row: SettingsRow): Promise<void> {
  const { team_id: _id, created_at: _created, ...changes } = row;
  await db.insertInto('digest_settings').values(row).onConflict((oc) => oc.column('team_id').doUpdateSet(changes)).execute();
}

export const channelIdsOf = (row: Pick<SettingsRow, 'channel_ids'>): string[] | null => (row.channel_ids ? parseJson<string[]>(row.channel_ids, []) : null);

/** Latest slot already claimed per team: the anchor after which the next slot is due. */
export async function lastScheduled(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.selectFrom('digests').select(['team_id', (eb) => eb.fn.max('scheduled_for').as('last')]).groupBy('team_id').execute();
  return new Map(rows.map((r) => [r.team_id, String(r.last)]));
}

export async function digestExists(db: Queryable, teamId: string, date: string, slot: string): Promise<boolean> {
  return !!(await db.selectFrom('digests').select('id').where('team_id', '=', teamId).where('date', '=', date).where('slot', '=', slot).executeTakeFirst());
}

/** The claim: false when this (team, date, slot) already has its digest, i.e. another process sent or is sending it. */
export async function claimDigest(db: Queryable, row: DigestRow): Promise<boolean> {
  const result = await db.insertInto('digests').values(row).onConflict((oc) => oc.columns(['team_id', 'date', 'slot']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function listDigests(db: Queryable, teamId: string, date: string | undefined, limit: number) {
  let q = db.selectFrom('digests').selectAll().where('team_id', '=', teamId);
  if (date) q = q.where('date', '=', date);
  return q.orderBy('scheduled_for', 'desc').limit(limit).execute();
}

/** Delivery state of each robot message of the given digests (outbox keys `digest#<id>#<kind>:<channel>`). */
export async function deliveries(db: Queryable, digestIds: string[]) {
  if (!digestIds.length) return [];
  return db
    .selectFrom('outbox')
    .leftJoin('channels', 'channels.id', 'outbox.channel_id')
    .select(['outbox.idempotency_key as key', 'outbox.channel_id as channelId', 'outbox.kind', 'channels.name as channelName', 'outbox.status', 'outbox.sent_at as sentAt', 'outbox.last_error as lastError'])
    .where((eb) => eb.or(digestIds.map((id) => like('outbox.idempotency_key', `digest#${id}#`, 'prefix'))))
    .execute();
}

const count = (row: { n: unknown } | undefined) => Number(row?.n ?? 0);

const taskPath = (t: { deal_id: string | null; customer_id: string | null }) => (t.deal_id ? `/deals/${t.deal_id}` : t.customer_id ? `/customers/${t.customer_id}` : '/tasks');

/** Appointments live in their own module's table; a database without it yet (or with no rows) counts zero. */
async function appointmentMetric(db: Queryable, path: string, status: 'arrived' | 'no_show', column: 'checked_in_at' | 'at', from: string, to: string): Promise<Metric> {
  const where = sql`a.team_path >= ${path} and a.team_path < ${subtreeUpperBound(path)} and a.status = ${status} and a.${sql.ref(column)} >= ${from} and a.${sql.ref(column)} < ${to}`;
  try {
    const n = await sql<{ n: unknown }>`select count(*) as n from appointments a where ${where}`.execute(db);
    const rows = await sql<{ customer_id: string; name: string; at: string }>`
      select a.customer_id, c.name, a.at from appointments a join customers c on c.id = a.customer_id
      where ${where} order by a.at desc, a.id limit ${RECORDS_PER_LINE}`.execute(db);
    return {
      count: count(n.rows[0]),
      records: rows.rows.map((r) => ({ type: 'customer' as const, id: r.customer_id, label: r.name, path: `/customers/${r.customer_id}` })),
    };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === '42P01' || /no such table: appointments/.test(e.message ?? '')) return { count: 0, records: [] };
    throw error;
  }
}

/** The figures of one team's local day, counted up to `slot.asOf`. */
export async function dayFigures(db: Queryable, team: DigestTeam, slot: DigestSlot): Promise<DigestFigures> {
  const scope = { kind: 'subtree' as const, path: team.path };
  const { start, asOf } = slot;

  const won = await db
    .selectFrom('deals')
    .select(['id', 'title', 'owner_id'])
    .where(scopeFilter(scope, 'deals'))
    .where('status', '=', 'won')
    .where('stage_entered_at', '>=', start)
    .where('stage_entered_at', '<', asOf)
    .orderBy('stage_entered_at', 'desc')
    .orderBy('id')
    .execute();
  const dealRef = (d: { id: string; title: string }): RecordRef => ({ type: 'deal', id: d.id, label: d.title, path: `/deals/${d.id}` });

  const customers = await db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where(scopeFilter(scope, 'customers'))
    .where('deleted_at', 'is', null)
    .where('created_at', '>=', start)
    .where('created_at', '<', asOf)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const contacts = await db
    .selectFrom('contacts')
    .innerJoin('customers', 'customers.id', 'contacts.customer_id')
    .select(['contacts.id', 'contacts.name', 'contacts.customer_id', 'customers.name as customer_name'])
    .where(scopeFilter(scope, 'customers'))
    .where('customers.deleted_at', 'is', null)
    .where('contacts.created_at', '>=', start)
    .where('contacts.created_at', '<', asOf)
    .orderBy('contacts.created_at', 'desc')
    .orderBy('contacts.id')
    .execute();
  const newContacts: RecordRef[] = [
    ...customers.map((c) => ({ type: 'customer' as const, id: c.id, label: c.name, path: `/customers/${c.id}` })),
    ...contacts.map((c) => ({ type: 'customer' as const, id: c.customer_id, label: `${c.name}（${c.customer_name}）`, path: `/customers/${c.customer_id}` })),
  ];

  const overdueBase = db.selectFrom('tasks').where(scopeFilter(scope, 'tasks', 'assignee_id')).where('status', '=', 'open').where('due_at', '<', asOf);
  const overdueCount = await overdueBase.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const overdue = await overdueBase.select(['id', 'title', 'deal_id', 'customer_id']).orderBy('due_at').orderBy('id').limit(RECORDS_PER_LINE).execute();

  const sellers = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('team_path', '>=', team.path)
    .where('team_path', '<', subtreeUpperBound(team.path))
    .where('active', '=', 1)
    .where('role', 'in', GROUPS.consultants)
    .execute();
  const effective = await db
    .selectFrom('activities')
    .select(['owner_id', (eb) => eb.fn.countAll().as('n')])
    .where(scopeFilter(scope, 'activities'))
    .where('effective', '=', 1)
    .where('occurred_at', '>=', start)
    .where('occurred_at', '<', asOf)
    .groupBy('owner_id')
    .execute();
  const effectiveBy = new Map(effective.map((r) => [r.owner_id, Number(r.n)]));
  const sellerFigures: SellerFigure[] = sellers.map((u) => {
    const theirs = won.filter((d) => d.owner_id === u.id);
    return { userId: u.id, name: u.display_name, dealsWon: theirs.length, effectiveActivities: effectiveBy.get(u.id) ?? 0, wonDeals: theirs.slice(0, RECORDS_PER_LINE).map(dealRef) };
  });

  const overdueTasks = { count: count(overdueCount), records: overdue.map((t) => ({ type: 'task' as const, id: t.id, label: t.title, path: taskPath(t) })) };
  if ((await figureKind(db, team)) === 'b2b') {
    return { kind: 'b2b', ...(await b2bMetrics(db, scope, start, asOf, won)), overdueTasks, sellers: sellerFigures };
  }
  return {
    kind: 'store',
    arrivals: await appointmentMetric(db, team.path, 'arrived', 'checked_in_at', start, asOf),
    dealsWon: { count: won.length, records: won.slice(0, RECORDS_PER_LINE).map(dealRef) },
    noShows: await appointmentMetric(db, team.path, 'no_show', 'at', start, asOf),
    newContacts: { count: newContacts.length, records: newContacts.slice(0, RECORDS_PER_LINE) },
    overdueTasks,
    sellers: sellerFigures,
  };
}

/**
 * Store figures for stores and for regions made only of stores; B2B figures for sales teams and their regions
 * (issue 15 point 4: a B2B team's digest shows pipeline value, stage moves and amounts, not store arrivals).
 */
export async function figureKind(db: Queryable, team: DigestTeam): Promise<DigestKind> {
  if (team.kind === 'store') return 'store';
  if (team.kind === 'team') return 'b2b';
  const kinds = await db.selectFrom('teams').select('kind').distinct().where('path', '>', team.path).where('path', '<', subtreeUpperBound(team.path)).execute();
  const set = new Set(kinds.map((k) => k.kind));
  return set.has('store') && !set.has('team') ? 'store' : 'b2b';
}

async function b2bMetrics(db: Queryable, scope: { kind: 'subtree'; path: string }, start: string, asOf: string, won: Array<{ id: string; title: string }>) {
  const dealRef = (d: { id: string; title: string }): RecordRef => ({ type: 'deal', id: d.id, label: d.title, path: `/deals/${d.id}` });
  const openBase = db.selectFrom('deals').where(scopeFilter(scope, 'deals')).where('status', '=', 'open');
  const open = await openBase.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number>('amount_fen').as('fen')]).executeTakeFirst();
  const biggest = await openBase.select(['id', 'title']).orderBy('amount_fen', 'desc').orderBy('id').limit(RECORDS_PER_LINE).execute();
  const moves = await db
    .selectFrom('deal_stage_history as h')
    .innerJoin('deals', 'deals.id', 'h.deal_id')
    .select(['deals.id', 'deals.title'])
    .where(scopeFilter(scope, 'deals'))
    .where('h.direction', '!=', 'created')
    .where('h.entered_at', '>=', start)
    .where('h.entered_at', '<', asOf)
    .orderBy('h.entered_at', 'desc')
    .orderBy('h.id')
    .execute();
  const wonFen = won.length
    ? await db.selectFrom('deals').select((eb) => eb.fn.sum<number>('amount_fen').as('fen')).where('id', 'in', won.map((d) => d.id)).executeTakeFirst()
    : { fen: 0 };
  return {
    pipelineValue: { count: count(open), amountFen: Number(open?.fen ?? 0), records: biggest.map(dealRef) },
    stageMoves: { count: moves.length, records: moves.slice(0, RECORDS_PER_LINE).map(dealRef) },
    amountWon: { count: won.length, amountFen: Number(wonFen?.fen ?? 0), records: won.slice(0, RECORDS_PER_LINE).map(dealRef) },
  };
}

// --- dashboard subscriptions (subscriptions.ts) ---

export type SubscriptionRow = DashboardSubscriptionsTable;

export function listSubscriptions(db: Queryable, userId: string | null) {
  let q = db.selectFrom('dashboard_subscriptions').selectAll().orderBy('created_at').orderBy('id');
  if (userId) q = q.where('user_id', '=', userId);
  return q.execute();
}

export function findSubscription(db: Queryable, id: string) {
  return db.selectFrom('dashboard_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSubscription(db: Queryable, row: DashboardSubscriptionsTable) {
  await db.insertInto('dashboard_subscriptions').values(row).execute();
}

export async function updateSubscription(db: Queryable, id: string, set: Partial<DashboardSubscriptionsTable>) {
  await db.updateTable('dashboard_subscriptions').set(set).where('id', '=', id).execute();
}

export async function deleteSubscription(db: Queryable, id: string) {
  await db.deleteFrom('dashboard_sends').where('subscription_id', '=', id).execute();
  await db.deleteFrom('dashboard_subscriptions').where('id', '=', id).execute();
}

/** Enabled subscriptions of active users, with the last slot each pushed. */
export async function activeSubscriptions(db: Queryable) {
  return db
    .selectFrom('dashboard_subscriptions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select((eb) => eb.selectFrom('dashboard_sends as d').select((e) => e.fn.max('d.scheduled_for').as('m')).whereRef('d.subscription_id', '=', 's.id').as('last_sent'))
    .where('s.enabled', '=', 1)
    .where('u.active', '=', 1)
    .execute();
}

/** Claims the slot: false when another process (or an earlier run) pushed it already. */
export async function claimSend(db: Queryable, row: DashboardSendsTable): Promise<boolean> {
  const result = await db.insertInto('dashboard_sends').values(row).onConflict((oc) => oc.columns(['subscription_id', 'scheduled_for']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setSendChannels(db: Queryable, id: string, channelIds: string) {
  await db.updateTable('dashboard_sends').set({ channel_ids: channelIds }).where('id', '=', id).execute();
}

export function recentSends(db: Queryable, subscriptionId: string, limit: number) {
  return db.selectFrom('dashboard_sends').selectAll().where('subscription_id', '=', subscriptionId).orderBy('scheduled_for', 'desc').limit(limit).execute();
}
