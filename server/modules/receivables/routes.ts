import { z } from 'zod';
import { responses } from '../../core/contract.js';
import { calendarDate } from '../../core/dates.js';
import { actorOf, langOf, type App, type Deps } from '../../core/http.js';
import { CONTENT_TYPES } from '../exports/workbook.js';
import { contentDisposition } from '../files/types.js';
import { ageing, instalmentsOf } from './ageing.js';
import { board } from './board.js';
import { exportAgeing } from './export.js';
import { listPartners, partnerBody, setPartner } from './partners.js';
import { ageingInstalmentsSchema, ageingSchema, boardSchema, partnerSchema } from './presenter.js';
import { BUCKETS } from '../contracts/ledger.js';

const asOf = calendarDate.optional().describe('YYYY-MM-DD, default today (org time zone)');
const groupBy = z.enum(['customer', 'seller', 'team']).default('customer');

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
        summary: 'Drill-down: the instalments behind an ageing figure (a group key, a bucket, or over90)',
        querystring: z.object({ asOf, groupBy, key: z.string().max(64).optional(), bucket: z.enum([...BUCKETS, 'over90']).optional() }),
        response: responses({ 200: ageingInstalmentsSchema }, [400, 403]),
      },
    },
    async (req) => instalmentsOf(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/receivables/ageing/export',
    {
      config: { ability: 'receivable.board' },
      schema: { tags, summary: 'The ageing and its instalments as .xlsx', querystring: z.object({ asOf, groupBy }), produces: [CONTENT_TYPES.xlsx], response: responses({ 200: z.string().describe('The file (binary)') }, [400, 403]) },
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
