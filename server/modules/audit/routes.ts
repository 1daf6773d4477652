import { z } from 'zod';
import { actorOf, requireRole, type App, type Deps } from '../../core/http.js';
import { notFound } from '../../core/errors.js';
import type { Queryable } from '../../db/index.js';
import { inScope, scopeOf, type Actor } from '../org/scope.js';
import { listAudit } from './repo.js';
import { pageOf, responses } from '../../core/contract.js';
import { auditEntrySchema } from './presenter.js';

const auditQuery = z.object({
  entity: z.enum(['customer', 'contact', 'deal', 'activity', 'task', 'attachment', 'pipeline', 'user', 'team', 'custom_field']),
  id: z.string().min(1).max(64),
});

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
    requireRole(actor, ['admin', 'director']);
    return;
  }
  // Deleted records keep their audit trail; only admins and directors may read those.
  if (owner === null) {
    if (actor.role === 'admin' || actor.role === 'director') return;
    throw notFound('Record');
  }
  if (!inScope(scopeOf(actor), owner)) throw notFound('Record');
}

export async function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Audit trail of one record (read-only; there is no write endpoint)', querystring: auditQuery, response: responses({ 200: pageOf(auditEntrySchema) }, [400, 403, 404]) } },
    async (req) => {
      const actor = actorOf(req);
      await assertCanReadAudit(deps.db, actor, req.query.entity, req.query.id);
      const items = await listAudit(deps.db, req.query.entity, req.query.id);
      return { items, total: items.length };
    },
  );
}
