/** SQL of the random call-backs: visits of a month per team, draws, items, results, settings. */
import type { Queryable } from '../../db/index.js';
import { GROUPS } from '../../core/policy.js';
import type { CallbackDrawsTable, CallbackItemsTable } from '../../db/schema-logging.js';

/** Logged visits in [from, to) with the path of the seller's team when logged. */
export function visitsBetween(db: Queryable, from: string, to: string) {
  return db
    .selectFrom('activities')
    .select(['id', 'customer_id', 'owner_id', 'team_path', 'occurred_at'])
    .where('type', '=', 'visit')
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

export function teamsByPath(db: Queryable, paths: string[]) {
  return paths.length === 0 ? Promise.resolve([]) : db.selectFrom('teams').select(['id', 'name', 'path']).where('path', 'in', paths).execute();
}

export function drawsOfMonth(db: Queryable, month: string) {
  return db.selectFrom('callback_draws').selectAll().where('month', '=', month).execute();
}

export async function settingsFor(db: Queryable, teamId: string) {
  const rows = await db.selectFrom('callback_settings').selectAll().where('team_id', 'in', [teamId, '*']).execute();
  return rows.find((r) => r.team_id === teamId) ?? rows.find((r) => r.team_id === '*') ?? null;
}

/** Every setting row with its team's name ('*' is the org default). */
export function listSettings(db: Queryable) {
  return db
    .selectFrom('callback_settings as s')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .leftJoin('users as u', 'u.id', 's.checker_id')
    .select(['s.team_id', 's.share_bp', 's.checker_id', 't.name as team_name', 'u.display_name as checker_name'])
    .orderBy('s.team_id')
    .execute();
}

export async function putSettings(db: Queryable, row: { team_id: string; share_bp: number; checker_id: string | null; updated_by: string | null; updated_at: string }) {
  await db.insertInto('callback_settings').values(row).onConflict((oc) => oc.column('team_id').doUpdateSet({ share_bp: row.share_bp, checker_id: row.checker_id, updated_by: row.updated_by, updated_at: row.updated_at })).execute();
}

/** The closest active manager of a team: a lead, regional manager or director of the team or of a parent team. */
export async function managerOf(db: Queryable, teamPath: string): Promise<string | null> {
  const ancestors = teamPath.split('/').filter(Boolean).map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`);
  const rows = await db.selectFrom('users').select(['id', 'team_path']).where('active', '=', 1).where('role', 'in', GROUPS.lineManagers).where('team_path', 'in', ancestors).orderBy('created_at').orderBy('id').execute();
  return rows.sort((a, b) => b.team_path.length - a.team_path.length)[0]?.id ?? null;
}

/** Inserts the draw unless the team's month is drawn already; true when this call inserted it. */
export async function claimDraw(db: Queryable, row: CallbackDrawsTable): Promise<boolean> {
  const res = await db.insertInto('callback_draws').values(row).onConflict((oc) => oc.columns(['team_id', 'month']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setDrawTask(db: Queryable, drawId: string, taskId: string) {
  await db.updateTable('callback_draws').set({ task_id: taskId }).where('id', '=', drawId).execute();
}

export async function insertItems(db: Queryable, rows: CallbackItemsTable[]) {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('callback_items').values(rows.slice(i, i + 200)).execute();
}

export function findDraw(db: Queryable, id: string) {
  return db.selectFrom('callback_draws').innerJoin('teams', 'teams.id', 'callback_draws.team_id').selectAll('callback_draws').select(['teams.name as team_name', 'teams.path as team_path']).where('callback_draws.id', '=', id).executeTakeFirst();
}

export function listDraws(db: Queryable, month: string | undefined) {
  let q = db.selectFrom('callback_draws').innerJoin('teams', 'teams.id', 'callback_draws.team_id').selectAll('callback_draws').select(['teams.name as team_name', 'teams.path as team_path']).orderBy('callback_draws.month', 'desc').orderBy('teams.path').limit(500);
  if (month) q = q.where('callback_draws.month', '=', month);
  return q.execute();
}

/** Items of draws with their newest result (results are facts; the newest one counts). */
export async function itemsOf(db: Queryable, drawIds: string[]) {
  if (drawIds.length === 0) return [];
  const items = await db
    .selectFrom('callback_items')
    .innerJoin('customers', 'customers.id', 'callback_items.customer_id')
    .innerJoin('users', 'users.id', 'callback_items.seller_id')
    .select(['callback_items.id', 'callback_items.draw_id', 'callback_items.customer_id', 'customers.name as customer_name', 'callback_items.seller_id', 'users.display_name as seller_name', 'callback_items.activity_ids'])
    .where('callback_items.draw_id', 'in', drawIds)
    .orderBy('customers.name')
    .orderBy('callback_items.id')
    .execute();
  const results = items.length === 0 ? [] : await db.selectFrom('callback_results').selectAll().where('item_id', 'in', items.map((i) => i.id)).orderBy('recorded_at').orderBy('id').execute();
  const latest = new Map(results.map((r) => [r.item_id, r]));
  return items.map((i) => ({ ...i, result: latest.get(i.id) ?? null }));
}

export function findItem(db: Queryable, id: string) {
  return db.selectFrom('callback_items').innerJoin('callback_draws', 'callback_draws.id', 'callback_items.draw_id').innerJoin('teams', 'teams.id', 'callback_draws.team_id').select(['callback_items.id', 'callback_items.draw_id', 'callback_draws.checker_id', 'teams.path as team_path']).where('callback_items.id', '=', id).executeTakeFirst();
}

export async function insertResult(db: Queryable, row: { id: string; item_id: string; result: string; note: string | null; recorded_by: string; recorded_at: string }) {
  await db.insertInto('callback_results').values(row).execute();
}

export function visitsById(db: Queryable, ids: string[]) {
  return ids.length === 0 ? Promise.resolve([]) : db.selectFrom('activities').select(['id', 'occurred_at', 'summary']).where('id', 'in', ids).orderBy('occurred_at').execute();
}

/** A customer's drawn items that have a result, with their month and newest result. */
export async function resultsOfCustomer(db: Queryable, customerId: string) {
  const items = await db
    .selectFrom('callback_items')
    .innerJoin('callback_draws', 'callback_draws.id', 'callback_items.draw_id')
    .select(['callback_items.id', 'callback_items.activity_ids', 'callback_draws.month'])
    .where('callback_items.customer_id', '=', customerId)
    .execute();
  const results = items.length === 0 ? [] : await db.selectFrom('callback_results').selectAll().where('item_id', 'in', items.map((i) => i.id)).orderBy('recorded_at').orderBy('id').execute();
  const latest = new Map(results.map((r) => [r.item_id, r]));
  return items.flatMap((i) => {
    const result = latest.get(i.id);
    return result ? [{ ...i, result: result.result, recordedAt: result.recorded_at }] : [];
  });
}

/** Whether the user is named a team's quality checker, now or on a past draw (they then work the 随机抽检 page). */
export async function isChecker(db: Queryable, userId: string): Promise<boolean> {
  const named = await db.selectFrom('callback_settings').select('team_id').where('checker_id', '=', userId).limit(1).executeTakeFirst();
  if (named) return true;
  return Boolean(await db.selectFrom('callback_draws').select('id').where('checker_id', '=', userId).limit(1).executeTakeFirst());
}
