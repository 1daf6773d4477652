/**
 * Merging two records of one customer: everything hanging off the merged one (contacts, deals, activities, tasks,
 * attachments, appointments) moves to the survivor, blank survivor fields are filled from the merged record, and the
 * merged record is soft-deleted. Record owners of moved deals/tasks/activities are kept: who did the work does not
 * change. Call inside one transaction; audited on both customers.
 */
import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { emitEvent } from '../../core/events.js';
import { recordAudit } from '../audit/repo.js';

const FILLABLE = ['phone', 'phone_normalized', 'region', 'industry', 'source', 'level', 'credit_code'] as const;

export async function mergeCustomers(trx: Queryable, clock: Clock, actorId: string, survivorId: string, mergedId: string) {
  const now = clock.now().toISOString();
  const survivor = await trx.selectFrom('customers').selectAll().where('id', '=', survivorId).executeTakeFirstOrThrow();
  const merged = await trx.selectFrom('customers').selectAll().where('id', '=', mergedId).executeTakeFirstOrThrow();

  const ids = async (table: 'contacts' | 'deals' | 'activities' | 'tasks') =>
    (await trx.selectFrom(table).select('id').where('customer_id', '=', mergedId).execute()).map((r) => r.id);
  const moved = {
    contacts: await ids('contacts'),
    deals: await ids('deals'),
    activities: await ids('activities'),
    tasks: await ids('tasks'),
    attachments: (await trx.selectFrom('attachments').select('id').where('entity', '=', 'customer').where('entity_id', '=', mergedId).execute()).map((r) => r.id),
    appointments: (await trx.selectFrom('appointments').select('id').where('customer_id', '=', mergedId).execute()).map((r) => r.id),
  };
  await trx.updateTable('contacts').set({ customer_id: survivorId, updated_at: now }).where('customer_id', '=', mergedId).execute();
  await trx.updateTable('deals').set({ customer_id: survivorId, updated_at: now }).where('customer_id', '=', mergedId).execute();
  await trx.updateTable('activities').set({ customer_id: survivorId }).where('customer_id', '=', mergedId).execute();
  await trx.updateTable('tasks').set({ customer_id: survivorId, updated_at: now }).where('customer_id', '=', mergedId).execute();
  await trx.updateTable('attachments').set({ entity_id: survivorId }).where('entity', '=', 'customer').where('entity_id', '=', mergedId).execute();
  await trx.updateTable('appointments').set({ customer_id: survivorId }).where('customer_id', '=', mergedId).execute();
  await trx.deleteFrom('customer_pool').where('customer_id', '=', mergedId).execute();

  const fill: Record<string, string> = {};
  for (const column of FILLABLE) {
    const value = merged[column];
    if (survivor[column] == null && value != null) fill[column] = value;
  }
  await trx.updateTable('customers').set({ ...fill, updated_at: now }).where('id', '=', survivorId).execute();
  await trx.updateTable('customers').set({ deleted_at: now, updated_at: now }).where('id', '=', mergedId).execute();

  await recordAudit(trx, clock, {
    entity: 'customer',
    entityId: survivorId,
    action: 'merge',
    actorId,
    before: Object.fromEntries(Object.keys(fill).map((k) => [k, null])),
    after: { mergedFrom: { id: mergedId, name: merged.name, ownerId: merged.owner_id }, filled: fill, moved },
  });
  await recordAudit(trx, clock, {
    entity: 'customer',
    entityId: mergedId,
    action: 'merge',
    actorId,
    before: { name: merged.name, ownerId: merged.owner_id },
    after: { mergedInto: survivorId, deleted: true },
  });
  for (const dealId of moved.deals) {
    await recordAudit(trx, clock, { entity: 'deal', entityId: dealId, action: 'merge', actorId, before: { customerId: mergedId }, after: { customerId: survivorId } });
  }
  await emitEvent(trx, clock, {
    type: 'customer.updated',
    entity: 'customer',
    entityId: survivorId,
    actorId,
    payload: { changed: ['merged', ...Object.keys(fill)], ownerId: survivor.owner_id, previousOwnerId: survivor.owner_id, mergedFrom: mergedId },
  });
  await emitEvent(trx, clock, { type: 'customer.deleted', entity: 'customer', entityId: mergedId, actorId, payload: { ownerId: merged.owner_id, mergedInto: survivorId } });
  return { survivorId, mergedId, moved: Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length])) as Record<keyof typeof moved, number> };
}
