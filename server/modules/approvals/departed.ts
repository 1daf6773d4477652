/**
 * A deactivated approver must not strand a request (no request is ever left without a possible approver): each
 * undecided place they hold on an open step goes to the step's fallback, resolved for the requester as at submission.
 * Runs inside the deactivation's transaction through the `org.credentialsRevoked` hook, which also fires on a password
 * change — hence the check that the user is really inactive.
 */
import type { Clock } from '../../core/clock.js';
import { commandIn } from '../../core/command.js';
import { newId } from '../../core/ids.js';
import { parseJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { notifyApprover, trail } from './flow.js';
import * as repo from './repo.js';
import { resolveApprovers } from './routing.js';

export async function handOverDepartedApprover(trx: Queryable, clock: Clock, userId: string): Promise<void> {
  const [user] = await repo.usersByIds(trx, [userId]);
  if (!user || Number(user.active) === 1) return;
  const places = await repo.openPlacesOf(trx, userId);
  const ctx = { db: trx, clock };
  for (const place of places) {
    const request = await repo.findRequest(trx, place.request_id);
    if (!request) continue;
    const step = (await repo.stepsOf(trx, [request.id])).find((s) => s.id === place.step_id)!;
    const onStep = (await repo.assigneesOf(trx, [request.id])).filter((a) => a.step_id === step.id && a.status !== 'void');
    const [requester] = await repo.usersByIds(trx, [request.owner_id]);
    const specs = parseJson<{ specs?: string[] }>(step.fallback, {}).specs ?? [];
    // resolveApprovers answers active users only, so the departed approver is never their own replacement.
    const found = await resolveApprovers(trx, { id: request.owner_id, teamPath: requester?.team_path ?? request.team_path }, specs);
    const added = found.filter((id) => !onStep.some((a) => a.approver_id === id));
    const othersPending = onStep.some((a) => a.approver_id !== userId && a.status === 'pending');
    // With nobody new, an "any of" step that still has someone pending can do without them; otherwise the place stays
    // (the publish-time check makes every fallback resolvable, so this is the rare case of a fallback to this very user).
    if (added.length === 0 && !(step.mode === 'any' && othersPending)) continue;
    await repo.updateAssignee(trx, place.assignee_id, { status: 'void' });
    for (const approverId of added) {
      await repo.insertAssignee(trx, { id: newId(), request_id: request.id, step_id: step.id, approver_id: approverId, status: 'pending', decided_by: null, comment: null, decided_at: null });
      if (step.status === 'pending') await notifyApprover(ctx, request, step, approverId, 'assigned');
    }
    const detail = { reason: 'deactivated', from: userId, to: added, note: '审批人已停用，由本步的后备审批人接替', noteEn: 'The approver was deactivated; the step’s fallback approvers take over' };
    await trail(ctx, { request_id: request.id, step_idx: step.idx, action: 'reassigned', actor_id: null, on_behalf_of: userId, comment: null, detail });
    await commandIn(trx, clock, { entity: 'approval', actorId: null }).recorded(request.id, 'update', { before: { step: step.name, approvers: [userId] }, after: { step: step.name, approvers: added } });
  }
}
