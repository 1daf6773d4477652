/**
 * Delegation (委托审批): an approver lets someone decide in their name between two dates (inclusive, org time zone).
 * Resolved when read, never copied onto items: while the range runs the delegate sees and decides the approver's
 * pending items ("E 代 D 审批"); when it ends (or is revoked) whatever is still pending is simply the approver's
 * again. Escalations still go to the original approver's manager (sla.ts resolves relative to the approver).
 */
import { commandIn } from '../../core/command.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { can, type Actor } from '../../core/policy.js';
import * as repo from './repo.js';
import type { ApprovalDeps } from './service.js';
import type { DelegationInput } from './schema.js';

async function present(deps: ApprovalDeps, rows: repo.DelegationRow[]) {
  const users = new Map((await repo.usersByIds(deps.db, rows.flatMap((r) => [r.owner_id, r.to_user_id]))).map((u) => [u.id, { id: u.id, name: u.display_name }]));
  const ref = (id: string) => users.get(id) ?? { id, name: id };
  return rows.map((r) => ({ id: r.id, from: ref(r.owner_id), to: ref(r.to_user_id), startsOn: r.starts_on, endsOn: r.ends_on, note: r.note, revokedAt: r.revoked_at, createdAt: r.created_at }));
}

export async function listDelegations(deps: ApprovalDeps, actor: Actor) {
  return { items: await present(deps, await repo.delegationsOf(deps.db, actor.id)) };
}

export async function createDelegation(deps: ApprovalDeps, actor: Actor, input: DelegationInput) {
  if (input.toUserId === actor.id) throw new AppError('VALIDATION_FAILED', 'delegation_self', { fields: [{ field: 'toUserId', code: 'invalid' }] });
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const [to] = await repo.usersByIds(trx, [input.toUserId]);
    if (!to || to.active !== 1) throw invalid('toUserId', 'not_found_user');
    const overlap = await repo.overlappingDelegations(trx, actor.id, input.startsOn, input.endsOn);
    if (overlap.length) throw new AppError('CONFLICT', 'delegation_overlaps', { params: { from: overlap[0].starts_on, to: overlap[0].ends_on } });
    const row = { id, owner_id: actor.id, team_path: actor.teamPath, to_user_id: to.id, starts_on: input.startsOn, ends_on: input.endsOn, note: input.note?.trim() || null, revoked_at: null, created_at: deps.clock.now().toISOString() };
    await repo.insertDelegation(trx, row);
    await commandIn(trx, deps.clock, { entity: 'approval_delegation', actorId: actor.id }).recorded(id, 'create', { after: row });
  });
  const [row] = await present(deps, [(await repo.findDelegation(deps.db, id))!]);
  return row;
}

export async function revokeDelegation(deps: ApprovalDeps, actor: Actor, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findDelegation(trx, id);
    if (!row || (row.owner_id !== actor.id && !can(actor, 'approval.manageRoutes'))) throw notFound('Delegation');
    if (row.revoked_at) return;
    const now = deps.clock.now().toISOString();
    await repo.revokeDelegation(trx, id, now);
    await commandIn(trx, deps.clock, { entity: 'approval_delegation', actorId: actor.id }).recorded(id, 'revoke', { before: { revokedAt: null }, after: { revokedAt: now } });
  });
  const [row] = await present(deps, [(await repo.findDelegation(deps.db, id))!]);
  return row;
}
