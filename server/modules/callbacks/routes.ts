import { z } from 'zod';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { pageOf, responses } from '../../core/contract.js';
import { monthQuery, resultBody, settingsBody } from './schema.js';
import * as service from './service.js';

const ref = z.object({ id: z.string(), name: z.string() });
const resultSchema = z.object({ result: z.enum(service.RESULTS), note: z.string().nullable(), recordedBy: z.string(), recordedAt: z.string() });
const itemSchema = z
  .object({ id: z.string(), customer: ref, seller: ref, visits: z.array(z.object({ id: z.string(), occurredAt: z.string(), summary: z.string() })), result: resultSchema.nullable() })
  .meta({ id: 'CallbackItem' });
const drawSchema = z
  .object({ id: z.string(), team: ref, month: z.string(), seed: z.string(), shareBp: z.number().int(), population: z.number().int(), checkerId: z.string().nullable(), taskId: z.string().nullable(), createdAt: z.string(), items: z.array(itemSchema) })
  .meta({ id: 'CallbackDraw' });
const reportRow = z
  .object({
    seller: ref,
    drawn: z.number().int(),
    confirmed: z.number().int(),
    notConfirmed: z.number().int(),
    unreachable: z.number().int(),
    open: z.number().int(),
    flagged: z.array(z.object({ itemId: z.string(), month: z.string(), customer: ref, visitIds: z.array(z.string()) })),
  })
  .meta({ id: 'CallbackReportRow' });

export async function callbackRoutes(app: App, deps: Deps) {
  const tags = ['callbacks'];
  app.get(
    '/api/callbacks',
    { schema: { tags, summary: '随机抽检: monthly call-back draws I check or manage (seed, share, drawn customers with their visits and results)', querystring: monthQuery, response: responses({ 200: pageOf(drawSchema) }, [400]) } },
    async (req) => service.listDraws(deps, actorOf(req), req.query.month),
  );
  app.get(
    '/api/callbacks/report',
    { schema: { tags, summary: 'Call-back results per seller; not-confirmed visits are flagged', querystring: monthQuery, response: responses({ 200: pageOf(reportRow) }, [400]) } },
    async (req) => service.report(deps, actorOf(req), req.query.month),
  );
  app.post(
    '/api/callback-items/:id/result',
    { schema: { tags, summary: 'Record a call-back result (confirmed / not_confirmed / unreachable); the newest result counts', params: idParams, body: resultBody, response: responses({ 200: itemSchema }, [400, 403, 404]) } },
    async (req) => service.recordResult(deps, actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/callback-settings',
    { config: { ability: 'callback.configure' }, schema: { tags, summary: 'Set the monthly call-back share and checker of a team or the org (admin)', body: settingsBody, response: responses({ 200: settingsBody }, [400, 403]) } },
    async (req) => service.putSettings(deps, actorOf(req), req.body),
  );
}
