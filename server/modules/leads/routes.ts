import { z } from 'zod';
import { actorOf, idParams, langOf, listQuery, type App, type Deps } from '../../core/http.js';
import { listConflicts, requestTransfer, resolveConflict } from './conflicts.js';
import { handover } from './handover.js';
import { claim, listPool, poolLog } from './pool.js';
import {
  assignmentListQuery,
  assignmentSettings,
  conflictListQuery,
  customerIdParams,
  emptyBody,
  handoverBody,
  leadBody,
  leadImportBody,
  poolListQuery,
  poolSettings,
  resolveBody,
  transferRequestBody,
} from './schema.js';
import * as service from './service.js';
import { responses } from '../../core/contract.js';
import { customerDetailSchema } from '../customers/presenter.js';
import { assignmentPage, assignmentSettingsOut, claimSchema, poolLogPage, conflictPage, conflictSchema, poolPage, resolvedConflictSchema, handoverSchema, leadImportSchema, leadSettingsSchema, poolSettingsOut } from './presenter.js';

export async function leadRoutes(app: App, deps: Deps) {
  const { db, clock, config } = deps;
  const tags = ['leads'];

  app.get('/api/lead-assignment', { schema: { tags, summary: 'Lead assignment rules (线索分配规则) and pool settings (managers)', response: responses({ 200: leadSettingsSchema }, [403]) } }, async (req) =>
    service.getSettings(db, actorOf(req)),
  );
  app.put(
    '/api/lead-assignment',
    { config: { ability: 'lead.configure' }, schema: { tags, summary: 'Replace the lead assignment rules: by region/industry/source to a team, round robin or least open load (admin)', body: assignmentSettings, response: responses({ 200: assignmentSettingsOut }, [400, 403]) } },
    async (req) => service.putAssignment(db, clock, actorOf(req), req.body),
  );
  app.get(
    '/api/lead-assignments',
    { schema: { tags, summary: 'Assignment history: every owner change made by rules, transfers, claims and hand-overs', querystring: assignmentListQuery, response: responses({ 200: assignmentPage }, [400, 403]) } },
    async (req) => service.listAssignments(db, actorOf(req), req.query),
  );
  app.post('/api/leads', { schema: { tags, summary: 'Create a lead (a customer with a source); the owner comes from the assignment rules unless ownerId is given', body: leadBody, response: responses({ 201: customerDetailSchema }, [400, 403, 409]) } }, async (req, reply) => {
    const created = await service.createLead(db, clock, actorOf(req), req.body);
    reply.code(201);
    return created;
  });
  app.post(
    '/api/leads/import',
    { schema: { tags, summary: 'Import leads: each row is created, reported as a duplicate (with its owner) or as an error', body: leadImportBody, response: responses({ 200: leadImportSchema }, [400]) } },
    async (req) => service.importLeads(db, clock, actorOf(req), req.body.items, langOf(req)),
  );

  app.post(
    '/api/customers/:id/transfer-requests',
    { schema: { tags, summary: 'Ask for a customer owned by someone else (after a DUPLICATE_CUSTOMER answer); opens an ownership conflict', params: idParams, body: transferRequestBody, response: responses({ 201: conflictSchema }, [400, 404, 409]) } },
    async (req, reply) => {
      const created = await requestTransfer(db, clock, actorOf(req), req.params.id, req.body);
      reply.code(201);
      return created;
    },
  );
  app.get(
    '/api/ownership-conflicts',
    { schema: { tags, summary: 'Ownership conflict queue (归属冲突): visible to managers of either party and to the two sellers', querystring: conflictListQuery, response: responses({ 200: conflictPage }, [400]) } },
    async (req) => listConflicts(db, actorOf(req), req.query),
  );
  app.post(
    '/api/ownership-conflicts/:id/resolve',
    { config: { ability: 'conflict.resolve' }, schema: { tags, summary: 'Resolve a conflict: keep with the owner, transfer to the requester, or merge the two records (mergeInto = survivor)', params: idParams, body: resolveBody, response: responses({ 200: resolvedConflictSchema }, [400, 403, 404, 422]) } },
    async (req) => resolveConflict(db, clock, actorOf(req), req.params.id, req.body),
  );

  app.get('/api/pool', { schema: { tags, summary: 'The customer pool (公海) of my team subtree, with my claim limits', querystring: poolListQuery, response: responses({ 200: poolPage }, [400]) } }, async (req) =>
    listPool(db, clock, config.timeZone, actorOf(req), req.query),
  );
  app.post(
    '/api/pool/:customerId/claim',
    { schema: { tags, summary: 'Claim a customer from the pool (422 POOL_DAILY_LIMIT / POOL_HOLD_LIMIT over the limits, 409 POOL_NOT_AVAILABLE if taken)', params: customerIdParams, response: responses({ 200: claimSchema }, [400, 404, 409, 422]) } },
    async (req) => claim(db, clock, config.timeZone, actorOf(req), req.params.customerId),
  );
  app.get(
    '/api/pool/log',
    { schema: { tags, summary: 'Every return to and claim from the pool in my team subtree (sellers: their own)', querystring: listQuery.extend({ customerId: z.string().min(1).max(64).optional() }), response: responses({ 200: poolLogPage }, [400]) } },
    async (req) => poolLog(db, actorOf(req), req.query.customerId, req.query),
  );
  app.get('/api/pool/settings', { schema: { tags, summary: 'Pool settings: days per customer level, claim limits, sweep schedule', response: responses({ 200: poolSettingsOut }) } }, async (req) => {
    actorOf(req);
    return service.getPoolSettings(db);
  });
  app.put('/api/pool/settings', { config: { ability: 'pool.configure' }, schema: { tags, summary: 'Change the pool settings (admin)', body: poolSettings, response: responses({ 200: poolSettingsOut }, [400, 403]) } }, async (req) =>
    service.putPool(db, clock, actorOf(req), req.body, config.timeZone),
  );
  app.post('/api/pool/sweep', { config: { ability: 'pool.sweep' }, schema: { tags, summary: 'Run the pool sweep now instead of waiting for its schedule (admin)', body: emptyBody, response: responses({ 200: z.object({ returned: z.number().int() }) }, [400, 403]) } }, async (req) =>
    service.sweepPoolNow(db, deps.dialect, clock, actorOf(req)),
  );

  app.post(
    '/api/users/:id/handover',
    { config: { ability: 'customer.handover' }, schema: { tags, summary: 'Hand all of a user’s customers, open deals and open tasks to one or several colleagues; optionally deactivate them', params: idParams, body: handoverBody, response: responses({ 200: handoverSchema }, [400, 403, 404]) } },
    async (req) => handover(db, clock, actorOf(req), req.params.id, req.body),
  );
}
