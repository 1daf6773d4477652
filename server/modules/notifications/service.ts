import { commandIn } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Actor } from '../org/scope.js';
import * as repo from './repo.js';
import type { InboxQuery, OutboxQuery } from './schema.js';
import { presentNotification, presentOutbox } from './presenter.js';
import { authorize, type AnyActor } from '../../core/policy.js';

export function listInbox(deps: Deps, actor: Actor, query: InboxQuery) {
  return repo.listInbox(deps.db, actor.id, query);
}

/** Someone else's notification answers 404, like any record out of scope. */
export async function markRead(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findOwnNotification(deps.db, actor.id, id);
  if (!row) throw notFound('Notification');
  if (!row.read_at) await repo.markRead(deps.db, actor.id, [id], deps.clock.now().toISOString());
  return presentNotification((await repo.findOwnNotification(deps.db, actor.id, id))!);
}

export async function markAllRead(deps: Deps, actor: Actor) {
  const updated = await repo.markRead(deps.db, actor.id, 'all', deps.clock.now().toISOString());
  return { updated, unread: 0 };
}

export function listOutbox(deps: Deps, actor: AnyActor, query: OutboxQuery) {
  authorize(actor, 'outbox.manage');
  return repo.listOutbox(deps.db, query);
}

/** The dead-letter "retry" button: back to pending, due now, with a fresh attempt budget. */
export async function retryOutbox(deps: Deps, actor: AnyActor, id: string) {
  authorize(actor, 'outbox.manage');
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findOutbox(trx, id);
    if (!row) throw notFound('Outbox message');
    if (row.status === 'sent') throw new AppError('INVALID_STATE', 'already_delivered');
    const now = deps.clock.now().toISOString();
    await trx
      .updateTable('outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_by: null, claimed_until: null })
      .where('id', '=', id)
      .execute();
    await commandIn(trx, deps.clock, { entity: 'outbox', actorId: actor.id }).recorded(id, 'retry', { before: { status: row.status, lastError: row.last_error } });
    return presentOutbox((await repo.findOutbox(trx, id))!);
  });
}
