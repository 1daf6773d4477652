/**
 * The approvals engine's background pass (one job in the registry, so `actionflow tick --at` replays it):
 * 1. Envelope watch: consumes `deal.updated` exactly once (consumer `approvals`). An edit that leaves the envelope of
 *    a pending or approved request sends it back to draft with a reason naming the value. A consumer rather than a
 *    hook in the deals module: deals stays free of engine code, and nothing can pass a gate meanwhile because the gate
 *    check (gate.ts) tests the envelope against the deal's current values itself.
 * 2. Step SLAs on the shared clock (sla/clock.ts, the approver's team calendar): at `remind_at` the approvers (and
 *    their delegates) get a reminder; at `due_at` the approvers' managers are told (escalation), still relative to
 *    the original approver even when a delegate acts. Claimed with FOR UPDATE SKIP LOCKED on PostgreSQL and recorded
 *    as one `(step, level)` row in the same transaction: each level fires exactly once across processes.
 */
import { commandIn } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import { consumeEvents } from '../../core/consumers.js';
import { isEvent } from '../../core/events.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { defineJob, type Fired } from '../../jobs/job.js';
import { resolveRecipients } from '../sla/recipients.js';
import { envelopeBreach, type Envelope } from './facts.js';
import { emitApprovalEvent, notifyApprover, notifyRequester, today, trail } from './flow.js';
import * as repo from './repo.js';
import { flowCtx } from './service.js';
import { recomputeStepsOnCalendarChange } from './calendar-change.js';

export const APPROVALS_CONSUMER = 'approvals';

type JobDeps = Pick<Deps, 'db' | 'dialect' | 'clock' | 'config'>;

/** Invalidates approvals whose envelope a deal edit left; returns how many events were processed. */
export async function processDealEdits(deps: JobDeps): Promise<number> {
  return consumeEvents(
    deps.db,
    deps.clock,
    APPROVALS_CONSUMER,
    async (trx, event) => {
      if (!isEvent(event, 'deal.updated')) return;
      const { changed, after } = event.payload;
      if (!changed.includes('amountFen') && !changed.includes('custom')) return;
      const open = await repo.requestsOfSubject(trx, 'deal', event.entityId, ['pending', 'approved']);
      if (open.length === 0) return;
      const deal = await repo.findDealForApproval(trx, event.entityId);
      if (!deal) return;
      // The values the edit produced (the event's `after`), over what the deal has now for the rest.
      const custom = changed.includes('custom') ? (after.custom as Record<string, unknown>) : parseJson<Record<string, unknown>>(deal.custom, {});
      const amountFen = changed.includes('amountFen') ? Number(after.amountFen) : Number(deal.amount_fen);
      const values = { amountFen, paymentTerms: typeof custom?.paymentTerms === 'string' ? custom.paymentTerms : null };
      const ctx = await flowCtx(deps, trx);
      const now = deps.clock.now().toISOString();
      for (const request of open) {
        // Expiry is not an edit: the gate refuses an expired quote when the deal tries to move.
        const breach = envelopeBreach(parseJson<Envelope>(request.envelope, {} as Envelope), values, '0000-00-00');
        if (!breach) continue;
        if (!(await repo.lockRequest(trx, request.id, request.status, now))) continue;
        await repo.cancelOpenSteps(trx, request.id, now);
        await repo.updateRequest(trx, request.id, { status: 'draft', current_step: -1, decided_at: null, invalid_reason: toJson(breach), updated_at: now });
        await trail(ctx, { request_id: request.id, step_idx: null, action: 'invalidated', actor_id: event.actorId, on_behalf_of: null, comment: breach.message, detail: { ...breach, event: event.id } });
        await commandIn(trx, deps.clock, { entity: 'approval', actorId: event.actorId }).recorded(request.id, 'invalidate', { before: { status: request.status }, after: { status: 'draft', reason: breach } });
        await emitApprovalEvent(ctx, 'approval.invalidated', request, event.actorId, { kind: request.kind, subjectType: request.subject_type, subjectId: request.subject_id, ownerId: request.owner_id, field: breach.field, reason: breach.message });
        await notifyRequester(ctx, request, 'invalidated', breach.message);
      }
    },
    { types: ['deal.updated'] },
  );
}

const ABOVE: Record<string, string> = { seller: 'owner.lead', lead: 'owner.regional_manager', regional_manager: 'owner.director' };

/** The approver's manager: one step up the team tree from their role; the admins when there is nobody above. */
async function managersOf(db: Queryable, approverId: string): Promise<string[]> {
  const [user] = await repo.usersByIds(db, [approverId]);
  if (!user) return [];
  let ids = await resolveRecipients(db, { id: user.id, teamPath: user.team_path }, [ABOVE[user.role] ?? 'owner.director']);
  if (ids.length === 0) ids = await resolveRecipients(db, null, ['role:admin']);
  return ids.filter((id) => id !== approverId);
}

/** Fires the reminder / escalation levels due as of the clock; returns what fired (empty = idle). */
export async function fireDueSteps(deps: JobDeps, limit = 100): Promise<Fired[]> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const due = await repo.claimDueSteps(trx, deps.dialect, now, limit);
    if (due.length === 0) return [];
    const ctx = await flowCtx(deps, trx);
    const fired: Fired[] = [];
    for (const step of due) {
      const level = step.sla_level + 1;
      const at = (level === 1 ? step.remind_at : step.due_at) ?? now;
      await repo.updateStep(trx, step.id, { sla_level: level, next_due_at: level === 1 ? step.due_at : null });
      if (!(await repo.recordFiring(trx, step.id, level, now))) continue;
      const request = await repo.findRequest(trx, step.request_id);
      if (!request || request.status !== 'pending' || !(await repo.lockRequest(trx, request.id, 'pending', now))) continue;
      const pending = (await repo.assigneesOf(trx, [request.id])).filter((a) => a.step_id === step.id && a.status === 'pending');
      const recipients: string[] = [];
      if (level === 1) {
        const delegations = await repo.activeDelegationsFrom(trx, pending.map((a) => a.approver_id), today(ctx));
        for (const a of pending) {
          await notifyApprover(ctx, request, step, a.approver_id, 'reminder');
          recipients.push(a.approver_id);
          for (const d of delegations.filter((x) => x.owner_id === a.approver_id)) {
            await notifyApprover(ctx, request, step, d.to_user_id, 'reminder', a.approver_id);
            recipients.push(d.to_user_id);
          }
        }
      } else {
        for (const a of pending) {
          for (const manager of await managersOf(trx, a.approver_id)) {
            if (recipients.includes(manager)) continue;
            await notifyApprover(ctx, request, step, manager, 'escalated', a.approver_id);
            recipients.push(manager);
          }
        }
      }
      await trail(ctx, { request_id: request.id, step_idx: step.idx, action: level === 1 ? 'reminded' : 'escalated', actor_id: null, on_behalf_of: null, comment: null, detail: { dueAt: at, recipients } });
      fired.push({ kind: level === 1 ? 'approval.reminder' : 'approval.escalation', at, subject: { type: 'approval', id: request.id }, step: step.name, recipients });
    }
    return fired;
  });
}

export const approvalsJob = defineJob({
  name: 'approvals',
  idleIntervalMs: 1000,
  replayInBatches: true,
  pass: async (deps) => {
    const edits = await processDealEdits(deps);
    const moved = await recomputeStepsOnCalendarChange(deps);
    const fired = await fireDueSteps(deps);
    return { did: edits + moved + fired.length, fired };
  },
  nextDue: (deps) => repo.earliestStepDue(deps.db, deps.clock.now().toISOString()),
});
