import { z } from 'zod';
import { actorOf, type App, type Deps } from '../../core/http.js';
import { AUDITED_KINDS } from '../../core/entities.js';
import { pageOf, responses } from '../../core/contract.js';
import { auditEntrySchema } from './presenter.js';
import { readAuditTrail } from './service.js';

// Every audited kind of the record registry is readable; the registry says how each is scoped.
const auditQuery = z.object({
  entity: z.enum(AUDITED_KINDS),
  id: z.string().min(1).max(64),
});

export async function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Audit trail of one record (read-only; there is no write endpoint)', querystring: auditQuery, response: responses({ 200: pageOf(auditEntrySchema) }, [400, 403, 404]) } },
    async (req) => {
      return readAuditTrail(deps.db, actorOf(req), req.query.entity, req.query.id);
    },
  );
}
