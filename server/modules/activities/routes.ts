import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { activityBody, activityListQuery } from './schema.js';
import * as service from './service.js';
import { countedPageOf, responses } from '../../core/contract.js';
import { activitySchema, loggedActivitySchema } from './presenter.js';

export async function activityRoutes(app: App, deps: Deps) {
  const tags = ['activities'];

  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Activities in my scope, newest first; filters customerId, dealId, ownerId, type, from/to (occurredAt, to exclusive)',
        querystring: activityListQuery,
        response: responses({ 200: countedPageOf(activitySchema) }, [400]),
      },
    },
    async (req) => service.listActivities(deps, actorOf(req), req.query),
  );

  app.post(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Log an activity (quick-log needs customerId, summary and optionally nextAction + nextActionAt, which creates a task)',
        body: activityBody,
        response: responses({ 201: loggedActivitySchema }, [400, 404, 422]),
      },
    },
    async (req, reply) => {
      const created = await service.logActivity(deps, actorOf(req), req.body);
      reply.code(201);
      return created;
    },
  );

  app.get('/api/activities/:id', { schema: { tags, summary: 'One activity', params: idParams, response: responses({ 200: activitySchema }, [400, 404]) } }, async (req) =>
    service.getActivityInScope(deps.db, actorOf(req), req.params.id),
  );
}
