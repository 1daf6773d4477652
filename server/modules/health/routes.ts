import { z } from 'zod';
import { responses } from '../../core/contract.js';
import { actorOf, idParams, langOf, type App, type Deps } from '../../core/http.js';
import { YAML_CONSUMES, YAML_TYPES } from '../../core/security.js';
import { yamlBody, yamlText } from '../pipelines/schema.js';
import { yamlValidation } from '../pipelines/presenter.js';
import { localizeYamlErrors } from '../pipelines/yaml.js';
import { backtest } from './backtest.js';
import { publishableModelSchema } from './definition.js';
import { backtestSchema, customerHealthSchema, healthListSchema, modelsSchema, modelVersionSchema, planSchema, previewSchema, recomputeResultSchema } from './presenter.js';
import { fileBody, filePlan, getPlan } from './retention-plan.js';
import * as service from './service.js';

const publishBody = z.object({ definition: publishableModelSchema, firePlaybooks: z.boolean().default(false) });
const listQuery = z.object({
  colour: z.enum(['green', 'yellow', 'red', 'grey']).optional(),
  trend: z.enum(['true', 'false']).optional(),
  /** Comma-separated customer ids (the customer list's page), at most 200. */
  ids: z.string().max(200 * 40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const backtestQuery = z.object({
  months: z.coerce.number().int().min(1).max(60).default(12),
  leadDays: z.coerce.number().int().min(0).max(365).default(30),
  quietDays: z.coerce.number().int().min(0).max(365).default(90),
});

export async function healthRoutes(app: App, deps: Deps) {
  const tags = ['health'];
  for (const type of YAML_TYPES) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }

  app.get('/api/health-models', { schema: { tags, summary: '客户健康度模型 The model in force and every published version', response: responses({ 200: modelsSchema }, [403]) } }, async (req) =>
    service.listModels(deps, actorOf(req)),
  );
  app.post(
    '/api/health-models',
    { config: { ability: 'health.manage' }, schema: { tags, summary: 'Publish the next model version (admin); firePlaybooks: colour changes caused only by the switch run playbooks', body: publishBody, response: responses({ 201: modelVersionSchema }, [400, 403, 409]) } },
    async (req, reply) => {
      const created = await service.publishModel(deps, actorOf(req), req.body.definition, req.body.firePlaybooks);
      reply.code(201);
      return created;
    },
  );
  app.post(
    '/api/health-models/preview',
    { config: { ability: 'health.manage' }, schema: { tags, summary: 'Before publishing: how many customers, and which, would change colour under this definition', body: publishBody.pick({ definition: true }), response: responses({ 200: previewSchema }, [400, 403]) } },
    async (req) => service.previewModel(deps, actorOf(req), req.body.definition),
  );
  app.post(
    '/api/health-models/validate',
    { config: { ability: 'health.manage' }, schema: { tags, summary: 'Validate a model YAML document: { ok, errors: [{ line, column, path, message }] }', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: yamlValidation(z.never()) }, [400, 403]) } },
    async (req) => {
      const result = service.validateModelYaml(yamlText(req.body));
      return result.ok ? { ok: true, errors: [] } : { ok: false, errors: localizeYamlErrors(result.errors, langOf(req)) };
    },
  );
  app.post(
    '/api/health-models/import',
    {
      config: { ability: 'health.manage' },
      schema: { tags, summary: 'Publish a model version from YAML (admin); invalid → 422 YAML_INVALID with line numbers', querystring: z.object({ firePlaybooks: z.enum(['true', 'false']).default('false') }), body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 201: modelVersionSchema }, [400, 403, 409, 422]) },
    },
    async (req, reply) => {
      const created = await service.importModelYaml(deps, actorOf(req), yamlText(req.body), req.query.firePlaybooks === 'true');
      reply.code(201);
      return created;
    },
  );
  app.get(
    '/api/health-models/export',
    { schema: { tags, summary: 'A model version as YAML (the current one by default; round-trips through import)', querystring: z.object({ version: z.coerce.number().int().min(1).optional() }), produces: ['text/yaml'], response: responses({ 200: z.string() }, [400, 403, 404]) } },
    async (req, reply) => {
      const { version, text } = await service.exportModelYaml(deps, actorOf(req), req.query.version);
      reply.header('content-type', 'text/yaml; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="health-model-v${version}.yaml"`);
      return text;
    },
  );

  app.post(
    '/api/health/recompute',
    { schema: { tags, summary: 'Recompute now: one customer (anyone who sees it) or all (admin). Unchanged scores write and emit nothing', body: z.object({ customerId: z.string().min(1).max(64).optional() }), response: responses({ 200: recomputeResultSchema }, [400, 403, 404]) } },
    async (req) => service.recompute(deps, actorOf(req), req.body.customerId),
  );
  app.get(
    '/api/customers/:id/health',
    { schema: { tags, summary: 'A customer’s score, colour, model version, coverage, per-dimension explanation, what moved since last time, history', params: idParams, response: responses({ 200: customerHealthSchema }, [400, 404]) } },
    async (req) => service.customerHealth(deps, actorOf(req), req.params.id),
  );
  app.get(
    '/api/health/customers',
    { schema: { tags, summary: 'Customers in my scope by health (colour, trend = 下滑预警, or the ids of a customer-list page), lowest score first', querystring: listQuery, response: responses({ 200: healthListSchema }, [400]) } },
    async (req) => {
      const q = req.query;
      const ids = q.ids ? q.ids.split(',').filter(Boolean).slice(0, 200) : undefined;
      return { items: await service.healthList(deps, actorOf(req), { colour: q.colour, trend: q.trend === undefined ? undefined : q.trend === 'true', ids }, q) };
    },
  );
  app.get(
    '/api/health/backtest',
    { schema: { tags, summary: 'Customers whose orders stopped: how many were yellow/red at least leadDays before their last order, with the lead time', querystring: backtestQuery, response: responses({ 200: backtestSchema }, [400, 403]) } },
    async (req) => backtest(deps.db, deps.clock, actorOf(req), req.query),
  );

  app.get('/api/retention-plans/:id', { schema: { tags, summary: '挽留计划 A retention plan', params: idParams, response: responses({ 200: planSchema }, [400, 404]) } }, async (req) => getPlan(deps.db, deps.clock, actorOf(req), req.params.id));
  app.post(
    '/api/retention-plans/:id/file',
    { schema: { tags, summary: 'File the plan: every required evidence item must be given (422 GATE_UNMET names the missing ones)', params: idParams, body: fileBody, response: responses({ 200: planSchema }, [400, 404, 409, 422]) } },
    async (req) => filePlan(deps.db, deps.clock, actorOf(req), req.params.id, req.body),
  );
}
