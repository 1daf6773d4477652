import { z } from 'zod';
import { responses } from '../../core/contract.js';
import { moneyDate } from '../../core/dates.js';
import { actorOf, langOf, type App, type Deps } from '../../core/http.js';
import { CONTENT_TYPES } from '../exports/workbook.js';
import { contentDisposition } from '../files/types.js';
import { ageing } from './ageing.js';
import { board } from './board.js';
import { collectedOf, instalmentsOf, salesOf } from './drill.js';
import { exportAgeing } from './export.js';
import { listPartners, partnerBody, setPartner } from './partners.js';
import { ageingInstalmentsSchema, ageingSchema, boardSchema, collectedSchema, partnerSchema, salesSchema } from './presenter.js';
import { BUCKETS } from '../contracts/ledger.js';

const asOf = moneyDate.optional().describe('YYYY-MM-DD, default today (org time zone)');
const groupBy = z.enum(['customer', 'seller', 'team']).default('customer');
/** The keys naming one figure's rows; the drill-down routes and the export take the same ones. */
const figure = {
  key: z.string().max(64).optional().describe('A group: customer, seller or team id (by groupBy); all groups when absent'),
  bucket: z.enum([...BUCKETS, 'over90']).optional().describe('A bucket, or over90 (the 90+ instalments behind the over-90 contracts share); all when absent'),
};
const sellerId = z.string().max(64).optional().describe('One seller (collected this month); all sellers in scope when absent');

export async function receivableRoutes(app: App, deps: Deps) {
  const tags = ['receivables'];
  app.get(
    '/api/receivables',
    {
      config: { ability: 'receivable.board' },
      schema: {
        tags,
        summary: '回款倒计时 The countdown board: open instalments in my scope with days to the effective due date and band (red ≤ 3, yellow 4–7, normal ≥ 8), overdue first',
        querystring: z.object({ asOf, band: z.enum(['red', 'yellow', 'normal', 'overdue']).optional(), ownerId: z.string().max(64).optional() }),
        response: responses({ 200: boardSchema }, [400, 403]),
      },
    },
    async (req) => board(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/receivables/ageing',
    {
      config: { ability: 'receivable.board' },
      schema: { tags, summary: '应收账龄 Ageing buckets by customer | seller | team, the 90+ share, collected this month per seller, DSO', querystring: z.object({ asOf, groupBy }), response: responses({ 200: ageingSchema }, [400, 403]) },
    },
    async (req) => ageing(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/receivables/ageing/instalments',
    {
      config: { ability: 'receivable.board' },
      schema: {
        tags,
        summary: 'Drill-down: the open instalments behind an ageing figure (a group key, a bucket, or over90), each with its outstanding amount; their outstandingFen sums to the figure',
        querystring: z.object({ asOf, groupBy, ...figure }),
        response: responses({ 200: ageingInstalmentsSchema }, [400, 403]),
      },
    },
    async (req) => instalmentsOf(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/receivables/ageing/collected',
    {
      config: { ability: 'receivable.board' },
      schema: {
        tags,
        summary: "Drill-down of 本月回款: the payments (reversals negative) received from the 1st of asOf's month to asOf on contracts in scope, of one seller; their amountFen sums to the seller's collectedFen",
        querystring: z.object({ asOf, sellerId }),
        response: responses({ 200: collectedSchema }, [400, 403]),
      },
    },
    async (req) => collectedOf(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/receivables/ageing/sales',
    {
      config: { ability: 'receivable.board' },
      schema: {
        tags,
        summary: "Drill-down of DSO's sales: the contracts in scope signed in the 90 days up to asOf; their amountFen sums to dso.salesFen",
        querystring: z.object({ asOf }),
        response: responses({ 200: salesSchema }, [400, 403]),
      },
    },
    async (req) => salesOf(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/receivables/ageing/export',
    {
      config: { ability: 'receivable.board' },
      schema: { tags, summary: 'The ageing as .xlsx: the groups, the instalments behind key/bucket (明细), the payments behind collected this month of sellerId (本月回款), the sales behind DSO (DSO销售额) — the same rows as the drill-downs', querystring: z.object({ asOf, groupBy, ...figure, sellerId }), produces: [CONTENT_TYPES.xlsx], response: responses({ 200: z.string().describe('The file (binary)') }, [400, 403]) },
    },
    async (req, reply) => {
      const out = await exportAgeing(deps, actorOf(req), req.query, langOf(req), (err) => req.log.error({ err }, 'ageing export failed'));
      return reply.type(CONTENT_TYPES.xlsx).header('content-disposition', contentDisposition(out.filename, 'attachment')).send(out.stream);
    },
  );
  app.get('/api/receivables/finance-partners', { schema: { tags, summary: 'Finance partner (财务对接人) of every team', response: responses({ 200: z.object({ items: z.array(partnerSchema) }) }, [403]) } }, async (req) =>
    listPartners(deps, actorOf(req)),
  );
  app.put(
    '/api/receivables/finance-partners/:teamId',
    {
      config: { ability: 'receivable.managePartners' },
      schema: { tags, summary: "Set (or clear with null) a team's finance partner: a finance user; sub-teams without one use the nearest ancestor's", params: z.object({ teamId: z.string().min(1).max(64) }), body: partnerBody, response: responses({ 200: z.object({ items: z.array(partnerSchema) }) }, [400, 403, 404]) },
    },
    async (req) => setPartner(deps, actorOf(req), req.params.teamId, req.body.userId),
  );
}
