import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { okSchema, pageOf, responses } from '../../core/contract.js';
import { customerAliasSchema, parsedLogSchema } from './presenter.js';
import { aliasBody, customerAliasParams, parseBody } from './schema.js';
import * as service from './service.js';

export async function quicklogRoutes(app: App, deps: Deps) {
  app.post(
    '/api/activities/parse',
    {
      schema: {
        tags: ['activities'],
        summary: 'Propose the fields of a quick-log from one sentence (customer, contact, type, summary, next action + due, deal); nothing is saved',
        body: parseBody,
        response: responses({ 200: parsedLogSchema }, [400]),
      },
    },
    async (req) => service.parseText(deps, actorOf(req), req.body),
  );

  const tags = ['customers'];
  app.get(
    '/api/customers/:id/aliases',
    { schema: { tags, summary: 'Other names of a customer ("浙一"), used by the free-text quick-log', params: idParams, response: responses({ 200: pageOf(customerAliasSchema) }, [400, 404]) } },
    async (req) => {
      const items = await service.listAliases(deps.db, actorOf(req), req.params.id);
      return { items, total: items.length };
    },
  );
  app.post(
    '/api/customers/:id/aliases',
    { config: { ability: 'quicklog.alias' }, schema: { tags, summary: 'Add an alias to a customer in my scope (admins and sellers)', params: idParams, body: aliasBody, response: responses({ 201: customerAliasSchema }, [400, 403, 404, 409]) } },
    async (req, reply) => {
      const alias = await service.addAlias(deps, actorOf(req), req.params.id, req.body);
      reply.code(201);
      return alias;
    },
  );
  app.delete(
    '/api/customers/:id/aliases/:aliasId',
    { schema: { tags, summary: 'Remove an alias of a customer in my scope', params: customerAliasParams, response: responses({ 200: okSchema }, [400, 403, 404]) } },
    async (req) => service.removeAlias(deps, actorOf(req), req.params.id, req.params.aliasId),
  );
}
