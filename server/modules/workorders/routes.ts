import { z } from 'zod';
import { pageOf, responses } from '../../core/contract.js';
import { actorOf, idParams, langOf, type App, type Deps } from '../../core/http.js';
import { YAML_CONSUMES, YAML_TYPES } from '../../core/security.js';
import { yamlBody, yamlText } from '../pipelines/schema.js';
import { yamlValidation } from '../pipelines/presenter.js';
import { localizeYamlErrors } from '../pipelines/yaml.js';
import { typeDefinitionSchema } from './definition.js';
import { ruleSetInputSchema } from './points-rules.js';
import { commentSchema, leaderboardSchema, pointsAnswerSchema, ruleSetOutSchema, workOrderDetailSchema, workOrderSchema, workOrderTypeSchema } from './presenter.js';
import { commentBody, leaderboardQuery, orderBody, orderListQuery, orderPatch, pointsQuery, typeListQuery } from './schema.js';
import * as points from './points.js';
import * as service from './service.js';
import * as types from './types-service.js';
import { monthReport, reportSchema } from './report.js';

export async function workOrderRoutes(app: App, deps: Deps) {
  const tags = ['work-orders'];
  for (const type of YAML_TYPES) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }

  app.get(
    '/api/work-orders',
    { schema: { tags, summary: '协作工单 Work orders I may see; view mine (I asked) | assigned | queue (mine + unassigned in my team, by due time)', querystring: orderListQuery, response: responses({ 200: pageOf(workOrderSchema) }, [400]) } },
    async (req) => service.listWorkOrders(deps, actorOf(req), req.query),
  );

  app.post(
    '/api/work-orders',
    { schema: { tags, summary: 'Request help: a work order of a type on a customer, deal or contract; the caller is the requester', body: orderBody, response: responses({ 201: workOrderDetailSchema }, [400, 403, 404]) } },
    async (req, reply) => {
      const created = await service.createWorkOrder(deps, actorOf(req), req.body);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/api/work-orders/report',
    { schema: { tags, summary: 'Per type: orders resolved in a month (org time zone), response/resolution hit and missed, requester waiting time', querystring: leaderboardQuery.pick({ month: true }), response: responses({ 200: reportSchema }, [400]) } },
    async (req) => monthReport(deps, actorOf(req), req.query.month),
  );

  app.get('/api/work-orders/:id', { schema: { tags, summary: 'One work order with its history, comments, escalations and points', params: idParams, response: responses({ 200: workOrderDetailSchema }, [400, 404]) } }, async (req) =>
    service.getWorkOrder(deps, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/work-orders/:id',
    {
      schema: {
        tags,
        summary: 'Change status (helper: in_progress = respond, waiting_requester pauses, resolved; requester: in_progress after supplying, closed, reopened), assignee, rating 1–5',
        params: idParams,
        body: orderPatch,
        response: responses({ 200: workOrderDetailSchema }, [400, 403, 404, 422]),
      },
    },
    async (req) => service.updateWorkOrder(deps, actorOf(req), req.params.id, req.body),
  );

  app.post('/api/work-orders/:id/comments', { schema: { tags, summary: 'Comment on a work order', params: idParams, body: commentBody, response: responses({ 201: commentSchema }, [400, 404]) } }, async (req, reply) => {
    const comment = await service.addComment(deps, actorOf(req), req.params.id, req.body.body);
    reply.code(201);
    return comment;
  });

  // ---- types ----
  app.get('/api/work-order-types', { schema: { tags, summary: 'Work-order types (active=true for the request form)', querystring: typeListQuery, response: responses({ 200: z.object({ items: z.array(workOrderTypeSchema) }) }, [400]) } }, async (req) =>
    types.listTypes(deps, req.query.active === 'true'),
  );
  app.post(
    '/api/work-order-types',
    { config: { ability: 'workorder.configure' }, schema: { tags, summary: 'Create a work-order type (admin)', body: typeDefinitionSchema, response: responses({ 201: workOrderTypeSchema }, [400, 403, 409]) } },
    async (req, reply) => {
      const created = await types.createType(deps, actorOf(req), req.body);
      reply.code(201);
      return created;
    },
  );
  app.get('/api/work-order-types/:id', { schema: { tags, summary: 'One type by id or key', params: idParams, response: responses({ 200: workOrderTypeSchema }, [400, 404]) } }, async (req) => types.getType(deps, req.params.id));
  app.put(
    '/api/work-order-types/:id',
    { config: { ability: 'workorder.configure' }, schema: { tags, summary: 'Publish a new version of a type (admin); running orders keep theirs', params: idParams, body: typeDefinitionSchema, response: responses({ 200: workOrderTypeSchema }, [400, 403, 404]) } },
    async (req) => types.updateType(deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/work-order-types/validate',
    { config: { ability: 'workorder.configure' }, schema: { tags, summary: 'Validate a type YAML document: { ok, errors: [{ line, column, path, message }] }', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: yamlValidation(z.never()) }, [400, 403]) } },
    async (req) => {
      const result = await types.validateTypeYaml(deps.db, yamlText(req.body));
      return result.ok ? { ok: true, errors: [] } : { ok: false, errors: localizeYamlErrors(result.errors, langOf(req)) };
    },
  );
  app.post(
    '/api/work-order-types/import',
    { config: { ability: 'workorder.configure' }, schema: { tags, summary: 'Create or update (by key) a type from YAML (admin); invalid → 422 YAML_INVALID with line numbers; an unknown or ambiguous team → 400 naming `team` (not_found_team_named, team_name_ambiguous)', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: workOrderTypeSchema.extend({ created: z.boolean() }), 201: workOrderTypeSchema.extend({ created: z.boolean() }) }, [400, 403, 422]) } },
    async (req, reply) => {
      const result = await types.importTypeYaml(deps, actorOf(req), yamlText(req.body));
      reply.code(result.created ? 201 : 200);
      return result;
    },
  );
  app.get('/api/work-order-types/:id/export', { config: { ability: 'workorder.configure' }, schema: { tags, summary: 'The type as YAML (round-trips through import)', params: idParams, produces: ['text/yaml'], response: responses({ 200: z.string() }, [400, 403, 404]) } }, async (req, reply) => {
    const { key, text } = await types.exportTypeYaml(deps, actorOf(req), req.params.id);
    reply.header('content-type', 'text/yaml; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="work-order-type-${key}.yaml"`);
    return text;
  });

  // ---- assist points ----
  const ptags = ['assist-points'];
  app.get('/api/assist-points', { schema: { tags: ptags, summary: '助攻积分 A helper’s ledger for a month: { total, entries } (self; managers for their team)', querystring: pointsQuery, response: responses({ 200: pointsAnswerSchema }, [400, 403]) } }, async (req) =>
    points.pointsOf(deps, actorOf(req), req.query),
  );
  app.get('/api/assist-points/leaderboard', { schema: { tags: ptags, summary: 'Monthly leaderboard per team', querystring: leaderboardQuery, response: responses({ 200: leaderboardSchema }, [400]) } }, async (req) =>
    points.leaderboard(deps, actorOf(req), req.query),
  );
  app.get('/api/assist-point-rules', { schema: { tags: ptags, summary: 'The rule set in force today and every published version', response: responses({ 200: z.object({ inForce: ruleSetOutSchema, versions: z.array(ruleSetOutSchema) }) }) } }, async () => points.currentRuleSets(deps));
  app.post(
    '/api/assist-point-rules',
    { config: { ability: 'assist.configure' }, schema: { tags: ptags, summary: 'Publish a rule-set version from an effective date (today or later; admin)', body: ruleSetInputSchema, response: responses({ 201: ruleSetOutSchema }, [400, 403]) } },
    async (req, reply) => {
      const created = await points.publishRuleSet(deps, actorOf(req), req.body);
      reply.code(201);
      return created;
    },
  );
}
