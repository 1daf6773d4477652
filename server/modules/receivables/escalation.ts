/**
 * The receivables job: an unsettled instalment whose timer (effective due date + N working days, held by an undecided
 * claim) has passed gets one finance work order (type "receivable", assigned to the team's finance partner) and one
 * task for the seller's lead due in 24 hours. Their titles and texts carry no amount: support and other org-wide
 * readers see every work order and task, and an amount frozen in a title would be a second, stale copy of the ledger.
 * The outstanding amount goes in a personal in-app message to the partner and the lead (roles that may read contract
 * amounts), and stays in the escalation row (`outstandingFen`, a restricted key). Exactly once across processes: the
 * contract row is locked (FOR UPDATE on PostgreSQL) and a UNIQUE(instalment_id) escalation row is inserted in the
 * same transaction as the order and the task. Paid first → the timer is gone and nothing fires. Registered in the job
 * registry, so `actionflow tick --at` replays it. Each pass also recomputes timers when the calendar changed.
 */
import { breathe } from '../../core/breathe.js';
import { commandIn } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { hiddenKeysOfRole, systemActor, type SystemActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import type { Role } from '../../db/schema.js';
import { defineJob, type Fired } from '../../jobs/job.js';
import { chinaCalendarStatus } from '../calendar/china.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { yuan } from '../contracts/ledger.js';
import * as contracts from '../contracts/repo.js';
import { moneyContext } from '../contracts/service.js';
import { recomputeAfterCalendarChange, refreshTimers } from '../contracts/timers.js';
import { viewOf } from '../contracts/view.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { resolveRecipients } from '../sla/recipients.js';
import { insertTaskInTx } from '../tasks/service.js';
import { createWorkOrderInTx } from '../workorders/service.js';
import { findType } from '../workorders/repo.js';
import { saveTypeInTx } from '../workorders/types-service.js';
import { typeDefinitionSchema } from '../workorders/definition.js';
import * as repo from './repo.js';

const worker: SystemActor = systemActor('worker');
export const RECEIVABLE_TYPE = 'receivable';

/** The "receivable" work-order type, created on first use (queue: the company's root team, so any finance partner fits). */
export async function ensureReceivableType(db: Queryable, deps: Pick<Deps, 'clock' | 'config'>) {
  if (await findType(db, RECEIVABLE_TYPE)) return;
  const root = await repo.rootTeam(db);
  if (!root) return;
  const def = typeDefinitionSchema.parse({ key: RECEIVABLE_TYPE, name: '回款催收', nameEn: 'Overdue receivable', team: root.id, response: '1wd', resolution: '3wd' });
  await saveTypeInTx(db, deps, worker, def);
}

/** The team's finance partner (nearest team up the tree that has one), else the nearest finance user. */
export async function financePartnerOf(db: Queryable, owner: { id: string; teamPath: string }): Promise<string | null> {
  const chain = owner.teamPath.split('/').filter(Boolean).reverse();
  const partners = await repo.partnersOf(db, chain);
  for (const teamId of chain) {
    const p = partners.find((x) => x.team_id === teamId && x.active === 1);
    if (p) return p.id;
  }
  return (await resolveRecipients(db, owner, ['role:finance']))[0] ?? null;
}

async function fireInstalment(deps: Deps, instalmentId: string, contractId: string): Promise<Fired | null> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await contracts.lockContract(trx, deps.dialect, contractId);
    const { calendar, settings, today } = await moneyContext(trx, deps);
    // Bring the timer up to date first: paid, claimed or moved since it was set → nothing fires now.
    await refreshTimers(trx, calendar, settings, [contractId]);
    const line = (await contracts.currentLines(trx, [contractId])).find((l) => l.id === instalmentId);
    if (!line?.escalate_at || line.escalate_at > now.toISOString()) return null;
    // Every allocation counts (as of the far future); days to due are on calendar days here because the band is not
    // used and counting working days up to year 9999 would hold the worker for minutes.
    const view = viewOf(line, await contracts.allocationsOfInstalments(trx, [instalmentId]), calendar, { ...settings, bandBasis: 'calendar' }, '9999-12-31');
    const contract = (await contracts.findContract(trx, { kind: 'all' }, contractId))!;
    const rejected = (await contracts.claimsOfContract(trx, contractId)).filter((c) => c.decision === 'rejected' && (!c.instalment_id || c.instalment_id === instalmentId)).at(-1);
    const note = rejected ? `回款申明被驳回：${rejected.decision_note ?? ''}` : null;
    const escalationId = newId();
    const inserted = await repo.insertEscalation(trx, { id: escalationId, instalment_id: instalmentId, contract_id: contractId, due_at: line.escalate_at, fired_at: now.toISOString(), outstanding_fen: view.outstandingFen, note });
    await contracts.setTimers(trx, instalmentId, { escalate_at: null });
    if (!inserted || Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    const outstanding = yuan(view.outstandingFen);
    const late = Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${view.effectiveDueDate}T00:00:00Z`)) / 86_400_000));
    const owner = { id: contract.owner_id, teamPath: contract.team_path };
    const ownerActive = (await trx.selectFrom('users').select('active').where('id', '=', contract.owner_id).executeTakeFirst())?.active === 1;
    const partner = await financePartnerOf(trx, owner);
    let workOrderId: string | null = null;
    await ensureReceivableType(trx, deps);
    const requesterId = ownerActive ? contract.owner_id : partner;
    if (requesterId) {
      workOrderId = await createWorkOrderInTx(trx, deps, worker, {
        type: RECEIVABLE_TYPE,
        requesterId,
        subject: { type: 'deal', id: contract.deal_id },
        title: `回款逾期：${contract.number} 第${view.seq}期`,
        description: [
          `客户：${contract.customer_name}；销售：${contract.owner_name}`,
          `约定付款日 ${view.dueDate}，实际到期日 ${view.effectiveDueDate}，已逾期 ${late} 天；未收金额见合同 ${contract.number}`,
          ...(note ? [note] : []),
          `Overdue receivable: ${contract.number} instalment ${view.seq}; the outstanding amount is on the contract`,
        ].join('\n'),
        ...(partner ? { assigneeId: partner } : {}),
      });
    }
    const lead = (await resolveRecipients(trx, owner, ['owner.lead']))[0] ?? null;
    let taskId: string | null = null;
    if (lead) {
      const task = await insertTaskInTx(
        trx,
        deps,
        worker,
        { title: `24小时内与客户确认回款延迟原因：${contract.number} 第${view.seq}期（${contract.customer_name}）`, assigneeId: lead, dueAt: new Date(now.getTime() + 24 * 3600_000).toISOString(), dealId: contract.deal_id, status: 'open' },
        { kind: 'all' },
      );
      taskId = task.id;
    }
    await repo.completeEscalation(trx, escalationId, { work_order_id: workOrderId, task_id: taskId });
    // The message that states the outstanding amount: personal, in-app only (a team robot would show it to the group).
    for (const [userId, link] of [[partner, workOrderId ? `/work-orders/${workOrderId}` : `/contracts/${contractId}`], [lead, `/contracts/${contractId}`]] as const) {
      if (!userId) continue;
      const role = (await trx.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst())?.role;
      if (!role || hiddenKeysOfRole(role as Role).has('outstandingFen')) continue;
      await enqueueNotification(trx, deps.clock, {
        idempotencyKey: `receivable:${escalationId}:${userId}`,
        userId,
        channels: ['inapp'],
        title: `回款逾期：${contract.number} 第${view.seq}期 未收 ${outstanding}`,
        titleEn: `Overdue receivable: ${contract.number} instalment ${view.seq}, outstanding ${outstanding}`,
        body: `${contract.customer_name}，实际到期日 ${view.effectiveDueDate}，已逾期 ${late} 天（本期 ${yuan(view.amountFen)}，已收 ${yuan(view.paidFen)}）${note ? `；${note}` : ''}`,
        bodyEn: `${contract.customer_name}, due ${view.effectiveDueDate}, ${late} days late (instalment ${yuan(view.amountFen)}, paid ${yuan(view.paidFen)})`,
        link,
        subject: { type: 'contract', id: contractId },
      });
    }
    await commandIn(trx, deps.clock, { entity: 'contract', actorId: null }).recorded(
      contractId,
      'escalate',
      { after: { instalmentId, outstandingFen: view.outstandingFen, workOrderId, taskId, financePartnerId: partner, leadId: lead, note } },
      { type: 'receivable.escalated', payload: { instalmentId, outstandingFen: view.outstandingFen, workOrderId, taskId } },
    );
    return { kind: 'receivable.escalation', at: line.escalate_at, subject: { type: 'contract', id: contractId }, instalmentId, outstandingFen: view.outstandingFen, workOrderId, taskId };
  });
}

/** What the calendar looks like now: its settings and which nearby years are still provisional. */
async function calendarFingerprint(deps: Deps): Promise<string> {
  const s = await getCalendarSettings(deps.db, deps.config.timeZone);
  const year = deps.clock.now().getUTCFullYear();
  const years = [year - 1, year, year + 1, year + 2].map((y) => `${y}:${chinaCalendarStatus(y)}`);
  return JSON.stringify([s.updatedAt, s.restWeekdays, s.extraDaysOff, s.extraWorkdays, years]);
}
let lastFingerprint: string | null = null;

export async function runReceivables(deps: Deps, limit = 100): Promise<{ did: number; fired: Fired[] }> {
  const fingerprint = await calendarFingerprint(deps);
  if (fingerprint !== lastFingerprint) {
    await deps.db.transaction().execute((trx) => recomputeAfterCalendarChange(trx, deps.clock, deps.config.timeZone, lastFingerprint ? 'calendar_changed' : 'calendar_checked'));
    lastFingerprint = fingerprint;
  }
  const fired: Fired[] = [];
  let did = 0;
  for (const row of await repo.dueInstalments(deps.db, deps.clock.now().toISOString(), limit)) {
    await breathe();
    const result = await fireInstalment(deps, row.id, row.contract_id);
    did++;
    if (result) fired.push(result);
  }
  return { did, fired };
}

export const receivablesJob = defineJob({
  name: 'receivables',
  idleIntervalMs: 30_000,
  replayInBatches: true,
  pass: (deps) => runReceivables(deps),
  nextDue: (deps) => repo.earliestEscalation(deps.db, '<=', deps.clock.now().toISOString()),
  nextWake: (deps) => repo.earliestEscalation(deps.db, '>', deps.clock.now().toISOString()),
});
