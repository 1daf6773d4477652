/**
 * Tracked material links: a seller shares a link instead of a file; opening it needs no login, shows only that
 * document, and records each open (time, device, approximate time on page) on the customer's and the activity's
 * timeline, with a `material.opened` event for the rules engine. Links expire, can be revoked and are rate-limited.
 * The token is 32 random bytes, stored only as its SHA-256: the database alone cannot rebuild a link.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { invalid, notFound } from '../../core/errors.js';
import { authorize } from '../../core/policy.js';
import { command, commandIn } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import type { Queryable } from '../../db/index.js';
import { getCustomerInScope } from '../customers/service.js';
import { findAttachment, ownerInScope } from '../files/repo.js';
import { scopeOf, type Actor } from '../org/scope.js';
import { deviceOf, isRobot } from './device.js';
import * as repo from './repo.js';
import type { MaterialLinkBody } from './schema.js';

type MaterialDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

const MAX_DAYS = 180;
/** Opens of one link per hour before it answers 429 (a link pasted into a busy group chat, or a script). */
export const OPENS_PER_HOUR = 30;
/** A beacon may report up to this long after the open. */
const BEACON_WINDOW_MS = 24 * 3600_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createLink(deps: MaterialDeps, actor: Actor, body: MaterialLinkBody) {
  const { db, clock, config } = deps;
  authorize(actor, 'material.share');
  const now = clock.now();
  const expires = Date.parse(body.expiresAt);
  if (expires <= now.getTime() || expires > now.getTime() + MAX_DAYS * 86_400_000) throw invalid('expiresAt', 'expires_past');
  const customer = await getCustomerInScope(db, actor, body.customerId, 'customerId');
  let title = body.title ?? null;
  if (body.attachmentId) {
    const attachment = await findAttachment(db, body.attachmentId);
    if (!attachment || !(await ownerInScope(db, scopeOf(actor), attachment.entity, attachment.entityId))) throw invalid('attachmentId', 'not_found_attachment');
    // A file of another customer's record (their contract scan, their proposal) must never open for this customer.
    if ((await repo.customerOfRecord(db, attachment.entity, attachment.entityId)) !== customer.id) throw invalid('attachmentId', 'other_customer');
    title ??= attachment.filename;
  }
  if (body.activityId) {
    const activity = await db.selectFrom('activities').select(['customer_id']).where('id', '=', body.activityId).executeTakeFirst();
    if (!activity || activity.customer_id !== customer.id) throw invalid('activityId', 'not_found_activity');
  }
  title ??= new URL(body.url!).hostname;
  const token = randomBytes(32).toString('base64url');
  const id = newId();
  await command(db, clock, { entity: 'customer', actorId: actor.id }, async (cmd) => {
    await repo.insertLink(cmd.trx, {
      id,
      token_hash: hashToken(token),
      customer_id: customer.id,
      activity_id: body.activityId ?? null,
      attachment_id: body.attachmentId ?? null,
      url: body.url ?? null,
      title,
      owner_id: actor.id,
      team_path: actor.teamPath,
      expires_at: body.expiresAt,
      revoked_at: null,
      created_at: now.toISOString(),
    });
    await cmd.recorded(customer.id, 'material_link', { after: { linkId: id, title, expiresAt: body.expiresAt } });
  });
  return { id, url: `${config.publicUrl}/m/${token}`, title, expiresAt: body.expiresAt };
}

/** The link if the caller may see its customer; 404 otherwise (an id outside the scope is not confirmed). */
async function linkInScope(db: Queryable, actor: Actor, id: string) {
  const link = await repo.findLink(db, id);
  if (!link) throw notFound('Material link');
  try {
    await getCustomerInScope(db, actor, link.customer_id);
  } catch {
    throw notFound('Material link');
  }
  return link;
}

export async function revokeLink(deps: MaterialDeps, actor: Actor, id: string) {
  authorize(actor, 'material.share');
  const link = await linkInScope(deps.db, actor, id);
  if (!link.revoked_at) {
    await command(deps.db, deps.clock, { entity: 'customer', actorId: actor.id }, async (cmd) => {
      await repo.revokeLink(cmd.trx, id, deps.clock.now().toISOString());
      await cmd.recorded(link.customer_id, 'material_link_revoke', { before: { linkId: id, title: link.title } });
    });
  }
  return presentLinkDetail(deps, actor, id);
}

/** "客户已打开方案 2 次，最近 12-03 10:14" — the timeline line, in the org's time zone. */
export function openSummary(title: string, opens: number, lastAt: string | null, timeZone: string): { zh: string; en: string } {
  if (opens === 0 || !lastAt) return { zh: `客户尚未打开“${title}”`, en: `The customer has not opened "${title}" yet` };
  const at = DateTime.fromISO(lastAt, { zone: timeZone }).toFormat('MM-dd HH:mm');
  return { zh: `客户已打开“${title}” ${opens} 次，最近 ${at}`, en: `The customer opened "${title}" ${opens} time(s), last ${at}` };
}

function present(row: Awaited<ReturnType<typeof repo.listLinks>>[number], now: Date, timeZone: string) {
  const opens = Number(row.opens ?? 0);
  const lastOpenedAt = (row.last_opened_at as string | null) ?? null;
  const status = row.revoked_at ? 'revoked' : row.expires_at <= now.toISOString() ? 'expired' : 'active';
  return {
    id: row.id,
    customerId: row.customer_id,
    activityId: row.activity_id,
    attachmentId: row.attachment_id,
    url: row.url,
    title: row.title,
    ownerId: row.owner_id,
    status: status as 'active' | 'expired' | 'revoked',
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
    opens,
    lastOpenedAt,
    secondsOnPage: row.duration_ms === null ? null : Math.round(Number(row.duration_ms) / 1000),
    summary: openSummary(row.title, opens, lastOpenedAt, timeZone),
  };
}

export async function listLinks(deps: MaterialDeps, actor: Actor, query: { customerId?: string; activityId?: string }) {
  if (query.customerId) await getCustomerInScope(deps.db, actor, query.customerId);
  const rows = await repo.listLinks(deps.db, query, scopeOf(actor));
  const items = rows.map((r) => present(r, deps.clock.now(), deps.config.timeZone));
  return { items, total: items.length };
}

export async function presentLinkDetail(deps: MaterialDeps, actor: Actor, id: string) {
  const link = await linkInScope(deps.db, actor, id);
  const [row] = (await repo.listLinks(deps.db, { customerId: link.customer_id }, scopeOf(actor))).filter((r) => r.id === id);
  const opens = await repo.opensOf(deps.db, id);
  return { ...present(row, deps.clock.now(), deps.config.timeZone), openings: opens.map((o) => ({ at: o.opened_at, device: o.device, secondsOnPage: o.duration_ms === null ? null : Math.round(o.duration_ms / 1000) })) };
}

export type Opened =
  | { kind: 'gone' }
  | { kind: 'busy' }
  | { kind: 'page'; title: string; token: string; beacon: string | null; file: { mime: string; filename: string } | null; url: string | null };

/**
 * Someone opened the link (no session). Records the open — unless a link-preview robot fetched it — and emits
 * `material.opened` in the same transaction. Answers only what the page needs: the title and the document.
 */
export async function openLink(deps: MaterialDeps, token: string, userAgent: string | undefined): Promise<Opened | null> {
  const { db, clock } = deps;
  const link = await repo.linkByTokenHash(db, hashToken(token));
  if (!link) return null;
  const now = clock.now();
  if (link.revoked_at || link.expires_at <= now.toISOString()) return { kind: 'gone' };
  const attachment = link.attachment_id ? await findAttachment(db, link.attachment_id) : null;
  if (link.attachment_id && !attachment) return { kind: 'gone' };
  const file = attachment ? { mime: attachment.mime, filename: attachment.filename } : null;
  if (isRobot(userAgent)) return { kind: 'page', title: link.title, token, beacon: null, file, url: link.url };
  const hourAgo = new Date(now.getTime() - 3600_000).toISOString();
  const beacon = randomBytes(24).toString('base64url');
  const recorded = await db.transaction().execute(async (trx) => {
    if ((await repo.opensSince(trx, link.id, hourAgo)) >= OPENS_PER_HOUR) return false;
    const openId = newId();
    const device = deviceOf(userAgent);
    await repo.insertOpen(trx, { id: openId, link_id: link.id, customer_id: link.customer_id, opened_at: now.toISOString(), device, duration_ms: null, beacon_hash: hashToken(beacon) });
    const opens = await repo.opensSince(trx, link.id, '');
    await commandIn(trx, clock, { entity: 'customer', actorId: null }).emit(link.customer_id, { type: 'material.opened', payload: { linkId: link.id, openId, title: link.title, activityId: link.activity_id, ownerId: link.owner_id, device, opens } });
    return true;
  });
  if (!recorded) return { kind: 'busy' };
  return { kind: 'page', title: link.title, token, beacon, file, url: link.url };
}

/** The page's beacon: approximate time on page for the open it was served with. */
export async function recordBeacon(deps: MaterialDeps, beacon: string, ms: number): Promise<void> {
  const since = new Date(deps.clock.now().getTime() - BEACON_WINDOW_MS).toISOString();
  await repo.recordDuration(deps.db, hashToken(beacon), ms, since);
}

/** The attachment behind a live link (for the page's document frame), or null. */
export async function linkedFile(deps: MaterialDeps, token: string) {
  const link = await repo.linkByTokenHash(deps.db, hashToken(token));
  if (!link || !link.attachment_id || link.revoked_at || link.expires_at <= deps.clock.now().toISOString()) return null;
  return (await findAttachment(deps.db, link.attachment_id)) ?? null;
}
