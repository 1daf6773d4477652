/** SQL of tracked material links: the links, their opens, and the "not opened within N hours" firings. */
import type { Queryable } from '../../db/index.js';
import type { MaterialLinksTable, MaterialOpensTable } from '../../db/schema-logging.js';
import type { Scope } from '../org/scope.js';
import { scopeFilter } from '../org/scope-sql.js';
import { movesTeamPaths } from '../../core/team-paths.js';
import { CUSTOMER_REFERENCES, recordOf } from '../../core/entities.js';
import { sql } from 'kysely';

export async function insertLink(db: Queryable, row: MaterialLinksTable) {
  await db.insertInto('material_links').values(row).execute();
}

export function linkByTokenHash(db: Queryable, tokenHash: string) {
  return db.selectFrom('material_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function findLink(db: Queryable, id: string) {
  return db.selectFrom('material_links').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function revokeLink(db: Queryable, id: string, at: string) {
  await db.updateTable('material_links').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Links of a customer (or of an activity) with their open counts; the customer's scope is checked by the caller. */
export async function listLinks(db: Queryable, filter: { customerId?: string; activityId?: string }, scope: Scope) {
  let q = db
    .selectFrom('material_links')
    .innerJoin('customers', 'customers.id', 'material_links.customer_id')
    .select([
      'material_links.id',
      'material_links.customer_id',
      'material_links.activity_id',
      'material_links.attachment_id',
      'material_links.url',
      'material_links.title',
      'material_links.owner_id',
      'material_links.expires_at',
      'material_links.revoked_at',
      'material_links.created_at',
      (eb) => eb.selectFrom('material_opens').select((o) => o.fn.countAll<number>().as('n')).whereRef('material_opens.link_id', '=', 'material_links.id').as('opens'),
      (eb) => eb.selectFrom('material_opens').select((o) => o.fn.max('opened_at').as('m')).whereRef('material_opens.link_id', '=', 'material_links.id').as('last_opened_at'),
      (eb) => eb.selectFrom('material_opens').select((o) => o.fn.sum<number>('duration_ms').as('d')).whereRef('material_opens.link_id', '=', 'material_links.id').as('duration_ms'),
    ])
    .where(scopeFilter(scope, 'customers'))
    .orderBy('material_links.created_at', 'desc')
    .orderBy('material_links.id')
    .limit(200);
  if (filter.customerId) q = q.where('material_links.customer_id', '=', filter.customerId);
  if (filter.activityId) q = q.where('material_links.activity_id', '=', filter.activityId);
  return q.execute();
}

export function opensOf(db: Queryable, linkId: string) {
  return db.selectFrom('material_opens').select(['id', 'opened_at', 'device', 'duration_ms']).where('link_id', '=', linkId).orderBy('opened_at', 'desc').orderBy('id').limit(100).execute();
}

export async function opensSince(db: Queryable, linkId: string, since: string): Promise<number> {
  const row = await db.selectFrom('material_opens').select((eb) => eb.fn.countAll<number>().as('n')).where('link_id', '=', linkId).where('opened_at', '>=', since).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertOpen(db: Queryable, row: MaterialOpensTable) {
  await db.insertInto('material_opens').values(row).execute();
}

/** The page's beacon: the longest duration reported for that open (a page may report several times). */
export async function recordDuration(db: Queryable, beaconHash: string, ms: number, openedAfter: string): Promise<number> {
  const res = await db
    .updateTable('material_opens')
    .set({ duration_ms: ms })
    .where('beacon_hash', '=', beaconHash)
    .where('opened_at', '>=', openedAfter)
    .where((eb) => eb.or([eb('duration_ms', 'is', null), eb('duration_ms', '<', ms)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The `hours` of every enabled "material not opened within N hours" rule. */
export async function notOpenedWindows(db: Queryable): Promise<number[]> {
  const rows = await db.selectFrom('rules').select('definition').where('enabled', '=', 1).where('trigger_type', '=', 'material.not_opened').execute();
  const hours = rows.map((r) => Number((JSON.parse(r.definition) as { trigger?: { hours?: unknown } }).trigger?.hours)).filter((h) => Number.isInteger(h) && h > 0);
  return [...new Set(hours)].sort((a, b) => a - b);
}

const firingKey = (hours: number) => `h${hours}`;

/**
 * Links whose first `hours` have passed and whose window is not settled yet, with their first open (null: never
 * opened). The pass settles every one of them (a firing row), so a link opened in time does not come back.
 */
export function windowsDue(db: Queryable, hours: number, now: Date, limit: number) {
  const cutoff = new Date(now.getTime() - hours * 3600_000).toISOString();
  return db
    .selectFrom('material_links as l')
    .select(['l.id', 'l.customer_id', 'l.owner_id', 'l.activity_id', 'l.title', 'l.created_at', 'l.revoked_at'])
    .select((eb) => eb.selectFrom('material_opens as o').select((o) => o.fn.min('o.opened_at').as('m')).whereRef('o.link_id', '=', 'l.id').as('first_opened_at'))
    .where('l.created_at', '<=', cutoff)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('material_link_firings as f').select('f.link_id').whereRef('f.link_id', '=', 'l.id').where('f.rule_id', '=', firingKey(hours)))))
    .orderBy('l.created_at')
    .orderBy('l.id')
    .limit(limit)
    .execute();
}

/** Claims the firing for (link, window): true only for the one caller whose row went in. */
export async function claimFiring(db: Queryable, linkId: string, hours: number, at: string): Promise<boolean> {
  const res = await db
    .insertInto('material_link_firings')
    .values({ link_id: linkId, rule_id: firingKey(hours), fired_at: at })
    .onConflict((oc) => oc.columns(['link_id', 'rule_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The earliest (link created + hours) among links whose window is not settled — for replay ordering. */
export async function earliestWindow(db: Queryable, hours: number, now: Date): Promise<string | null> {
  const [row] = await windowsDue(db, hours, now, 1);
  return row ? new Date(Date.parse(row.created_at) + hours * 3600_000).toISOString() : null;
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['material_links', 'team_path']]);

/** The customer a file's record belongs to: the customer itself, or the customer of the deal, activity, contract… it hangs on. */
export async function customerOfRecord(db: Queryable, kind: string, id: string): Promise<string | null> {
  if (kind === 'customer') return id;
  const table = recordOf(kind)?.table;
  if (!table || !(table in CUSTOMER_REFERENCES)) return null;
  const { rows } = await sql<{ customer_id: string | null }>`select customer_id from ${sql.table(table)} where id = ${id}`.execute(db);
  return rows[0]?.customer_id ?? null;
}
