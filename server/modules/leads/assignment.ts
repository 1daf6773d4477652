/**
 * Assignment of new leads by the admin's rules: the first rule whose region/industry/source lists contain the lead's
 * values names a team; within it the owner is the next seller in turn (round robin) or the one with the fewest open
 * deals + customers (least load). Every assignment is recorded with its rule and reason.
 */
import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../org/scope.js';
import * as repo from './repo.js';
import type { AssignMethod, AssignmentSettings } from './schema.js';
import { can, inGroup } from '../../core/policy.js';

export interface LeadFacts {
  region?: string | null;
  industry?: string | null;
  source?: string | null;
}

export interface AssignmentPlan {
  owner: { id: string; name: string; teamPath: string };
  teamId: string;
  rule: string;
  method: AssignMethod;
  reason: string;
}


/** Pure: which rule applies (the first match), else the default. */
export function pickRule(settings: AssignmentSettings, facts: LeadFacts): { rule: string; teamId: string | null; method: AssignMethod; why: string } {
  const has = (list: string[] | undefined, value: string | null | undefined) => !list || list.length === 0 || (value != null && list.includes(value));
  for (const r of settings.rules) {
    if (has(r.when.regions, facts.region) && has(r.when.industries, facts.industry) && has(r.when.sources, facts.source)) {
      const on = [r.when.regions?.length ? `region ${facts.region}` : null, r.when.industries?.length ? `industry ${facts.industry}` : null, r.when.sources?.length ? `source ${facts.source}` : null]
        .filter(Boolean)
        .join(', ');
      return { rule: r.key, teamId: r.teamId, method: r.method, why: `rule "${r.name}"${on ? ` (${on})` : ''}` };
    }
  }
  return { rule: 'default', teamId: settings.defaultTeamId, method: settings.defaultMethod, why: 'no rule matched' };
}

/** Whether a create without ownerId goes through the rules (else the creator owns it, as before). */
export function autoAssigns(actor: Actor, settings: AssignmentSettings, options: { viaToken?: boolean; lead?: boolean }): boolean {
  if (options.lead) return true;
  return settings.enabled && (options.viaToken === true || inGroup(actor, 'managers'));
}

export async function planAssignment(db: Queryable, actor: Actor, facts: LeadFacts): Promise<AssignmentPlan> {
  const { assignment } = await repo.loadSettings(db);
  const picked = pickRule(assignment, facts);
  const teamId = picked.teamId ?? actor.teamId;
  const team = await repo.findTeam(db, teamId);
  if (!team) throw new AppError('INVALID_STATE', 'assignment_team_gone', { params: { rule: picked.rule } });
  const sellers = await repo.sellersOf(db, team.path);
  if (!sellers.length) {
    throw new AppError('INVALID_STATE', 'assignment_no_seller', { params: { team: team.name, rule: picked.rule } });
  }
  let chosen = sellers[0]!;
  let detail: string;
  if (picked.method === 'least_load') {
    const load = await repo.openLoad(db, sellers.map((s) => s.id));
    for (const s of sellers) if (load.get(s.id)! < load.get(chosen.id)!) chosen = s;
    detail = `least open load (${load.get(chosen.id)} open deals + customers)`;
  } else {
    const turn = await repo.nextTurn(db, `team:${team.id}`);
    chosen = sellers[(turn - 1) % sellers.length]!;
    detail = `round robin turn ${turn} of ${sellers.length} sellers`;
  }
  return {
    owner: { id: chosen.id, name: chosen.display_name, teamPath: chosen.team_path },
    teamId: team.id,
    rule: picked.rule,
    method: picked.method,
    reason: `${picked.why} → ${team.name}: ${detail}`,
  };
}

export async function recordPlannedAssignment(db: Queryable, clock: Clock, customerId: string, plan: AssignmentPlan, actorId: string) {
  await repo.insertAssignment(db, clock, {
    customer_id: customerId,
    user_id: plan.owner.id,
    previous_owner_id: null,
    team_id: plan.teamId,
    rule: plan.rule,
    method: plan.method,
    reason: plan.reason,
    actor_id: actorId,
  });
}

export async function presentAssignments(db: Queryable, actor: Actor, query: { customerId?: string; page: number; pageSize: number }) {
  const rows = await repo.listAssignments(
    db,
    { customerId: query.customerId, pathPrefix: can(actor, 'lead.readAllAssignments') ? undefined : actor.teamPath },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      customer: { id: r.customer_id, name: r.customer_name },
      user: { id: r.user_id, name: r.user_name },
      previousOwnerId: r.previous_owner_id,
      teamId: r.team_id,
      rule: r.rule,
      method: r.method,
      reason: r.reason,
      actorId: r.actor_id,
      at: r.at,
    })),
  };
}
