import { actorOf, idParams, langOf, type App, type Deps } from '../../core/http.js';
import { localizeYamlErrors } from '../pipelines/yaml.js';
import { YAML_CONSUMES, YAML_TYPES } from '../../core/security.js';
import { ruleDefinitionSchema, ruleListQuery, rulePatchBody, runListQuery, yamlBody, yamlText } from './schema.js';
import {
  createRule,
  deleteRule,
  exportRuleYaml,
  checkRuleYaml,
  importRuleYaml,
  listRuleRuns,
  listRules,
  readRule,
  updateRule,
  type RuleDeps,
} from './service.js';
import { z } from 'zod';
import { noContent, pageOf, responses } from '../../core/contract.js';
import { yamlValidation } from '../pipelines/presenter.js';
import { ruleRunSchema, ruleSchema } from './presenter.js';

const importedRule = ruleSchema.extend({ created: z.boolean() });

export async function ruleRoutes(app: App, deps: Deps) {
  const tags = ['rules'];
  const ruleDeps: RuleDeps = { db: deps.db, clock: deps.clock, timeZone: deps.config.timeZone };
  const { db } = deps;
  for (const type of YAML_TYPES) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }

  app.get('/api/rules', { schema: { tags, summary: 'Automation rules (admin, director); filter by enabled and trigger type', querystring: ruleListQuery, response: responses({ 200: pageOf(ruleSchema) }, [400, 403]) } }, async (req) => {
    return listRules(db, actorOf(req), { enabled: req.query.enabled === undefined ? undefined : req.query.enabled === 'true', triggerType: req.query.trigger });
  });

  app.post(
    '/api/rules',
    { config: { ability: 'rule.manage' }, schema: { tags, summary: '创建规则 Create a rule (admin); bad conditions or action configs → 400 naming e.g. actions.1.config.title', body: ruleDefinitionSchema(deps.config.timeZone), response: responses({ 201: ruleSchema }, [400, 403, 409]) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const rule = await createRule(ruleDeps, actor, req.body);
      reply.code(201);
      return rule;
    },
  );

  app.post(
    '/api/rules/validate',
    { config: { ability: 'rule.read' }, schema: { tags, summary: 'Validate a rule YAML document; answers { ok, errors: [{ line, column, path, message }] }', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: yamlValidation(z.never()) }, [400, 403]) } },
    async (req) => {
      const result = checkRuleYaml(actorOf(req), deps.config.timeZone, yamlText(req.body));
      return result.ok ? { ok: true, errors: [] } : { ok: false, errors: localizeYamlErrors(result.errors, langOf(req)) };
    },
  );

  app.post(
    '/api/rules/import',
    { config: { ability: 'rule.manage' }, schema: { tags, summary: '导入规则 Create or update (by key) a rule from YAML (admin); invalid YAML → 422 YAML_INVALID with line-precise errors', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: importedRule, 201: importedRule }, [400, 403, 422]) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const result = await importRuleYaml(ruleDeps, actor, yamlText(req.body));
      reply.code(result.created ? 201 : 200);
      return result;
    },
  );

  app.get('/api/rules/:id', { schema: { tags, summary: 'One rule by id or key (webhook secrets masked)', params: idParams, response: responses({ 200: ruleSchema }, [400, 403, 404]) } }, async (req) => {
    return readRule(db, actorOf(req), req.params.id);
  });

  app.patch(
    '/api/rules/:id',
    { config: { ability: 'rule.manage' }, schema: { tags, summary: '修改规则 Edit a rule (admin): any subset of the definition; null clears optional fields', params: idParams, body: rulePatchBody, response: responses({ 200: ruleSchema }, [400, 403, 404, 409]) } },
    async (req) => {
      const actor = actorOf(req);
      return updateRule(ruleDeps, actor, req.params.id, req.body);
    },
  );

  app.delete('/api/rules/:id', { config: { ability: 'rule.manage' }, schema: { tags, summary: 'Delete a rule and its run log (admin; audited)', params: idParams, response: responses({ 204: noContent }, [400, 403, 404]) } }, async (req, reply) => {
    const actor = actorOf(req);
    await deleteRule(ruleDeps, actor, req.params.id);
    reply.code(204);
  });

  app.get(
    '/api/rules/:id/runs',
    { config: { ability: 'rule.read' }, schema: { tags, summary: '执行记录 Runs of a rule, newest first: input, outcome, error, duration', params: idParams, querystring: runListQuery, response: responses({ 200: pageOf(ruleRunSchema) }, [400, 403, 404]) } },
    async (req) => {
      return listRuleRuns(db, actorOf(req), req.params.id, req.query);
    },
  );

  app.get('/api/rules/:id/export', { schema: { tags, summary: 'The rule as YAML (round-trips through import)', params: idParams, produces: ['text/yaml'], response: responses({ 200: z.string().describe('The YAML document') }, [400, 403, 404]) } }, async (req, reply) => {
    const { key, text } = await exportRuleYaml(db, actorOf(req), req.params.id);
    reply.header('content-type', 'text/yaml; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="rule-${key}.yaml"`);
    return text;
  });
}
