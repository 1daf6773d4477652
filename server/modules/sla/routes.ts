import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { interventionsQuery, resolveBody, slaStateQuery, slaStateResponse } from './schema.js';
import { listInterventions, resolveIntervention, slaStateInScope } from './service.js';
import { responses } from '../../core/contract.js';
import { interventionPageSchema, resolvedInterventionSchema } from './presenter.js';

export async function slaRoutes(app: App, deps: Deps) {
  const tags = ['sla'];

  app.get(
    '/api/sla/state',
    {
      schema: {
        tags,
        summary: 'SLA state 时效状态 (on_time / yellow / red, next deadline, level reached) of deals or tasks in my scope',
        querystring: slaStateQuery,
        response: responses({ 200: slaStateResponse }, [400]),
      },
    },
    async (req) => slaStateInScope(deps.db, actorOf(req), req.query.subject, req.query.ids),
  );

  app.get(
    '/api/sla/interventions',
    { schema: { tags, summary: 'Needs my intervention 待我介入: what escalated to me, open first', querystring: interventionsQuery, response: responses({ 200: interventionPageSchema }, [400]) } },
    async (req) => listInterventions(deps.db, actorOf(req), req.query),
  );

  app.post(
    '/api/sla/interventions/:id/resolve',
    { schema: { tags, summary: 'Mark an intervention done with a note of what was done', params: idParams, body: resolveBody, response: responses({ 200: resolvedInterventionSchema }, [400, 404, 422]) } },
    async (req) => resolveIntervention(deps.db, deps.clock, actorOf(req), req.params.id, req.body.note),
  );
}
