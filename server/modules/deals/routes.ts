import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { z } from 'zod';
import { responses } from '../../core/contract.js';
import { attentionQuery, dealAttention, dealAttentionPage } from './attention.js';
import { getBoard, getBoardColumn } from './board.js';
import { boardColumnSchema, boardSchema, dealDetailSchema, dealPageSchema, pendingMoveSchema } from './presenter.js';
import { boardColumnQuery, boardQuery, checklistBody, dealCreateBody, dealListQuery, dealPatchBody, moveBody } from './schema.js';
import { createDeal, getDeal, listDeals, moveDeal, setChecklistItem, updateDeal } from './service.js';

export async function dealRoutes(app: App, deps: Deps) {
  const { db, clock } = deps;
  const tags = ['deals'];

  app.get(
    '/api/deals',
    {
      schema: {
        tags,
        summary:
          'Deals in your scope; q searches title and customer name; sort by title, amountFen, expectedCloseDate, stageEnteredAt, createdAt, updatedAt (prefix - for descending); ' +
          'pages by `page` or by `cursor` (the previous answer\'s `nextCursor`); `total` is exact up to 1,000, above that an estimate (`totalIsEstimate`) unless `exactTotal=true`',
        querystring: dealListQuery,
        response: responses({ 200: dealPageSchema }, [400]),
      },
    },
    async (req) => listDeals(db, clock, actorOf(req), req.query),
  );

  app.get(
    '/api/deals/attention',
    {
      schema: {
        tags,
        summary: 'Prioritising interventions 介入优先级: amount, stage, days overdue and last effective activity of the given deals in your scope',
        querystring: attentionQuery,
        response: responses({ 200: dealAttentionPage }, [400]),
      },
    },
    async (req) => dealAttention(db, clock, actorOf(req), req.query.ids),
  );

  app.post('/api/deals', { config: { idempotent: true }, schema: { tags, summary: 'Create a deal (starts in the first stage unless stageKey is given)', body: dealCreateBody, response: responses({ 201: dealDetailSchema }, [400, 403, 404, 409, 422]) } }, async (req, reply) => {
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
          'Move to another stage. Forward by one needs the current gate (422 GATE_UNMET with unmet[]); skipping needs allowSkip on every skipped stage (422 SKIP_NOT_ALLOWED) and skipReason; backward is always allowed. Lost needs lostReason; above the org\'s lostConfirmAboveFen a non-manager\'s lost move answers 202 with the pending lost_confirmation approval and the unchanged deal (409 while one is pending)',
        params: idParams,
        body: moveBody,
        response: responses({ 200: dealDetailSchema, 202: pendingMoveSchema }, [400, 403, 404, 409, 422]),
      },
    },
    async (req, reply) => {
      const answer = await moveDeal(db, clock, actorOf(req), req.params.id, req.body);
      // A lost move above the confirmation amount waits for a manager: accepted, not done.
      if ('pendingApproval' in answer) reply.code(202);
      return answer;
    },
  );

  app.post(
    '/api/deals/:id/checklist',
    { schema: { tags, summary: "Tick or untick an item of the current stage's checklist", params: idParams, body: checklistBody, response: responses({ 200: dealDetailSchema }, [400, 404]) } },
    async (req) => setChecklistItem(db, clock, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/pipelines/:id/board',
    {
      schema: {
        tags: ['deals', 'pipelines'],
        summary: 'Kanban: a column per stage with count, amount and the `limit` (default 50) most recently updated deals in your scope; `nextCursor` per column',
        params: idParams,
        querystring: boardQuery,
        response: responses({ 200: boardSchema }, [400, 404]),
      },
    },
    async (req) => getBoard(db, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/api/pipelines/:id/board/columns/:stageKey',
    {
      schema: {
        tags: ['deals', 'pipelines'],
        summary: "More cards of one board column (load more): pass the column's `nextCursor` and the board's filters",
        params: idParams.extend({ stageKey: z.string().min(1).max(64) }),
        querystring: boardColumnQuery,
        response: responses({ 200: boardColumnSchema }, [400, 404]),
      },
    },
    async (req) => getBoardColumn(db, actorOf(req), req.params.id, req.params.stageKey, req.query),
  );
}
