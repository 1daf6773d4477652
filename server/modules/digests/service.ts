/**
 * Daily digest use cases: settings per team (audited), the scheduled run, and reading digests as sent.
 *
 * Exactly once per (team, local date, slot): the due slot comes from the rules module's cron handling
 * (`latestDueRun`, org time zone; after downtime only the latest missed slot, once, marked late). The digest row is
 * claimed with UNIQUE(team_id, date, slot) in the same transaction that queues the robot messages in the outbox, so
 * several processes racing for a slot produce one row and one message per robot, and a crash before commit leaves
 * nothing behind to be sent twice.
 */
import { commandIn } from '../../core/command.js';
import { Cron } from 'croner';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound, type FieldError } from '../../core/errors.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import type { Db, Queryable } from '../../db/index.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { listChannels, type LoadedChannel } from '../channels/repo.js';
import { enqueueRobotMessage, ROBOT_KINDS, robotTargets } from '../notifications/outbox.js';
import type { Actor } from '../org/scope.js';
import { scopeOf } from '../org/scope.js';
import { checkCron, latestDueRun } from '../rules/schedule.js';
import { buildDigest, digestPath, renderMarkdown, type DigestContent } from './content.js';
import * as repo from './repo.js';
import type { SettingsBody } from './schema.js';
import { digestSlot, isLate } from './slots.js';
import { presentDigest } from './presenter.js';
import { authorize } from '../../core/policy.js';

const orgTimeZone = async (db: Queryable, fallback: string) => (await getCalendarSettings(db, fallback)).timeZone;

/** The team if the actor may see it: everything for org-wide roles, the subtree for leads, their own team for sellers. */
export async function visibleTeam(db: Queryable, actor: Actor, teamId: string, rollUp = false): Promise<repo.DigestTeam> {
  const team = await repo.findTeam(db, teamId);
  const scope = scopeOf(actor);
  const visible =
    team &&
    (scope.kind === 'all' || (scope.kind === 'subtree' && team.path.startsWith(scope.path)) || (scope.kind === 'own' && actor.teamPath.startsWith(team.path)));
  if (!visible) throw notFound('Team');
  // Regions have no schedule of their own; their roll-up is read and generated on demand (issue 15 point 4).
  if (!repo.DIGEST_TEAM_KINDS.includes(team.kind) && !(rollUp && team.kind === 'region')) throw invalid('team', 'not_a_store', { kind: team.kind });
  return team;
}

async function settingsTeam(db: Queryable, actor: Actor, teamId: string) {
  authorize(actor, 'digest.configure');
  return visibleTeam(db, actor, teamId);
}

const isRobot = (c: LoadedChannel) => (ROBOT_KINDS as readonly string[]).includes(c.kind);
const servesTeam = (c: LoadedChannel, team: repo.DigestTeam) => !c.teamId || (!!c.teamPath && team.path.startsWith(c.teamPath));

async function presentSettings(db: Queryable, clock: Clock, team: repo.DigestTeam, timeZone: string) {
  const row = await repo.findSettings(db, team.id);
  const cron = row?.cron ?? repo.DEFAULT_CRON;
  const enabled = row ? row.enabled === 1 : true;
  const channelIds = row ? repo.channelIdsOf(row) : null;
  const from = [clock.now().toISOString(), row?.schedule_from ?? ''].sort().at(-1)!;
  const next = enabled ? new Cron(cron, { timezone: timeZone }).nextRun(new Date(from)) : null;
  const daily = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron);
  return {
    teamId: team.id,
    teamName: team.name,
    cron,
    time: daily ? `${daily[2].padStart(2, '0')}:${daily[1].padStart(2, '0')}` : null,
    timeZone,
    enabled,
    channels: channelIds,
    targets: robotTargets(await listChannels(db), team.path, channelIds).map((c) => ({ id: c.id, kind: c.kind, name: c.name })),
    nextRunAt: next ? next.toISOString() : null,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function getSettings(deps: Deps, actor: Actor, teamId: string) {
  const team = await settingsTeam(deps.db, actor, teamId);
  return presentSettings(deps.db, deps.clock, team, await orgTimeZone(deps.db, deps.config.timeZone));
}

export async function updateSettings(deps: Deps, actor: Actor, teamId: string, body: SettingsBody) {
  const team = await settingsTeam(deps.db, actor, teamId);
  const timeZone = await orgTimeZone(deps.db, deps.config.timeZone);
  const fields: FieldError[] = [];
  // Team leads pick a send time (issue 15 point 4); it is stored as the daily cron it means.
  if (body.time !== undefined) body = { ...body, cron: `${Number(body.time.slice(3, 5))} ${Number(body.time.slice(0, 2))} * * *` };
  if (body.cron !== undefined) {
    const problem = checkCron(body.cron, timeZone);
    if (problem) fields.push({ field: 'cron', code: 'invalid_cron', detail: problem });
  }
  if (body.channels) {
    const all = new Map((await listChannels(deps.db)).map((c) => [c.id, c]));
    body.channels.forEach((id, i) => {
      const c = all.get(id);
      const field = `channels.${i}`;
      if (!c) fields.push({ field, code: 'not_found_channel' });
      else if (!isRobot(c)) fields.push({ field, code: 'not_a_robot', params: { name: c.name } });
      else if (!servesTeam(c, team)) fields.push({ field, code: 'other_team_channel', params: { name: c.name } });
    });
  }
  if (fields.length) throw new AppError('VALIDATION_FAILED', undefined, { fields });

  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const before = await repo.findSettings(trx, team.id);
    const current = { cron: before?.cron ?? repo.DEFAULT_CRON, enabled: before ? before.enabled === 1 : true, channels: before ? repo.channelIdsOf(before) : null };
    const next = {
      cron: body.cron ?? current.cron,
      enabled: body.enabled ?? current.enabled,
      channels: body.channels === undefined ? current.channels : body.channels && [...new Set(body.channels)],
    };
    // Like rules: a new cron or a re-enable counts slots from now, so it never fires a past slot as "late".
    const restart = !before || next.cron !== current.cron || (next.enabled && !current.enabled);
    await repo.upsertSettings(trx, {
      team_id: team.id,
      cron: next.cron,
      enabled: next.enabled ? 1 : 0,
      channel_ids: next.channels ? toJson(next.channels) : null,
      schedule_from: restart ? now : before!.schedule_from,
      updated_by: actor.id,
      created_at: before?.created_at ?? now,
      updated_at: now,
    });
    await commandIn(trx, deps.clock, { entity: 'digest_settings', actorId: actor.id }).recorded(team.id, before ? 'update' : 'create', { before: before ? current : undefined, after: next });
  });
  return presentSettings(deps.db, deps.clock, team, timeZone);
}

export interface DigestHooks {
  /** Called after this process claimed and committed a digest (tests count per process). */
  onSent?: (digest: { teamId: string; date: string; slot: string; late: boolean; scheduledFor: string }) => void;
}

/**
 * Sends every team's due digest. Several processes may call this at once; the claim decides which one sends.
 * Returns how many digests this call sent.
 */
export async function runDueDigests(deps: Deps, hooks: DigestHooks = {}): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  // One instant for the whole pass: a clock moved mid-pass (tick --at, a worker stepped) must not make a missed slot look on time.
  for (const { team, s, due, slot } of await dueDigests(deps, now)) {
    const late = isLate(due, now);
    const content = buildDigest(await repo.dayFigures(deps.db, team, slot), { teamId: team.id, teamName: team.name, date: slot.date, slot: slot.slot, late, publicUrl: deps.config.publicUrl });
    const did = await deps.db.transaction().execute((trx) => claimAndQueue(trx, deps.clock, team, s, slot, content));
    if (did) {
      sent++;
      hooks.onSent?.({ teamId: team.id, date: slot.date, slot: slot.slot, late, scheduledFor: due.toISOString() });
    }
  }
  return sent;
}

/** Each enabled team's latest due slot not sent yet, as of the clock. */
export async function dueDigests(deps: Deps, now: Date = deps.clock.now()) {
  const teams = await repo.digestTeams(deps.db);
  if (!teams.length) return [];
  let settings = await repo.allSettings(deps.db);
  const missing = teams.filter((t) => !settings.has(t.id)).map((t) => t.id);
  if (missing.length) {
    await repo.ensureSettings(deps.db, missing, now.toISOString());
    settings = await repo.allSettings(deps.db);
  }
  const timeZone = await orgTimeZone(deps.db, deps.config.timeZone);
  const last = await repo.lastScheduled(deps.db);
  const out: Array<{ team: repo.DigestTeam; s: repo.SettingsRow; due: Date; slot: ReturnType<typeof digestSlot> }> = [];
  for (const team of teams) {
    const s = settings.get(team.id);
    if (!s || s.enabled !== 1) continue;
    const anchor = [s.schedule_from, last.get(team.id) ?? ''].sort().at(-1)!;
    const due = latestDueRun(s.cron, timeZone, new Date(anchor), now);
    if (!due) continue;
    const slot = digestSlot(due, now, timeZone);
    if (await repo.digestExists(deps.db, team.id, slot.date, slot.slot)) continue;
    out.push({ team, s, due, slot });
  }
  return out;
}

export async function claimAndQueue(trx: Queryable, clock: Clock, team: repo.DigestTeam, s: repo.SettingsRow | null, slot: ReturnType<typeof digestSlot>, content: DigestContent) {
  const id = newId();
  const zh = renderMarkdown(content, 'zh-CN');
  const en = renderMarkdown(content, 'en');
  const claimed = await repo.claimDigest(trx, {
    id,
    team_id: team.id,
    date: slot.date,
    slot: slot.slot,
    scheduled_for: slot.scheduledFor,
    late: content.late ? 1 : 0,
    content: toJson(content),
    markdown: toJson({ 'zh-CN': zh, en }),
    channel_ids: '[]',
    created_at: clock.now().toISOString(),
  });
  if (!claimed) return false;
  const robots = await enqueueRobotMessage(trx, clock, {
    idempotencyKey: `digest#${id}`,
    teamPath: team.path,
    channelIds: s ? repo.channelIdsOf(s) : null,
    title: zh.title,
    titleEn: en.title,
    body: zh.body,
    bodyEn: en.body,
    link: digestPath(team.id, slot.date),
  });
  await trx.updateTable('digests').set({ channel_ids: toJson(robots.map((r) => r.id)) }).where('id', '=', id).execute();
  return true;
}

export async function listDigestsFor(db: Db, actor: Actor, teamId: string, date: string | undefined) {
  const team = await visibleTeam(db, actor, teamId, true);
  const rows = await repo.listDigests(db, team.id, date, date ? 10 : 30);
  const sends = await repo.deliveries(db, rows.map((r) => r.id));
  return {
    team: { id: team.id, name: team.name },
    items: rows.map((r) => presentDigest(r, sends, actor)),
  };
}
