/** Lead settings (assignment rules, pool) and lead creation/import on top of the customers module. */
import { commandIn } from '../../core/command.js';
import type { Db, Dialect, Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, renderField, type Lang } from '../../core/errors.js';
import { createCustomer } from '../customers/service.js';
import type { Actor } from '../org/scope.js';
import { checkCron } from '../rules/schedule.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { presentAssignments } from './assignment.js';
import { exclusiveSweep, sweepPool } from './pool.js';
import * as repo from './repo.js';
import type { AssignmentSettings, LeadBody, PoolSettings } from './schema.js';
import { authorize } from '../../core/policy.js';

export async function getSettings(db: Queryable, actor: Actor) {
  authorize(actor, 'lead.readSettings');
  const s = await repo.loadSettings(db);
  return { assignment: s.assignment, pool: s.pool, updatedAt: s.updatedAt };
}

/** The pool settings (days per customer level, claim limits, sweep schedule): readable by every signed-in user. */
export async function getPoolSettings(db: Queryable) {
  return (await repo.loadSettings(db)).pool;
}

export async function putAssignment(db: Db, clock: Clock, actor: Actor, input: AssignmentSettings) {
  authorize(actor, 'lead.configure');
  return db.transaction().execute(async (trx) => {
    for (const [i, rule] of input.rules.entries()) {
      if (!(await repo.findTeam(trx, rule.teamId))) throw invalid(`rules.${i}.teamId`, 'not_found_team');
    }
    if (input.defaultTeamId && !(await repo.findTeam(trx, input.defaultTeamId))) throw invalid('defaultTeamId', 'not_found_team');
    const before = (await repo.loadSettings(trx)).assignment;
    await repo.saveSettings(trx, clock, actor.id, { assignment: input });
    await commandIn(trx, clock, { entity: 'lead_settings', actorId: actor.id }).recorded('assignment', 'update', { before, after: input });
    return (await repo.loadSettings(trx)).assignment;
  });
}

export async function putPool(db: Db, clock: Clock, actor: Actor, input: PoolSettings, defaultTimeZone: string) {
  authorize(actor, 'pool.configure');
  return db.transaction().execute(async (trx) => {
    const { timeZone } = await getCalendarSettings(trx, defaultTimeZone);
    const cronError = checkCron(input.cron, timeZone);
    if (cronError) throw invalid('cron', 'invalid_cron', undefined, cronError);
    const before = (await repo.loadSettings(trx)).pool;
    await repo.saveSettings(trx, clock, actor.id, { pool: input });
    await commandIn(trx, clock, { entity: 'lead_settings', actorId: actor.id }).recorded('pool', 'update', { before, after: input });
    return (await repo.loadSettings(trx)).pool;
  });
}

export async function createLead(db: Db, clock: Clock, actor: Actor, input: LeadBody) {
  return createCustomer(db, clock, actor, input, { lead: true });
}

/**
 * Import: each row is created in its own transaction so one duplicate or bad row does not undo the others; rows
 * earlier in the same file count as existing for later ones.
 */
export async function importLeads(db: Db, clock: Clock, actor: Actor, items: LeadBody[], lang: Lang = 'zh') {
  const results: Array<Record<string, unknown>> = [];
  for (const [index, item] of items.entries()) {
    try {
      const created = await createCustomer(db, clock, actor, item, { lead: true });
      results.push({ index, status: 'created', id: created.id, ownerId: created.ownerId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'DUPLICATE_CUSTOMER') {
        const extra = error.extra ?? {};
        results.push({ index, status: 'duplicate', customer: extra.customer, owner: extra.owner, matchedOn: extra.matchedOn, message: error.text(lang) });
      } else {
        results.push({ index, status: 'error', code: error.code, message: error.text(lang), fields: (error.fields ?? []).map((f) => renderField({ ...f, field: `items.${index}.${f.field}` }, lang)) });
      }
    }
  }
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return { created: count('created'), duplicates: count('duplicate'), errors: count('error'), results };
}

/** The admin's "sweep now" button: the same sweep the schedule runs. */
export async function sweepPoolNow(db: Db, dialect: Dialect, clock: Clock, actor: Actor) {
  authorize(actor, 'pool.sweep');
  return { returned: await exclusiveSweep(db, dialect, async (trx) => sweepPool(trx, clock, (await repo.loadSettings(trx)).pool)) };
}

/** Assignment history: managers see their subtree, org-wide readers everything. */
export async function listAssignments(db: Queryable, actor: Actor, query: { customerId?: string; page: number; pageSize: number }) {
  authorize(actor, 'lead.readAssignments');
  return presentAssignments(db, actor, query);
}
