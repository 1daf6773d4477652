import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { customFieldBody, customFieldListQuery } from './schema.js';
import { createCustomField, deleteCustomField, listCustomFields } from './service.js';
import { okSchema, pageOf, responses } from '../../core/contract.js';
import { customFieldSchema } from './presenter.js';

export async function customFieldRoutes(app: App, deps: Deps) {
  const { db, clock } = deps;

  app.get(
    '/api/custom-fields',
    { schema: { tags: ['custom fields'], summary: 'Custom field definitions of one object (customer, deal, activity)', querystring: customFieldListQuery, response: responses({ 200: pageOf(customFieldSchema) }, [400]) } },
    async (req) => {
      actorOf(req);
      const items = await listCustomFields(db, req.query.entity);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/custom-fields',
    { config: { ability: 'customfield.manage' }, schema: { tags: ['custom fields'], summary: 'Define a custom field (admin)', body: customFieldBody, response: responses({ 201: customFieldSchema }, [400, 403, 409]) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const created = await createCustomField(db, clock, actor, req.body);
      reply.code(201);
      return created;
    },
  );

  app.delete(
    '/api/custom-fields/:id',
    { config: { ability: 'customfield.manage' }, schema: { tags: ['custom fields'], summary: 'Remove a custom field definition (admin); stored values are kept but ignored', params: idParams, response: responses({ 200: okSchema }, [400, 403, 404]) } },
    async (req) => {
      const actor = actorOf(req);
      await deleteCustomField(db, clock, actor, req.params.id);
      return { ok: true as const };
    },
  );
}
