/** Reading the audit trail: the reader's scope applies to the record the trail belongs to. */
import { notFound } from '../../core/errors.js';
import { authorize, can, inScope, scopeOf, type Actor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { listAudit } from './repo.js';

/** The owning record's owner and team path, to apply the reader's scope to its audit trail. */
async function scopedOwner(db: Queryable, entity: string, id: string): Promise<{ ownerId: string; teamPath: string } | null | 'unscoped'> {
  switch (entity) {
    case 'customer':
    case 'deal':
    case 'activity': {
      const table = entity === 'customer' ? 'customers' : entity === 'deal' ? 'deals' : 'activities';
      const row = await db.selectFrom(table).select(['owner_id', 'team_path']).where('id', '=', id).executeTakeFirst();
      return row ? { ownerId: row.owner_id, teamPath: row.team_path } : null;
    }
    case 'task': {
      const row = await db.selectFrom('tasks').select(['assignee_id', 'team_path']).where('id', '=', id).executeTakeFirst();
      return row ? { ownerId: row.assignee_id, teamPath: row.team_path } : null;
    }
    case 'contact': {
      const row = await db
        .selectFrom('contacts')
        .innerJoin('customers', 'customers.id', 'contacts.customer_id')
        .select(['customers.owner_id', 'customers.team_path'])
        .where('contacts.id', '=', id)
        .executeTakeFirst();
      return row ? { ownerId: row.owner_id, teamPath: row.team_path } : null;
    }
    default:
      return 'unscoped';
  }
}

async function assertCanReadAudit(db: Queryable, actor: Actor, entity: string, id: string) {
  const owner = await scopedOwner(db, entity, id);
  if (owner === 'unscoped') {
    authorize(actor, 'audit.readUnscoped');
    return;
  }
  // Deleted records keep their audit trail; only admins and directors may read those.
  if (owner === null) {
    if (can(actor, 'audit.readUnscoped')) return;
    throw notFound('Record');
  }
  if (!inScope(scopeOf(actor), owner)) throw notFound('Record');
}

/** The trail of one record, newest first; hidden fields are removed on the way out (core/redact.ts). */
export async function readAuditTrail(db: Queryable, actor: Actor, entity: string, id: string) {
  await assertCanReadAudit(db, actor, entity, id);
  const items = await listAudit(db, entity, id);
  return { items, total: items.length };
}
