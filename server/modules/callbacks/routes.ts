import { z } from 'zod';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { pageOf, responses } from '../../core/contract.js';
import { monthQuery, resultBody, settingsBody } from './schema.js';
import { drawSchema, itemSchema, reportRow, settingRow, verificationSchema } from './presenter.js';
import * as service from './service.js';

const verificationQuery = z.object({ customerId: z.string().min(1).max(64) });

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
  app.get(
    '/api/callbacks/verifications',
    { schema: { tags, summary: 'Call-back outcomes of a customer\'s visits (only visits a checker has called about), for the timeline', querystring: verificationQuery, response: responses({ 200: pageOf(verificationSchema) }, [400, 404]) } },
    async (req) => service.verificationsOf(deps, actorOf(req), req.query.customerId),
  );
  app.post(
    '/api/callback-items/:id/result',
    { schema: { tags, summary: 'Record a call-back result (confirmed / not_confirmed / unreachable); the newest result counts', params: idParams, body: resultBody, response: responses({ 200: itemSchema }, [400, 403, 404]) } },
    async (req) => service.recordResult(deps, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/callback-settings',
    { config: { ability: 'callback.configure' }, schema: { tags, summary: 'The org default and each team\'s monthly call-back share and checker (admin)', response: responses({ 200: pageOf(settingRow) }, [403]) } },
    async (req) => service.listSettings(deps, actorOf(req)),
  );
  app.put(
    '/api/callback-settings',
    { config: { ability: 'callback.configure' }, schema: { tags, summary: 'Set the monthly call-back share and checker of a team or the org (admin)', body: settingsBody, response: responses({ 200: settingsBody }, [400, 403]) } },
    async (req) => service.putSettings(deps, actorOf(req), req.body),
  );
}
