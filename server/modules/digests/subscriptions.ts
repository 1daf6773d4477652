/**
 * Dashboard subscriptions (issue 12 point 10): a manager picks metrics and filters of the war room and robots to push
 * them to, on a cron in the org time zone (weekly Monday 09:00 by default). It uses the digest machinery: the due
 * slot from `latestDueRun` (after downtime only the latest missed slot, once, marked late), a slot row claimed with
 * UNIQUE(subscription, slot) in the transaction that queues the robot messages, so several processes push once.
 * The figures are counted as the subscriber, in their scope, as the dashboard shows them to them.
 */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound, type FieldError } from '../../core/errors.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { authorize, can, scopeOf, type Actor } from '../../core/policy.js';
import { toActor } from '../auth/repo.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { listChannels } from '../channels/repo.js';
import { dashboardTables } from '../metrics/service.js';
import type { MetricName } from '../metrics/schema.js';
import { enqueueRobotMessage, ROBOT_KINDS } from '../notifications/outbox.js';
import { checkCron, latestDueRun } from '../rules/schedule.js';
import { dashboardMarkdown } from './dashboard-content.js';
import * as repo from './repo.js';
import type { SubscriptionBody, SubscriptionPatch } from './schema.js';
import { isLate } from './slots.js';
import { Cron } from 'croner';

export const DEFAULT_DASHBOARD_CRON = '0 9 * * 1';
type Filters = { pipelineId?: string; teamId?: string; ownerId?: string; industry?: string; level?: string; region?: string; source?: string };

const orgTimeZone = async (deps: Deps) => (await getCalendarSettings(deps.db, deps.config.timeZone)).timeZone;

function present(row: repo.SubscriptionRow, timeZone: string, now: Date) {
  const enabled = row.enabled === 1;
  const from = [now.toISOString(), row.schedule_from].sort().at(-1)!;
  const next = enabled ? new Cron(row.cron, { timezone: timeZone }).nextRun(new Date(from)) : null;
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    metrics: parseJson<MetricName[]>(row.metrics, []),
    filters: parseJson<Filters>(row.filters, {}),
    cron: row.cron,
    timeZone,
    channels: parseJson<string[]>(row.channel_ids, []),
    enabled,
    nextRunAt: next ? next.toISOString() : null,
    updatedAt: row.updated_at,
  };
}

async function visible(deps: Deps, actor: Actor, id: string) {
  authorize(actor, 'digest.configure');
  const row = await repo.findSubscription(deps.db, id);
  // Admins see every subscription; others their own.
  if (!row || (row.user_id !== actor.id && scopeOf(actor).kind !== 'all')) throw notFound('Dashboard subscription');
  return row;
}

const isRobotFor = (actor: Actor) => (c: { kind: string; teamPath: string | null }) =>
  (ROBOT_KINDS as readonly string[]).includes(c.kind) && (scopeOf(actor).kind === 'all' || !c.teamPath || c.teamPath.startsWith(actor.teamPath) || actor.teamPath.startsWith(c.teamPath));

/** The robots the caller may push their dashboard to: the group robots of their team, its subtree and parents. */
export async function subscriptionRobots(deps: Deps, actor: Actor) {
  authorize(actor, 'digest.configure');
  const robots = (await listChannels(deps.db)).filter(isRobotFor(actor));
  return { items: robots.map((c) => ({ id: c.id, kind: c.kind, name: c.name })) };
}

/** Problems of a subscription as the subscriber would have it: the cron, robots serving their team, filters they may use. */
async function check(deps: Deps, actor: Actor, timeZone: string, body: { cron?: string; channels?: string[]; metrics?: MetricName[]; filters?: Filters }) {
  const fields: FieldError[] = [];
  if (body.cron !== undefined) {
    const problem = checkCron(body.cron, timeZone);
    if (problem) fields.push({ field: 'cron', code: 'invalid_cron', detail: problem });
  }
  if (body.channels) {
    const all = new Map((await listChannels(deps.db)).map((c) => [c.id, c]));
    const allowed = isRobotFor(actor);
    body.channels.forEach((id, i) => {
      const c = all.get(id);
      const field = `channels.${i}`;
      if (!c) fields.push({ field, code: 'not_found_channel' });
      else if (!(ROBOT_KINDS as readonly string[]).includes(c.kind)) fields.push({ field, code: 'not_a_robot', params: { name: c.name } });
      // A group robot is read by a team: it may only get the figures of someone whose scope covers that team.
      else if (!allowed(c)) fields.push({ field, code: 'other_team_channel', params: { name: c.name } });
    });
  }
  if (fields.length) throw new AppError('VALIDATION_FAILED', undefined, { fields });
  // Filters outside the subscriber's scope are refused the way the dashboard refuses them.
  if (body.filters || body.metrics) await dashboardTables(deps, actor, (body.metrics ?? ['funnel']).slice(0, 1), body.filters ?? {});
}

export async function listSubscriptions(deps: Deps, actor: Actor) {
  authorize(actor, 'digest.configure');
  const timeZone = await orgTimeZone(deps);
  const rows = await repo.listSubscriptions(deps.db, scopeOf(actor).kind === 'all' ? null : actor.id);
  return { items: rows.map((r) => present(r, timeZone, deps.clock.now())) };
}

export async function createSubscription(deps: Deps, actor: Actor, body: SubscriptionBody) {
  authorize(actor, 'digest.configure');
  const timeZone = await orgTimeZone(deps);
  await check(deps, actor, timeZone, body);
  const now = deps.clock.now().toISOString();
  const row: repo.SubscriptionRow = {
    id: newId(),
    user_id: actor.id,
    name: body.name,
    metrics: toJson([...new Set(body.metrics)]),
    filters: toJson(body.filters),
    cron: body.cron,
    channel_ids: toJson([...new Set(body.channels)]),
    enabled: body.enabled ? 1 : 0,
    schedule_from: now,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertSubscription(trx, row);
    await commandIn(trx, deps.clock, { entity: 'dashboard_subscription', actorId: actor.id }).recorded(row.id, 'create', { after: present(row, timeZone, deps.clock.now()) });
  });
  return present(row, timeZone, deps.clock.now());
}

export async function updateSubscription(deps: Deps, actor: Actor, id: string, patch: SubscriptionPatch) {
  const before = await visible(deps, actor, id);
  const timeZone = await orgTimeZone(deps);
  const owner = before.user_id === actor.id ? actor : await subscriber(deps, before.user_id);
  if (!owner) throw notFound('Dashboard subscription');
  await check(deps, owner, timeZone, patch);
  const now = deps.clock.now().toISOString();
  const set: Partial<repo.SubscriptionRow> = { updated_at: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.metrics !== undefined) set.metrics = toJson([...new Set(patch.metrics)]);
  if (patch.filters !== undefined) set.filters = toJson(patch.filters);
  if (patch.channels !== undefined) set.channel_ids = toJson([...new Set(patch.channels)]);
  if (patch.cron !== undefined) set.cron = patch.cron;
  if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
  // Like rules and digests: a new cron or a re-enable counts slots from now, so it never fires a past slot as "late".
  if ((patch.cron !== undefined && patch.cron !== before.cron) || (patch.enabled && before.enabled !== 1)) set.schedule_from = now;
  const after = { ...before, ...set };
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateSubscription(trx, id, set);
    await commandIn(trx, deps.clock, { entity: 'dashboard_subscription', actorId: actor.id }).recorded(id, 'update', { before: present(before, timeZone, deps.clock.now()), after: present(after, timeZone, deps.clock.now()) });
  });
  return present(after, timeZone, deps.clock.now());
}

export async function deleteSubscription(deps: Deps, actor: Actor, id: string) {
  const before = await visible(deps, actor, id);
  await deps.db.transaction().execute(async (trx) => {
    await repo.deleteSubscription(trx, id);
    await commandIn(trx, deps.clock, { entity: 'dashboard_subscription', actorId: actor.id }).recorded(id, 'delete', { before: { name: before.name, cron: before.cron } });
  });
}

async function subscriber(deps: Deps, userId: string): Promise<Actor | null> {
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', userId).where('active', '=', 1).executeTakeFirst();
  return user ? toActor(user) : null;
}

/** The message a slot would push now, as the subscriber sees it (the "preview" button). */
async function render(deps: Deps, row: repo.SubscriptionRow, owner: Actor, late: boolean) {
  const filters = parseJson<Filters>(row.filters, {});
  const figures = await dashboardTables(deps, owner, parseJson<MetricName[]>(row.metrics, []), filters);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => !!v) as Array<[string, string]>).toString();
  const link = `${deps.config.publicUrl.replace(/\/$/, '')}/dashboard${query ? `?${query}` : ''}`;
  return { zh: dashboardMarkdown(row.name, figures, link, 'zh-CN', late), en: dashboardMarkdown(row.name, figures, link, 'en', late), link };
}

export async function previewSubscription(deps: Deps, actor: Actor, id: string) {
  const row = await visible(deps, actor, id);
  const owner = row.user_id === actor.id ? actor : await subscriber(deps, row.user_id);
  if (!owner) throw invalid('userId', 'not_found_user');
  const { zh, en } = await render(deps, row, owner, false);
  return { 'zh-CN': zh, en };
}

/** Each enabled subscription's latest due slot not pushed yet, as of the clock. */
export async function dueSubscriptions(deps: Deps, now: Date = deps.clock.now()) {
  const rows = await repo.activeSubscriptions(deps.db);
  if (!rows.length) return [];
  const timeZone = await orgTimeZone(deps);
  const out: Array<{ row: (typeof rows)[number]; due: Date }> = [];
  for (const row of rows) {
    const anchor = [row.schedule_from, row.last_sent ?? ''].sort().at(-1)!;
    const due = latestDueRun(row.cron, timeZone, new Date(anchor), now);
    if (due) out.push({ row, due });
  }
  return out;
}

/** Pushes every due subscription once; returns how many slots this call pushed. */
export async function runDueSubscriptions(deps: Deps, onSent?: (s: { id: string; scheduledFor: string; late: boolean }) => void): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const { row, due } of await dueSubscriptions(deps, now)) {
    const owner = await subscriber(deps, row.user_id);
    if (!owner || !can(owner, 'digest.configure')) continue;
    const late = isLate(due, now);
    const message = await render(deps, row, owner, late);
    const did = await deps.db.transaction().execute((trx) => claimAndQueue(trx, deps.clock, row, owner, due, late, message));
    if (did) {
      sent++;
      onSent?.({ id: row.id, scheduledFor: due.toISOString(), late });
    }
  }
  return sent;
}

type Message = Awaited<ReturnType<typeof render>>;

async function claimAndQueue(trx: Parameters<typeof repo.claimSend>[0], clock: Clock, row: repo.SubscriptionRow, owner: Actor, due: Date, late: boolean, message: Message) {
  const id = newId();
  const claimed = await repo.claimSend(trx, { id, subscription_id: row.id, scheduled_for: due.toISOString(), late: late ? 1 : 0, markdown: toJson({ 'zh-CN': message.zh, en: message.en }), channel_ids: '[]', created_at: clock.now().toISOString() });
  if (!claimed) return false;
  const robots = await enqueueRobotMessage(trx, clock, {
    idempotencyKey: `dashboard#${id}`,
    teamPath: owner.teamPath,
    channelIds: parseJson<string[]>(row.channel_ids, []),
    title: message.zh.title,
    titleEn: message.en.title,
    body: message.zh.body,
    bodyEn: message.en.body,
    link: message.link,
  });
  await repo.setSendChannels(trx, id, toJson(robots.map((r) => r.id)));
  return true;
}
