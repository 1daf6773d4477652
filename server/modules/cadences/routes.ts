import { actorOf, idParams, langOf, type App, type Deps } from '../../core/http.js';
import { localizeYamlErrors } from '../pipelines/yaml.js';
import { YAML_CONSUMES, YAML_TYPES } from '../../core/security.js';
import {
  cadenceDefinitionSchema,
  keyParams,
  optOutBody,
  startBody,
  statsQuery,
  stepsQuery,
  yamlBody,
  yamlText,
} from './schema.js';
import * as service from './service.js';
import { validateCadenceYaml } from './yaml.js';
import { z } from 'zod';
import { pageOf, responses } from '../../core/contract.js';
import { yamlValidation } from '../pipelines/presenter.js';
import { cadenceRunSchema, cadenceSchema, cadenceStatsSchema, openStepSchema, optOutSchema, savedCadenceSchema } from './presenter.js';


export async function cadenceRoutes(app: App, deps: Deps) {
  for (const type of YAML_TYPES) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }
  const tags = ['cadences'];

  app.get('/api/cadences', { schema: { tags, summary: '跟进节奏 Cadences with their steps (the shipped ones are installed on first use)', response: responses({ 200: pageOf(cadenceSchema) }) } }, async (req) => {
    actorOf(req);
    return service.listCadences(deps);
  });

  app.post(
    '/api/cadences',
    { config: { ability: 'cadence.manage' }, schema: { tags, summary: 'Create a cadence, or replace the one with the same key (admin); bad steps → 400 naming e.g. steps.1.offset', body: cadenceDefinitionSchema, response: responses({ 200: savedCadenceSchema, 201: savedCadenceSchema }, [400, 403]) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const saved = await service.saveCadence(deps, actor, req.body);
      reply.code(saved.created ? 201 : 200);
      return saved;
    },
  );

  app.get(
    '/api/cadences/stats',
    { schema: { tags, summary: 'On-time completion rate of cadence steps due in [from, to), per seller and per cadence (my scope)', querystring: statsQuery, response: responses({ 200: cadenceStatsSchema }, [400]) } },
    async (req) => service.stats(deps, actorOf(req), req.query),
  );

  app.get(
    '/api/cadences/steps',
    { schema: { tags, summary: 'Open cadence step tasks with guidance, template and deliverable (seller home); assigneeId=me by default', querystring: stepsQuery, response: responses({ 200: pageOf(openStepSchema) }, [400]) } },
    async (req) => service.openSteps(deps, actorOf(req), req.query),
  );

  app.post(
    '/api/cadences/validate',
    { schema: { tags, summary: 'Validate a cadence YAML document; answers { ok, errors: [{ line, column, path, message }] }', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: yamlValidation(z.looseObject({ key: z.string() })) }, [400]) } },
    async (req) => {
      actorOf(req);
      const result = validateCadenceYaml(yamlText(req.body));
      return result.ok ? { ok: true, errors: [], definition: result.value } : { ok: false, errors: localizeYamlErrors(result.errors, langOf(req)) };
    },
  );

  app.post(
    '/api/cadences/import',
    { config: { ability: 'cadence.manage' }, schema: { tags, summary: 'Create or update (by key) a cadence from YAML (admin); invalid YAML → 422 YAML_INVALID with line-precise errors', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: savedCadenceSchema, 201: savedCadenceSchema }, [400, 403, 422]) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const saved = await service.importCadenceYaml(deps, actor, yamlText(req.body));
      reply.code(saved.created ? 201 : 200);
      return saved;
    },
  );

  app.get('/api/cadences/:key', { schema: { tags, summary: 'One cadence (by key or id) with its steps', params: keyParams, response: responses({ 200: cadenceSchema }, [400, 404]) } }, async (req) => {
    actorOf(req);
    return service.presentCadence(await service.getCadence(deps, req.params.key));
  });

  app.get('/api/cadences/:key/export', { schema: { tags, summary: 'The cadence as YAML (round-trips through import)', params: keyParams, produces: ['text/yaml'], response: responses({ 200: z.string().describe('The YAML document') }, [400, 404]) } }, async (req, reply) => {
    actorOf(req);
    const { key, text } = await service.exportCadenceYaml(deps, req.params.key);
    reply.header('content-type', 'text/yaml; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${key}.yaml"`);
    return text;
  });

  app.post(
    '/api/deals/:id/cadences',
    { schema: { tags, summary: 'Start a cadence on a deal now: each step becomes a task of the deal owner (409 if already running)', params: idParams, body: startBody, response: responses({ 201: cadenceRunSchema }, [400, 404, 409, 422]) } },
    async (req, reply) => {
      const run = await service.startOnDeal(deps, actorOf(req), req.params.id, req.body.cadence);
      reply.code(201);
      return run;
    },
  );

  app.get('/api/deals/:id/cadences', { schema: { tags, summary: 'Cadence runs of a deal with their steps', params: idParams, response: responses({ 200: pageOf(cadenceRunSchema) }, [400, 404]) } }, async (req) =>
    service.dealRuns(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/customers/:id/opt-out',
    { schema: { tags, summary: '退订 The customer opts out of follow-ups: running cadences on their deals stop, new ones are refused', params: idParams, body: optOutBody, response: responses({ 200: optOutSchema }, [400, 404]) } },
    async (req) => service.optOut(deps, actorOf(req), req.params.id, req.body?.reason),
  );

  app.delete('/api/customers/:id/opt-out', { schema: { tags, summary: 'Withdraw the opt-out', params: idParams, response: responses({ 200: optOutSchema }, [400, 404]) } }, async (req) =>
    service.optIn(deps, actorOf(req), req.params.id),
  );
}
