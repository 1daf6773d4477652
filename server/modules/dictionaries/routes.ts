import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { pageOf, responses } from '../../core/contract.js';
import { dealSettingsSchema, dictionaryEntrySchema } from './presenter.js';
import { dealSettingsBody, dictionaryCreateBody, dictionaryListQuery, dictionaryPatchBody } from './schema.js';
import { createEntry, getDealSettings, listDictionary, patchEntry, putDealSettings } from './service.js';

export async function dictionaryRoutes(app: App, deps: Deps) {
  const { db, clock } = deps;
  const tags = ['dictionaries'];

  app.get(
    '/api/dictionaries',
    { schema: { tags, summary: 'Dictionary entries (lost reasons, regions, industries, sources, customer levels) for forms and filters', querystring: dictionaryListQuery, response: responses({ 200: pageOf(dictionaryEntrySchema) }, [400]) } },
    async (req) => {
      const items = await listDictionary(db, actorOf(req), req.query.kind, req.query.includeInactive);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/dictionaries',
    { config: { ability: 'dictionary.manage' }, schema: { tags, summary: 'Add a dictionary entry (admin)', body: dictionaryCreateBody, response: responses({ 201: dictionaryEntrySchema }, [400, 403, 409]) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const entry = await db.transaction().execute((trx) => createEntry(trx, clock, actor, req.body));
      reply.code(201);
      return entry;
    },
  );

  app.patch(
    '/api/dictionaries/:id',
    { config: { ability: 'dictionary.manage' }, schema: { tags, summary: 'Rename, reorder, add aliases or retire a dictionary entry (admin)', params: idParams, body: dictionaryPatchBody, response: responses({ 200: dictionaryEntrySchema }, [400, 403, 404]) } },
    async (req) => {
      const actor = actorOf(req);
      return db.transaction().execute((trx) => patchEntry(trx, clock, actor, req.params.id, req.body));
    },
  );

  app.get('/api/deal-settings', { schema: { tags: ['deals'], summary: 'Org-wide deal settings (manager confirmation of a lost deal above an amount)', response: responses({ 200: dealSettingsSchema }) } }, async (req) => {
    actorOf(req);
    return getDealSettings(db);
  });

  app.put(
    '/api/deal-settings',
    { config: { ability: 'deal.configure' }, schema: { tags: ['deals'], summary: 'Set the org-wide deal settings (admin)', body: dealSettingsBody, response: responses({ 200: dealSettingsSchema }, [400, 403]) } },
    async (req) => {
      const actor = actorOf(req);
      return db.transaction().execute((trx) => putDealSettings(trx, clock, actor, req.body));
    },
  );
}
