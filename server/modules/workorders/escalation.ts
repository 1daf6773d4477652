/**
 * The work-order job: fires due escalation levels and grants the deal-outcome assist points. Registered in the job
 * registry, so `actionflow tick --at` replays it. Exactly once with several processes: an order is claimed with
 * FOR UPDATE SKIP LOCKED (PostgreSQL) and each level is a UNIQUE(order_id, level) row inserted in the same
 * transaction as its notifications; points rows are unique per (order, rule, helper, kind).
 */
import { commandIn } from '../../core/command.js';
import { breathe } from '../../core/breathe.js';
import type { Deps } from '../../core/http.js';
import { parseJson, toJson } from '../../core/json.js';
import { systemActor } from '../../core/policy.js';
import { defineJob, type Fired } from '../../jobs/job.js';
import { loadCalendars } from '../calendar/schedules.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { resolveRecipients } from '../sla/recipients.js';
import { recomputeOnCalendarChange } from './calendar-change.js';
import { levelDues } from './clocks.js';
import type { LadderRecipient, StoredTypeDefinition } from './definition.js';
import { grantFor, loadRuleSets } from './points.js';
import { periodsOf, ruleSetOn } from './points-rules.js';
import * as repo from './repo.js';
import { refreshClocks } from './service.js';
import type { Queryable } from '../../db/index.js';

const worker = systemActor('worker');

async function recipientsOf(db: Queryable, row: repo.OrderRow, notify: readonly LadderRecipient[]): Promise<string[]> {
  const out: string[] = [];
  const add = (ids: string[]) => ids.forEach((id) => out.includes(id) || out.push(id));
  // The queue team stands for the helper while nobody has taken the order.
  const owner = { id: row.assignee_id ?? '', teamPath: row.queue_path };
  for (const r of notify) {
    if (r === 'helper') add(row.assignee_id ? [row.assignee_id] : (await repo.activeUsersOfTeam(db, row.queue_team_id)).map((u) => u.id));
    if (r === 'helper.lead') add(await resolveRecipients(db, owner, ['owner.lead']));
    if (r === 'department_head') add(await resolveRecipients(db, owner, ['owner.regional_manager']));
    if (r === 'requester') add([row.requester_id]);
  }
  return out;
}

/** Fires every due level of one order; null when another process holds it or nothing is due any more. */
async function fireOrder(deps: Deps, id: string): Promise<Fired[] | null> {
  const asOf = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.claimDueOrder(trx, deps.dialect, id, asOf.toISOString()))) return null;
    const row = (await repo.findOrder(trx, worker, id))!;
    const def = parseJson<StoredTypeDefinition>(row.type_definition, null as never);
    const calendar = (await loadCalendars(trx, deps.config.timeZone)).forTeam(row.queue_team_id);
    const history = (await repo.historyOf(trx, [id])).map((h) => ({ status: h.status, at: h.at }));
    const dues = levelDues(calendar, def.escalation, { createdAt: row.created_at, status: row.status, respondedAt: row.responded_at, response: def.response, resolution: def.resolution, history });
    const fired = await repo.firedLevels(trx, id);
    const out: Fired[] = [];
    for (let i = 0; i < dues.length; i++) {
      const due = dues[i];
      const level = i + 1;
      if (!due || due.getTime() > asOf.getTime() || fired.has(level)) continue;
      const spec = def.escalation[i];
      const recipients = await recipientsOf(trx, row, spec.notify);
      if (!(await repo.insertEscalation(trx, { order_id: id, level, due_at: due.toISOString(), fired_at: asOf.toISOString(), recipients: toJson(recipients) }))) continue;
      const clock = spec.clock === 'response' ? { zh: '响应', en: 'response' } : { zh: '解决', en: 'resolution' };
      for (const userId of recipients) {
        await enqueueNotification(trx, deps.clock, {
          idempotencyKey: `wo-esc:${id}:${level}:${userId}`,
          userId,
          title: `【第${level}级】工单「${row.title}」${clock.zh}超时`,
          titleEn: `Level ${level}: work order "${row.title}" is past its ${clock.en} target`,
          body: `类型：${row.type_name}；发起人：${row.requester_name}；处理人：${row.assignee_name ?? row.queue_name}`,
          bodyEn: `Type: ${row.type_name_en ?? row.type_key}; requested by ${row.requester_name}; handled by ${row.assignee_name ?? row.queue_name}`,
          link: `/work-orders/${id}`,
          subject: { type: 'work_order', id },
        });
      }
      await commandIn(trx, deps.clock, { entity: 'work_order', actorId: null }).emit(id, { type: 'work_order.escalated', payload: { level, clock: spec.clock, dueAt: due.toISOString(), recipients } });
      out.push({ kind: 'work_order.escalation', at: due.toISOString(), subject: { type: 'work_order', id }, level, clock: spec.clock, recipients });
    }
    await refreshClocks(trx, deps, id);
    return out;
  });
}

/** Deal-outcome points: the supported deal advanced within N working days, or was won within N days, of resolution. */
async function grantDealPoints(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - 400 * 86_400_000).toISOString();
  const orders = await repo.resolvedDealOrders(deps.db, since);
  if (!orders.length) return 0;
  const sets = await loadRuleSets(deps.db);
  const calendars = await loadCalendars(deps.db, deps.config.timeZone);
  let granted = 0;
  for (const o of orders) {
    if (!o.assignee_id || !o.resolved_at || o.assignee_id === o.requester_id) continue;
    const resolved = new Date(o.resolved_at);
    const set = ruleSetOn(sets, periodsOf(resolved, deps.config.timeZone).date);
    const dealRules = set.rules.filter((r) => r.kind === 'deal_advanced_within' || r.kind === 'deal_won_within');
    if (!dealRules.length) continue;
    const moves = await repo.stageMovesAfter(deps.db, o.deal_id!, o.resolved_at);
    const deal = await deps.db.selectFrom('deals').select(['status', 'stage_entered_at']).where('id', '=', o.deal_id!).executeTakeFirst();
    const calendar = calendars.forTeam(o.queue_team_id);
    for (const rule of dealRules) {
      let at: Date | null = null;
      if (rule.kind === 'deal_advanced_within') {
        const limit = calendar.addWorkingDays(resolved, rule.workingDays).getTime();
        const move = moves.find((m) => (m.direction === 'forward' || m.direction === 'skip') && new Date(m.entered_at).getTime() <= Math.min(limit, now.getTime()));
        at = move ? new Date(move.entered_at) : null;
      } else if (deal?.status === 'won' && deal.stage_entered_at > o.resolved_at) {
        const won = new Date(deal.stage_entered_at);
        at = won.getTime() <= resolved.getTime() + rule.days * 86_400_000 && won.getTime() <= now.getTime() ? won : null;
      }
      if (!at) continue;
      const when = at;
      granted += await deps.db.transaction().execute(async (trx) => {
        await repo.lockOrder(trx, deps.dialect, o.id);
        return grantFor(trx, deps, { id: o.id, requester_id: o.requester_id, rating: null }, rule.kind, o.assignee_id!, when, (r) => r.key === rule.key);
      });
    }
    await breathe();
  }
  return granted;
}

export async function runWorkOrders(deps: Deps, limit = 200): Promise<{ did: number; fired: Fired[] }> {
  const fired: Fired[] = [];
  // Calendar changes first: a deadline the change moved must not fire on its old instant below.
  let did = await recomputeOnCalendarChange(deps);
  const due = await repo.dueOrderIds(deps.db, deps.clock.now().toISOString(), limit);
  for (const { id } of due) {
    await breathe();
    const result = await fireOrder(deps, id);
    if (result) {
      did++;
      fired.push(...result);
    }
  }
  const points = await grantDealPoints(deps);
  return { did: did + (points > 0 ? 1 : 0), fired };
}

export const workOrdersJob = defineJob({
  name: 'workorders',
  idleIntervalMs: 5000,
  replayInBatches: true,
  pass: (deps) => runWorkOrders(deps),
  nextDue: (deps) => repo.earliestEscalation(deps.db, deps.clock.now().toISOString()),
});
