import { z } from 'zod';
import { responses } from '../../core/contract.js';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { loopReportSchema, mineResultSchema, modelCardSchema, patternDealsSchema, patternSchema } from './presenter.js';
import { mineBody, patternDealsQuery, pipelineQuery, riskListQuery } from './schema.js';
import { dealRisks, dealRisksSchema, listRisks, riskListSchema } from './flags.js';
import * as service from './service.js';
import { settingsSchema } from './settings.js';

const settingsAnswer = z.object({ version: z.number().int(), settings: settingsSchema }).meta({ id: 'PatternSettingsVersion' });

export async function patternRoutes(app: App, deps: Deps) {
  const tags = ['patterns'];

  app.get(
    '/api/patterns',
    { schema: { tags, summary: 'Mined behaviour patterns of a pipeline with their evidence (admins also see candidates below the bar)', querystring: pipelineQuery, response: responses({ 200: z.array(patternSchema) }, [400, 403, 404]) } },
    async (req) => service.listPatterns(deps, actorOf(req), req.query.pipelineId),
  );

  app.get(
    '/api/patterns/model-card',
    { schema: { tags, summary: 'The model card of a pipeline: deals used, time split, out-of-time precision per pattern, days before loss', querystring: pipelineQuery, response: responses({ 200: modelCardSchema }, [400, 403, 404]) } },
    async (req) => service.modelCard(deps, actorOf(req), req.query.pipelineId),
  );

  app.get(
    '/api/patterns/loop',
    {
      config: { ability: 'pattern.readLoop' },
      schema: { tags, summary: 'Closed loop: flagged deals, whether the suggested action was done in time, later outcome, holdout (observational, not causal)', querystring: pipelineQuery, response: responses({ 200: loopReportSchema }, [400, 403, 404]) },
    },
    async (req) => service.loopReport(deps, actorOf(req), req.query.pipelineId),
  );

  app.get('/api/patterns/settings', { schema: { tags, summary: 'Predictive thresholds (current version)', response: responses({ 200: settingsAnswer }, [403]) } }, async (req) =>
    service.getSettings(deps, actorOf(req)),
  );

  app.put(
    '/api/patterns/settings',
    { config: { ability: 'pattern.configure' }, schema: { tags, summary: 'Save a new version of the predictive thresholds (admin)', body: settingsSchema, response: responses({ 200: settingsAnswer }, [400, 403]) } },
    async (req) => service.putSettings(deps, actorOf(req), req.body),
  );

  app.post(
    '/api/patterns/mine',
    { config: { ability: 'pattern.mine' }, schema: { tags, summary: 'Mine a pipeline now (admin); the daily schedule does the same', body: mineBody, response: responses({ 200: mineResultSchema }, [400, 403, 404]) } },
    async (req) => service.mineNow(deps, actorOf(req), req.body.pipelineId),
  );

  app.get(
    '/api/patterns/:id/deals',
    { schema: { tags, summary: 'The historical deals behind a pattern (in your scope); total = support for org-wide readers', params: idParams, querystring: patternDealsQuery, response: responses({ 200: patternDealsSchema }, [400, 403, 404]) } },
    async (req) => service.patternDeals(deps, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/api/deals/:id/risks',
    { schema: { tags, summary: 'Live risk flags of a deal with their evidence, drill link and suggested action (all=true: also cleared ones)', params: idParams, querystring: z.object({ all: z.enum(['true', 'false']).optional() }), response: responses({ 200: dealRisksSchema }, [400, 404]) } },
    async (req) => dealRisks(deps, actorOf(req), req.params.id, req.query.all === 'true'),
  );

  app.get(
    '/api/risks',
    { schema: { tags, summary: 'Active risk flags on open deals in your scope (the to-do list and the lead’s view)', querystring: riskListQuery, response: responses({ 200: riskListSchema }, [400]) } },
    async (req) => listRisks(deps, actorOf(req), req.query),
  );
}
