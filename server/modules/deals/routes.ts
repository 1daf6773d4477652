import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { pageOf, responses } from '../../core/contract.js';
import { getBoard } from './board.js';
import { boardSchema, dealDetailSchema, dealSchema } from './presenter.js';
import { boardQuery, checklistBody, dealCreateBody, dealListQuery, dealPatchBody, moveBody } from './schema.js';
import { createDeal, getDeal, listDeals, moveDeal, setChecklistItem, updateDeal } from './service.js';

export async function dealRoutes(app: App, deps: Deps) {
  const { db, clock } = deps;
  const tags = ['deals'];

  app.get(
    '/api/deals',
    {
      schema: {
        tags,
        summary: 'Deals in your scope; q searches title and customer name; sort by title, amountFen, expectedCloseDate, stageEnteredAt, createdAt, updatedAt (prefix - for descending)',
        querystring: dealListQuery,
        response: responses({ 200: pageOf(dealSchema) }, [400]),
      },
    },
    async (req) => listDeals(db, actorOf(req), req.query),
  );

  app.post('/api/deals', { schema: { tags, summary: 'Create a deal (starts in the first stage unless stageKey is given)', body: dealCreateBody, response: responses({ 201: dealDetailSchema }, [400, 403, 404]) } }, async (req, reply) => {
    const deal = await createDeal(db, clock, actorOf(req), req.body);
    reply.code(201);
    return deal;
  });

  app.get('/api/deals/:id', { schema: { tags, summary: 'A deal with its stage history and the unmet requirements of its current stage gate', params: idParams, response: responses({ 200: dealDetailSchema }, [400, 404]) } }, async (req) =>
    getDeal(db, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/deals/:id',
    { schema: { tags, summary: 'Change title, customer, owner, amount, expected close date or custom values (stages change through /move)', params: idParams, body: dealPatchBody, response: responses({ 200: dealDetailSchema }, [400, 403, 404]) } },
    async (req) => updateDeal(db, clock, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/deals/:id/move',
    {
      schema: {
        tags,
        summary:
          'Move to another stage. Forward by one needs the current gate (422 GATE_UNMET with unmet[]); skipping needs allowSkip on every skipped stage (422 SKIP_NOT_ALLOWED) and skipReason; backward is always allowed',
        params: idParams,
        body: moveBody,
        response: responses({ 200: dealDetailSchema }, [400, 403, 404, 422]),
      },
    },
    async (req) => moveDeal(db, clock, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/deals/:id/checklist',
    { schema: { tags, summary: "Tick or untick an item of the current stage's checklist", params: idParams, body: checklistBody, response: responses({ 200: dealDetailSchema }, [400, 404]) } },
    async (req) => setChecklistItem(db, clock, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/pipelines/:id/board',
    { schema: { tags: ['deals', 'pipelines'], summary: 'Kanban: a column per stage with count, amount and the 50 most recently updated deals in your scope', params: idParams, querystring: boardQuery, response: responses({ 200: boardSchema }, [400, 404]) } },
    async (req) => getBoard(db, actorOf(req), req.params.id, req.query),
  );
}
