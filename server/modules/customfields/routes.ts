import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { customFieldBody, customFieldListQuery } from './schema.js';
import { createCustomField, deleteCustomField, listCustomFields } from './service.js';

export async function customFieldRoutes(app: App, deps: Deps) {
  const { db, clock } = deps;

  app.get(
    '/api/custom-fields',
    { schema: { tags: ['custom fields'], summary: 'Custom field definitions of one object (customer, deal, activity)', querystring: customFieldListQuery } },
    async (req) => {
      actorOf(req);
      const items = await listCustomFields(db, req.query.entity);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/custom-fields',
    { schema: { tags: ['custom fields'], summary: 'Define a custom field (admin)', body: customFieldBody } },
    async (req, reply) => {
      const actor = actorOf(req);
      const created = await createCustomField(db, clock, actor, req.body);
      reply.code(201);
      return created;
    },
  );

  app.delete(
    '/api/custom-fields/:id',
    { schema: { tags: ['custom fields'], summary: 'Remove a custom field definition (admin); stored values are kept but ignored', params: idParams } },
    async (req) => {
      const actor = actorOf(req);
      await deleteCustomField(db, clock, actor, req.params.id);
      return { ok: true };
    },
  );
}
