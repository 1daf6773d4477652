import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { contactBody, contactPatch, customerBody, customerListQuery, customerPatch } from './schema.js';
import * as service from './service.js';
import { cursorPageOf, okSchema, responses } from '../../core/contract.js';
import { contactSchema, customerDetailSchema, customerSchema } from './presenter.js';

export async function customerRoutes(app: App, deps: Deps) {
  const { db, clock } = deps;
  const tags = ['customers'];

  app.get(
    '/api/customers',
    {
      schema: {
        tags,
        summary:
          'Customers in my scope: search q (name, phone, credit code, or a contact’s name or phone), filters, sort (name, createdAt, updatedAt, region; -desc), ' +
          'pages by `page` or `cursor` (`nextCursor`); `total` exact up to 1,000, above that an estimate (`totalIsEstimate`) unless `exactTotal=true`',
        querystring: customerListQuery,
        response: responses({ 200: cursorPageOf(customerSchema) }, [400]),
      },
    },
    async (req) => service.listCustomers(db, clock, actorOf(req), req.query),
  );

  app.post('/api/customers', { config: { idempotent: true }, schema: { tags, summary: 'Create a customer (company or person); owner defaults to me (or the lead assignment rules); 409 DUPLICATE_CUSTOMER names the existing owner', body: customerBody, response: responses({ 201: customerDetailSchema }, [400, 403, 409, 422]) } }, async (req, reply) => {
    const created = await service.createCustomer(db, clock, actorOf(req), req.body, { viaToken: /^Bearer /i.test(req.headers.authorization ?? '') });
    reply.code(201);
    return created;
  });

  app.get(
    '/api/customers/:id',
    { schema: { tags, summary: 'One customer with contacts, owner and counts of deals and activities', params: idParams, response: responses({ 200: customerDetailSchema }, [400, 404]) } },
    async (req) => service.getCustomerDetail(db, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/customers/:id',
    { schema: { tags, summary: 'Change a customer; a new owner moves it to the owner’s team', params: idParams, body: customerPatch, response: responses({ 200: customerDetailSchema }, [400, 403, 404, 409]) } },
    async (req) => service.updateCustomer(db, clock, actorOf(req), req.params.id, req.body),
  );

  app.delete('/api/customers/:id', { schema: { tags, summary: 'Delete a customer (soft: hidden from lists, audit kept)', params: idParams, response: responses({ 200: okSchema }, [400, 403, 404]) } }, async (req) => {
    await service.deleteCustomer(db, clock, actorOf(req), req.params.id);
    return { ok: true as const };
  });

  app.post(
    '/api/customers/:id/contacts',
    { schema: { tags, summary: 'Add a contact person to a customer', params: idParams, body: contactBody, response: responses({ 201: contactSchema }, [400, 404]) } },
    async (req, reply) => {
      const created = await service.addContact(db, clock, actorOf(req), req.params.id, req.body);
      reply.code(201);
      return created;
    },
  );

  app.patch(
    '/api/contacts/:id',
    { schema: { tags, summary: 'Change a contact', params: idParams, body: contactPatch, response: responses({ 200: contactSchema }, [400, 404]) } },
    async (req) => service.updateContact(db, clock, actorOf(req), req.params.id, req.body),
  );

  app.delete('/api/contacts/:id', { schema: { tags, summary: 'Remove a contact', params: idParams, response: responses({ 200: okSchema }, [400, 404]) } }, async (req) => {
    await service.removeContact(db, clock, actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
