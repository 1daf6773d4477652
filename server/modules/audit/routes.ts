import { z } from 'zod';
import { actorOf, requireRole, type App, type Deps } from '../../core/http.js';
import { notFound } from '../../core/errors.js';
import { AUDITED_KINDS } from '../../core/entities.js';
import type { Queryable } from '../../db/index.js';
import { placeOf } from '../org/record-scope.js';
import { inScope, scopeOf, type Actor } from '../org/scope.js';
import { listAudit } from './repo.js';
import { pageOf, responses } from '../../core/contract.js';
import { auditEntrySchema } from './presenter.js';

// Every audited kind of the record registry is readable; the registry says how each is scoped.
const auditQuery = z.object({
  entity: z.enum(AUDITED_KINDS),
  id: z.string().min(1).max(64),
});

async function assertCanReadAudit(db: Queryable, actor: Actor, entity: string, id: string) {
  const place = await placeOf(db, entity, id);
  if (place === 'config') {
    requireRole(actor, ['admin', 'director']);
    return;
  }
  // Deleted records keep their audit trail; only admins and directors may read those.
  if (place === null) {
    if (actor.role === 'admin' || actor.role === 'director') return;
    throw notFound('Record');
  }
  if (!inScope(scopeOf(actor), place)) throw notFound('Record');
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
