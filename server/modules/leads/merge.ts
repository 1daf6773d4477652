/**
 * Merging two records of one customer: everything hanging off the merged one moves to the survivor, blank survivor
 * fields are filled from the merged record, and the merged record is soft-deleted. Record owners of moved
 * deals/tasks/activities are kept: who did the work does not change. Call inside one transaction; audited on both
 * customers.
 *
 * What a merge does to each table with a `customer_id` column is the record registry's `merge` decision
 * (core/entities.ts), so adding such a table without deciding does not compile; `custom` policies are the handlers
 * below, whose map is typed from the registry too. tests/api/leads.test.ts checks the live database catalog.
 */
import { commandIn } from '../../core/command.js';
import type { Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { CUSTOMER_REFERENCES as MERGE_POLICIES, type CustomMergeTable, type CustomerReferenceTable } from '../../core/entities.js';
import { changeCustomer, removeCustomerRecord, type CustomerChange } from '../customers/write.js';

const FILLABLE = ['phone', 'phone_normalized', 'region', 'industry', 'source', 'level', 'credit_code'] as const;

export type CustomerTable = CustomerReferenceTable;

interface MergeStep {
  trx: Queryable;
  survivorId: string;
  mergedId: string;
  now: string;
}
/** Returns the ids of the rows it moved (tables keyed by customer report the customer id). */
type Handler = (step: MergeStep) => Promise<string[]>;

// Kysely cannot type a query over a union of tables; each handler is only ever given a table with customer_id.
type AnyTable = 'contacts';

/** Re-points every row; `touch` also bumps updated_at for tables that keep one. */
const move =
  (table: CustomerTable, touch: boolean): Handler =>
  async ({ trx, survivorId, mergedId, now }) => {
    const t = table as AnyTable;
    const rows = await trx.selectFrom(t).select('id').where('customer_id', '=', mergedId).execute();
    if (rows.length) await trx.updateTable(t).set(touch ? { customer_id: survivorId, updated_at: now } : { customer_id: survivorId }).where('customer_id', '=', mergedId).execute();
    return rows.map((r) => r.id);
  };

/** The tables whose merge policy in the registry is `custom`. */
const CUSTOM: Record<CustomMergeTable, Handler> = {
  // An opt-out is the person's wish and survives the merge; one row per customer, so an existing one is kept.
  customer_opt_outs: async ({ trx, survivorId, mergedId }) => {
    const merged = await trx.selectFrom('customer_opt_outs').select('customer_id').where('customer_id', '=', mergedId).executeTakeFirst();
    if (!merged) return [];
    const kept = await trx.selectFrom('customer_opt_outs').select('customer_id').where('customer_id', '=', survivorId).executeTakeFirst();
    if (kept) await trx.deleteFrom('customer_opt_outs').where('customer_id', '=', mergedId).execute();
    else await trx.updateTable('customer_opt_outs').set({ customer_id: survivorId }).where('customer_id', '=', mergedId).execute();
    return kept ? [] : [survivorId];
  },
  // The latest-score projection of the merged record goes; the survivor's next computation rewrites its own.
  customer_health: async ({ trx, mergedId }) => {
    await trx.deleteFrom('customer_health').where('customer_id', '=', mergedId).execute();
    return [];
  },
  // The merged record no longer exists, so it leaves the pool; the survivor keeps its own pool state.
  customer_pool: async ({ trx, mergedId }) => {
    await trx.deleteFrom('customer_pool').where('customer_id', '=', mergedId).execute();
    return [];
  },
  // Other open requests about the merged record now concern the survivor. The request naming both records (the one
  // this merge resolves) and resolved ones stay as written: they record what was decided about which record.
  ownership_conflicts: async ({ trx, survivorId, mergedId }) => {
    const open = await trx
      .selectFrom('ownership_conflicts')
      .select(['id', 'customer_id', 'duplicate_id'])
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('customer_id', '=', mergedId), eb('duplicate_id', '=', mergedId)]))
      .execute();
    const moved: string[] = [];
    for (const c of open) {
      const pair = new Set([c.customer_id, c.duplicate_id]);
      if (pair.has(survivorId)) continue;
      const set = {
        customer_id: c.customer_id === mergedId ? survivorId : c.customer_id,
        duplicate_id: c.duplicate_id === mergedId ? survivorId : c.duplicate_id,
      };
      await trx.updateTable('ownership_conflicts').set(set).where('id', '=', c.id).execute();
      moved.push(c.id);
    }
    return moved;
  },
};

export const CUSTOMER_REFERENCES = Object.fromEntries(
  (Object.entries(MERGE_POLICIES) as Array<[CustomerTable, (typeof MERGE_POLICIES)[CustomerTable]]>).map(([table, policy]) => [
    table,
    policy === 'custom' ? CUSTOM[table as CustomMergeTable] : move(table, policy === 'move_touch'),
  ]),
) as Record<CustomerTable, Handler>;

/** The survivor's empty fields the merged customer fills (phone_normalized follows phone in the write path). */
function fillChange(fill: Record<string, string>): CustomerChange {
  return {
    ...(fill.phone !== undefined ? { phone: fill.phone } : {}),
    ...(fill.region !== undefined ? { region: fill.region } : {}),
    ...(fill.industry !== undefined ? { industry: fill.industry } : {}),
    ...(fill.source !== undefined ? { source: fill.source } : {}),
    ...(fill.level !== undefined ? { level: fill.level } : {}),
    ...(fill.credit_code !== undefined ? { creditCode: fill.credit_code } : {}),
  };
}

export async function mergeCustomers(trx: Queryable, clock: Clock, actorId: string, survivorId: string, mergedId: string) {
  const now = clock.now().toISOString();
  const survivor = await trx.selectFrom('customers').selectAll().where('id', '=', survivorId).executeTakeFirstOrThrow();
  const merged = await trx.selectFrom('customers').selectAll().where('id', '=', mergedId).executeTakeFirstOrThrow();

  const moved: Record<string, string[]> = {};
  const step = { trx, survivorId, mergedId, now };
  for (const [table, handler] of Object.entries(CUSTOMER_REFERENCES)) moved[table] = await handler(step);
  // Attachments point at their record through (entity, entity_id), not customer_id.
  moved.attachments = (await trx.selectFrom('attachments').select('id').where('entity', '=', 'customer').where('entity_id', '=', mergedId).execute()).map((r) => r.id);
  await trx.updateTable('attachments').set({ entity_id: survivorId }).where('entity', '=', 'customer').where('entity_id', '=', mergedId).execute();

  const fill: Record<string, string> = {};
  for (const column of FILLABLE) {
    const value = merged[column];
    if (survivor[column] == null && value != null) fill[column] = value;
  }
  // Survivor and merged customer change through the customers write path; the entries are the merge's own.
  await changeCustomer(trx, clock, survivorId, fillChange(fill), {
    actorId,
    action: 'merge',
    always: true,
    storedValues: true,
    mergedFrom: mergedId,
    note: { mergedFrom: { id: mergedId, name: merged.name, ownerId: merged.owner_id }, filled: fill, moved },
  });
  await removeCustomerRecord(trx, clock, mergedId, {
    actorId,
    action: 'merge',
    auditBefore: { name: merged.name, ownerId: merged.owner_id },
    note: { mergedInto: survivorId, deleted: true },
    mergedInto: survivorId,
  });
  const deals = commandIn(trx, clock, { entity: 'deal', actorId });
  for (const dealId of moved.deals) await deals.recorded(dealId, 'merge', { before: { customerId: mergedId }, after: { customerId: survivorId } });
  return { survivorId, mergedId, moved: Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length])) as Record<CustomerTable | 'attachments', number> };
}
