/**
 * The assist-point ledger (助攻积分): append-only rows, one grant per (order, rule, helper) and at most one reversal
 * of it (UNIQUE index), never an edit. A grant is scored by the rule set in force on the local date of the fact and
 * capped per order and per helper per ISO week; a reopened order gets reversal rows dated now, so a closed month
 * never changes. Nobody earns points for helping themselves.
 */
import { commandIn } from '../../core/command.js';
import { AppError, invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { authorize, can, scopeOf, type Actor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { capped, periodsOf, REVERSED_ON_REOPEN, ruleSetOn, type PointRule, type PointRuleKind, type RuleSet, type VersionedRuleSet } from './points-rules.js';
import * as repo from './repo.js';
import type { WoDeps } from './service.js';

export async function loadRuleSets(db: Queryable): Promise<VersionedRuleSet[]> {
  return (await repo.ruleSets(db)).map((r) => ({ version: Number(r.version), effectiveFrom: r.effective_from, ...parseJson<RuleSet>(r.definition, { rules: [], caps: { perOrder: null, perHelperWeek: null } }) }));
}

/** Grants what the rules of `kind` give `helperId` for a fact on `order` at `at`; returns the points granted. */
export async function grantFor(
  db: Queryable,
  deps: WoDeps,
  order: Pick<repo.OrderRow, 'id' | 'requester_id' | 'rating'>,
  kind: PointRuleKind,
  helperId: string,
  at: Date,
  /** Rule-specific condition (the deal rules' windows). */
  accept: (rule: PointRule) => boolean = () => true,
): Promise<number> {
  if (helperId === order.requester_id) return 0;
  const periods = periodsOf(at, deps.config.timeZone);
  const set = ruleSetOn(await loadRuleSets(db), periods.date);
  const helper = await repo.userById(db, helperId);
  if (!helper) return 0;
  let total = 0;
  for (const rule of set.rules) {
    if (rule.kind !== kind) continue;
    if (rule.kind === 'rating_at_least' && (order.rating ?? 0) < rule.min) continue;
    if (!accept(rule)) continue;
    await repo.lockHelper(db, deps.dialect, helperId);
    const room = capped(rule.points, set.caps, await repo.netPoints(db, { orderId: order.id }), await repo.netPoints(db, { helperId, week: periods.week }));
    if (room <= 0) continue;
    const inserted = await repo.insertPoints(db, {
      id: newId(),
      order_id: order.id,
      rule_key: rule.key,
      helper_id: helperId,
      team_id: helper.team_id,
      kind: 'grant',
      points: room,
      reverses_id: null,
      rule_set_version: set.version,
      month: periods.month,
      week: periods.week,
      at: at.toISOString(),
    });
    if (inserted) total += room;
  }
  return total;
}

/** Reversal rows for the grants a reopened resolution had earned (the response stays earned). */
export async function reverseOnReopen(db: Queryable, deps: WoDeps, order: Pick<repo.OrderRow, 'id'>, at: Date) {
  const rows = await repo.pointsOfOrder(db, order.id);
  const sets = await loadRuleSets(db);
  const reversed = new Set(rows.filter((r) => r.kind === 'reversal').map((r) => r.reverses_id));
  const periods = periodsOf(at, deps.config.timeZone);
  for (const grant of rows.filter((r) => r.kind === 'grant' && !reversed.has(r.id))) {
    const set = sets.find((s) => s.version === Number(grant.rule_set_version));
    const rule = (set?.rules ?? ruleSetOn([], '1970-01-01').rules).find((r) => r.key === grant.rule_key);
    const kind = (rule?.kind ?? grant.rule_key) as PointRuleKind;
    if (!REVERSED_ON_REOPEN.has(kind)) continue;
    await repo.insertPoints(db, {
      id: newId(),
      order_id: order.id,
      rule_key: grant.rule_key,
      helper_id: grant.helper_id,
      team_id: grant.team_id,
      kind: 'reversal',
      points: -Number(grant.points),
      reverses_id: grant.id,
      rule_set_version: Number(grant.rule_set_version),
      month: periods.month,
      week: periods.week,
      at: at.toISOString(),
    });
  }
}

function currentMonth(deps: WoDeps) {
  return periodsOf(deps.clock.now(), deps.config.timeZone).month;
}

/** One helper's ledger for a month: self, a manager for people in their scope, org-wide roles for anyone. */
export async function pointsOf(deps: WoDeps, actor: Actor, query: { userId?: string; month?: string }) {
  const userId = !query.userId || query.userId === 'me' ? actor.id : query.userId;
  const month = query.month ?? currentMonth(deps);
  if (userId !== actor.id) {
    const user = await repo.userById(deps.db, userId);
    const scope = scopeOf(actor);
    const visible = user && (scope.kind === 'all' || (scope.kind === 'subtree' && user.team_path.startsWith(scope.path)));
    if (!visible) throw new AppError('FORBIDDEN', 'points_not_visible');
  }
  const rows = await repo.pointEntries(deps.db, userId, month);
  const entries = rows.map((r) => ({
    id: r.id,
    order: { id: r.order_id, title: r.order_title },
    ruleKey: r.rule_key,
    kind: r.kind as 'grant' | 'reversal',
    points: Number(r.points),
    reversesId: r.reverses_id,
    ruleSetVersion: Number(r.rule_set_version),
    at: r.at,
  }));
  return { userId, month, total: entries.reduce((s, e) => s + e.points, 0), entries };
}

/** Monthly leaderboard per team (the helper's team when the points were granted). */
export async function leaderboard(deps: WoDeps, actor: Actor, query: { month?: string; teamId?: string }) {
  const month = query.month ?? currentMonth(deps);
  const rows = await repo.leaderboard(deps.db, month, query.teamId ? [query.teamId] : null);
  const teams = new Map<string, { team: { id: string; name: string }; entries: Array<{ rank: number; user: { id: string; name: string }; total: number }> }>();
  for (const r of rows) {
    const t = teams.get(r.team_id) ?? { team: { id: r.team_id, name: r.team_name }, entries: [] };
    t.entries.push({ rank: 0, user: { id: r.helper_id, name: r.helper_name }, total: Number(r.total) });
    teams.set(r.team_id, t);
  }
  for (const t of teams.values()) {
    t.entries.sort((a, b) => b.total - a.total || a.user.name.localeCompare(b.user.name));
    t.entries.forEach((e, i) => (e.rank = i > 0 && t.entries[i - 1].total === e.total ? t.entries[i - 1].rank : i + 1));
  }
  void actor;
  return { month, teams: [...teams.values()].sort((a, b) => a.team.name.localeCompare(b.team.name)) };
}

export async function currentRuleSets(deps: WoDeps) {
  const rows = await repo.ruleSets(deps.db);
  const stored = rows.map((r) => ({ version: Number(r.version), effectiveFrom: r.effective_from, ...parseJson<RuleSet>(r.definition, null as never), createdAt: r.created_at as string | null }));
  const today = periodsOf(deps.clock.now(), deps.config.timeZone).date;
  const inForce = ruleSetOn(stored, today);
  return { inForce: { ...inForce, createdAt: (inForce as { createdAt?: string | null }).createdAt ?? null }, versions: stored };
}

/** Publishes a new rule-set version from its effective date (today or later: the past is never rewritten). */
export async function publishRuleSet(deps: WoDeps, actor: Actor, input: RuleSet & { effectiveFrom: string }) {
  authorize(actor, 'assist.configure');
  const today = periodsOf(deps.clock.now(), deps.config.timeZone).date;
  if (input.effectiveFrom < today) throw invalid('effectiveFrom', 'not_in_past', { today });
  return deps.db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('assist_rule_sets').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const now = deps.clock.now().toISOString();
    const definition = { rules: input.rules, caps: input.caps };
    await repo.insertRuleSet(trx, { id: newId(), version, effective_from: input.effectiveFrom, definition: toJson(definition), created_at: now, created_by: actor.id });
    await commandIn(trx, deps.clock, { entity: 'assist_rule_set', actorId: actor.id }).recorded(String(version), 'create', { after: { version, effectiveFrom: input.effectiveFrom, ...definition } });
    return { version, effectiveFrom: input.effectiveFrom, ...definition, createdAt: now };
  });
}

export function canSeeOthers(actor: Actor) {
  return can(actor, 'assist.readOthers');
}
