/**
 * Random verification call-backs (随机抽检): each month, per team, a share (default 5 %) of the customers with
 * logged visits in the previous month is drawn with a recorded random seed (draw.ts repeats it exactly); the team's
 * checker (callback settings) or else its closest manager gets a call-back task; results (confirmed / not
 * confirmed / unreachable) are facts, the newest counts; not-confirmed visits are flagged in the report per seller.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Fired } from '../../jobs/job.js';
import { AppError, notFound } from '../../core/errors.js';
import { authorize, can, inScope, systemActor } from '../../core/policy.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import type { Queryable } from '../../db/index.js';
import { parseJson } from '../../core/json.js';
import { command } from '../../core/command.js';
import { insertTaskInTx } from '../tasks/service.js';
import { getCustomerInScope } from '../customers/service.js';
import { scopeOf, type Actor } from '../org/scope.js';
import { DEFAULT_SHARE_BP, drawSample } from './draw.js';
import { presentDraw, presentItem, presentSetting, type CallbackResult } from './presenter.js';
import * as repo from './repo.js';

type CallbackDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** The month to verify as of `now`: the previous calendar month in the org's time zone. */
export function monthToVerify(now: Date, timeZone: string) {
  const start = DateTime.fromJSDate(now, { zone: timeZone }).startOf('month').minus({ months: 1 });
  return { month: start.toFormat('yyyy-MM'), from: start.toUTC().toISO()!, to: start.plus({ months: 1 }).toUTC().toISO()!, drawnFrom: start.plus({ months: 1 }).toUTC().toISO()! };
}

/** Teams with visits in the month and no draw yet. */
async function pendingTeams(deps: CallbackDeps) {
  const period = monthToVerify(deps.clock.now(), deps.config.timeZone);
  const visits = await repo.visitsBetween(deps.db, period.from, period.to);
  const byTeam = new Map<string, typeof visits>();
  for (const v of visits) byTeam.set(v.team_path, [...(byTeam.get(v.team_path) ?? []), v]);
  const drawn = new Set((await repo.drawsOfMonth(deps.db, period.month)).map((d) => d.team_id));
  const teams = (await repo.teamsByPath(deps.db, [...byTeam.keys()])).filter((t) => !drawn.has(t.id));
  return { period, teams: teams.map((t) => ({ ...t, visits: byTeam.get(t.path)! })) };
}

export async function nextDrawDue(deps: CallbackDeps): Promise<string | null> {
  const { period, teams } = await pendingTeams(deps);
  return teams.length > 0 ? period.drawnFrom : null;
}

/** The monthly pass: one draw per team and month (a unique row: once, even with several processes). */
export async function runDraws(deps: CallbackDeps, seedOf: () => string = () => randomBytes(16).toString('hex')) {
  const { period, teams } = await pendingTeams(deps);
  const fired: Fired[] = [];
  for (const team of teams) {
    const settings = await repo.settingsFor(deps.db, team.id);
    const shareBp = settings?.share_bp ?? DEFAULT_SHARE_BP;
    const seed = seedOf();
    const customers = [...new Set(team.visits.map((v) => v.customer_id))];
    const drawn = drawSample(customers, shareBp, seed);
    const checker = settings?.checker_id ?? (await repo.managerOf(deps.db, team.path));
    await command(deps.db, deps.clock, { entity: 'team', actorId: null }, async (cmd) => {
      const id = newId();
      const now = deps.clock.now().toISOString();
      if (!(await repo.claimDraw(cmd.trx, { id, team_id: team.id, month: period.month, seed, share_bp: shareBp, population: customers.length, checker_id: checker, task_id: null, created_at: now }))) return;
      await repo.insertItems(
        cmd.trx,
        drawn.map((customerId) => {
          const visits = team.visits.filter((v) => v.customer_id === customerId);
          return { id: newId(), draw_id: id, customer_id: customerId, seller_id: visits[0].owner_id, activity_ids: JSON.stringify(visits.map((v) => v.id)) };
        }),
      );
      if (checker && drawn.length > 0) {
        const due = DateTime.fromJSDate(deps.clock.now(), { zone: deps.config.timeZone }).plus({ days: 7 }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 });
        const task = await insertTaskInTx(cmd.trx, deps, systemActor('worker'), { title: `随机抽检回访 ${period.month}：${team.name} ${drawn.length} 位客户`, assigneeId: checker, dueAt: due.toUTC().toISO()!, status: 'open' }, { kind: 'all' });
        await repo.setDrawTask(cmd.trx, id, task.id);
      }
      await cmd.recorded(team.id, 'callback_draw', { after: { drawId: id, month: period.month, seed, shareBp, population: customers.length, drawn: drawn.length } });
      fired.push({ kind: 'callbacks.draw', at: period.drawnFrom, subject: { type: 'team', id: team.id }, drawn: drawn.length, population: customers.length });
    });
  }
  return { did: fired.length, fired };
}

/** Draws visible to the caller: managers over their teams, the checker over their own. */
const visible = (actor: Actor, draw: { team_path: string; checker_id: string | null }) => draw.checker_id === actor.id || (can(actor, 'callback.record') && inScope(scopeOf(actor), { ownerId: '', teamPath: draw.team_path }));

async function present(deps: CallbackDeps, draws: Awaited<ReturnType<typeof repo.listDraws>>) {
  const items = await repo.itemsOf(deps.db, draws.map((d) => d.id));
  return Promise.all(
    draws.map(async (d) =>
      presentDraw(d, await Promise.all(items.filter((i) => i.draw_id === d.id).map(async (i) => presentItem(i, await repo.visitsById(deps.db, parseJson<string[]>(i.activity_ids, [])))))),
    ),
  );
}

/** A checker who is not a manager still has the call-back page (the `callback.check` ability of /api/me/abilities). */
export function isCallbackChecker(db: Queryable, userId: string): Promise<boolean> {
  return repo.isChecker(db, userId);
}

export async function listDraws(deps: CallbackDeps, actor: Actor, month?: string) {
  const draws = (await repo.listDraws(deps.db, month)).filter((d) => visible(actor, d));
  const items = await present(deps, draws);
  return { items, total: items.length };
}

export async function recordResult(deps: CallbackDeps, actor: Actor, itemId: string, body: { result: CallbackResult; note?: string }) {
  const item = await repo.findItem(deps.db, itemId);
  if (!item || !visible(actor, item)) throw notFound('Call-back');
  if (item.checker_id !== actor.id && !can(actor, 'callback.record')) throw new AppError('FORBIDDEN', 'callback_result_checker');
  await command(deps.db, deps.clock, { entity: 'team', actorId: actor.id }, async (cmd) => {
    await repo.insertResult(cmd.trx, { id: newId(), item_id: itemId, result: body.result, note: body.note ?? null, recorded_by: actor.id, recorded_at: deps.clock.now().toISOString() });
    await cmd.recorded(item.draw_id, 'callback_result', { after: { itemId, result: body.result } });
  });
  const [draw] = await present(deps, (await repo.listDraws(deps.db, undefined)).filter((d) => d.id === item.draw_id));
  return draw.items.find((i) => i.id === itemId)!;
}

/** Per seller: drawn customers and results; unconfirmed visits are the flagged ones. */
export async function report(deps: CallbackDeps, actor: Actor, month?: string) {
  const draws = (await listDraws(deps, actor, month)).items;
  const bySeller = new Map<string, { seller: { id: string; name: string }; drawn: number; confirmed: number; notConfirmed: number; unreachable: number; open: number; flagged: Array<{ itemId: string; month: string; customer: { id: string; name: string }; visitIds: string[] }> }>();
  for (const d of draws)
    for (const i of d.items) {
      const row = bySeller.get(i.seller.id) ?? { seller: i.seller, drawn: 0, confirmed: 0, notConfirmed: 0, unreachable: 0, open: 0, flagged: [] };
      row.drawn++;
      if (!i.result) row.open++;
      else if (i.result.result === 'confirmed') row.confirmed++;
      else if (i.result.result === 'unreachable') row.unreachable++;
      else {
        row.notConfirmed++;
        row.flagged.push({ itemId: i.id, month: d.month, customer: i.customer, visitIds: i.visits.map((v) => v.id) });
      }
      bySeller.set(i.seller.id, row);
    }
  const items = [...bySeller.values()].sort((a, b) => b.notConfirmed - a.notConfirmed || a.seller.name.localeCompare(b.seller.name));
  return { items, total: items.length };
}

export async function putSettings(deps: CallbackDeps, actor: Actor, body: { teamId: string | null; shareBp: number; checkerId: string | null }) {
  authorize(actor, 'callback.configure');
  const teamId = body.teamId ?? '*';
  await command(deps.db, deps.clock, { entity: 'team', actorId: actor.id }, async (cmd) => {
    await repo.putSettings(cmd.trx, { team_id: teamId, share_bp: body.shareBp, checker_id: body.checkerId, updated_by: actor.id, updated_at: deps.clock.now().toISOString() });
    await cmd.recorded(teamId, 'callback_settings', { after: body });
  });
  return { teamId: body.teamId, shareBp: body.shareBp, checkerId: body.checkerId };
}

/** The org default and each team's own share and checker (admin). */
export async function listSettings(deps: CallbackDeps, actor: Actor) {
  authorize(actor, 'callback.configure');
  const rows = await repo.listSettings(deps.db);
  const items = rows.map(presentSetting);
  if (!items.some((i) => i.teamId === null)) items.unshift({ teamId: null, team: null, shareBp: DEFAULT_SHARE_BP, checker: null });
  return { items, total: items.length };
}

/**
 * The call-back outcome of each of a customer's visits that a checker has called about, for its timeline: the seller
 * and their managers see which visits were confirmed and which were not. Drawn but not yet called: not shown, so a
 * draw never tips anyone off before the call.
 */
export async function verificationsOf(deps: CallbackDeps, actor: Actor, customerId: string) {
  await getCustomerInScope(deps.db, actor, customerId, 'customerId');
  const items = (await repo.resultsOfCustomer(deps.db, customerId)).flatMap((i) =>
    parseJson<string[]>(i.activity_ids, []).map((activityId) => ({ activityId, month: i.month, result: i.result as CallbackResult, recordedAt: i.recordedAt })),
  );
  return { items, total: items.length };
}
