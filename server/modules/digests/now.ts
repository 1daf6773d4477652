/**
 * The digest page's on-demand side (issue 15 point 4): which units the caller may read (their own team first, or
 * their region's roll-up), a preview computed now, "generate now" (stored and sent like a scheduled one, under the
 * slot of the current minute), and the demo's past digests so the page is alive on first start.
 */
import { DateTime } from 'luxon';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { Deps } from '../../core/http.js';
import { authorize } from '../../core/policy.js';
import type { Db, Queryable } from '../../db/index.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { scopeOf, type Actor } from '../org/scope.js';
import { dayBounds } from '../tasks/days.js';
import { buildDigest, renderMarkdown, withoutAmounts } from './content.js';
import * as repo from './repo.js';
import { claimAndQueue, visibleTeam } from './service.js';
import { digestSlot, type DigestSlot } from './slots.js';

/** Teams, stores and (as roll-ups) regions in the caller's scope; the default is their own unit. */
export async function digestUnits(db: Queryable, actor: Actor) {
  const scope = scopeOf(actor);
  const teams = await repo.unitsVisibleTo(db, scope.kind === 'all' ? null : scope.kind === 'subtree' ? scope.path : actor.teamPath, scope.kind === 'own');
  const items = [];
  for (const t of teams) items.push({ id: t.id, name: t.name, kind: t.kind, rollUp: t.kind === 'region', figures: await repo.figureKind(db, t) });
  const own = items.find((i) => i.id === actor.teamId);
  return { default: own?.id ?? items.find((i) => i.rollUp)?.id ?? items[0]?.id ?? null, items };
}

/** The slot "now": today's local date and the current minute. */
function slotNow(now: Date, timeZone: string): DigestSlot {
  const minute = DateTime.fromJSDate(now, { zone: timeZone }).startOf('minute').toJSDate();
  return digestSlot(minute, now, timeZone);
}

export async function previewDigest(deps: Deps, actor: Actor, teamId: string) {
  const team = await visibleTeam(deps.db, actor, teamId, true);
  const timeZone = (await getCalendarSettings(deps.db, deps.config.timeZone)).timeZone;
  const slot = slotNow(deps.clock.now(), timeZone);
  const built = buildDigest(await repo.dayFigures(deps.db, team, slot), { teamId: team.id, teamName: team.name, date: slot.date, slot: slot.slot, late: false, publicUrl: deps.config.publicUrl });
  const content = withoutAmounts(built, actor);
  return { team: { id: team.id, name: team.name }, content, markdown: { 'zh-CN': renderMarkdown(content, 'zh-CN'), en: renderMarkdown(content, 'en') } };
}

/** Stores and sends the digest now; a second click in the same minute answers 409 rather than sending twice. */
export async function generateDigestNow(deps: Deps, actor: Actor, teamId: string) {
  authorize(actor, 'digest.configure');
  const team = await visibleTeam(deps.db, actor, teamId, true);
  const timeZone = (await getCalendarSettings(deps.db, deps.config.timeZone)).timeZone;
  const slot = slotNow(deps.clock.now(), timeZone);
  const sent = await sendFor(deps.db, deps.clock, team, slot, false, deps.config.publicUrl);
  if (!sent) throw new AppError('CONFLICT', 'digest_exists', { params: { slot: slot.slot } });
  return { team: { id: team.id, name: team.name }, date: slot.date, slot: slot.slot };
}

async function sendFor(db: Db, clock: Clock, team: repo.DigestTeam, slot: DigestSlot, late: boolean, publicUrl: string): Promise<boolean> {
  const content = buildDigest(await repo.dayFigures(db, team, slot), { teamId: team.id, teamName: team.name, date: slot.date, slot: slot.slot, late, publicUrl });
  const settings = (await repo.allSettings(db)).get(team.id) ?? null;
  return db.transaction().execute((trx) => claimAndQueue(trx, clock, team, settings, slot, content));
}

/** The demo's past evenings: each store/team's 18:00 digest of the last `days` days, as the schedule would have sent. */
export async function backfillPastDigests(db: Db, clock: Clock, timeZone: string, publicUrl: string, days: number): Promise<number> {
  let sent = 0;
  const today = DateTime.fromJSDate(clock.now(), { zone: timeZone }).startOf('day');
  for (let back = days; back >= 1; back--) {
    const at = today.minus({ days: back }).set({ hour: 18 }).toJSDate();
    const slot = { ...digestSlot(at, at, timeZone), start: dayBounds(at, timeZone).todayStart };
    for (const team of await repo.digestTeams(db)) if (await sendFor(db, clock, team, slot, false, publicUrl)) sent++;
  }
  return sent;
}
