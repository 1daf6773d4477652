/** HTTP of route administration and delegations (registered by routes.ts). */
import { z } from 'zod';
import { responses, userRefOrNull, userRef } from '../../core/contract.js';
import { actorOf, idParams, langOf, type App, type Deps } from '../../core/http.js';
import { YAML_CONSUMES, YAML_TYPES } from '../../core/security.js';
import { yamlBody, yamlText } from '../pipelines/schema.js';
import { yamlValidation } from '../pipelines/presenter.js';
import { localizeYamlErrors } from '../pipelines/yaml.js';
import { exportYaml, getRoute, listRoutes, migrateRequests, previewDraft, publishDraft, saveDraft, saveDraftYaml, validateYaml } from './admin.js';
import { createDelegation, listDelegations, revokeDelegation } from './delegations.js';
import { routeDefinitionSchema } from './definition.js';
import { delegationBody, kindParams, migrateBody } from './schema.js';

const routeSummary = z.object({ kind: z.string(), name: z.string(), publishedVersion: z.number().int(), hasDraft: z.boolean(), updatedAt: z.string() });
const routeSchema = z
  .object({
    kind: z.string(),
    name: z.string(),
    publishedVersion: z.number().int(),
    published: routeDefinitionSchema.nullable(),
    draft: routeDefinitionSchema.nullable(),
    draftYaml: z.string().nullable(),
    versions: z.array(z.object({ version: z.number().int(), publishedAt: z.string(), publishedBy: userRefOrNull })),
  })
  .meta({ id: 'ApprovalRoute' });
const previewSchema = z.object({
  usingDraft: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      subject: z.object({ id: z.string(), title: z.string().nullable() }),
      requester: userRef,
      facts: z.record(z.string(), z.unknown()),
      current: z.object({ version: z.number().int(), branch: z.string() }),
      draft: z.object({ branch: z.string(), steps: z.array(z.object({ name: z.string(), approvers: z.array(userRef) })), problem: z.string().nullable() }),
      changed: z.boolean(),
    }),
  ),
});
const delegationSchema = z
  .object({ id: z.string(), from: userRef, to: userRef, startsOn: z.string(), endsOn: z.string(), note: z.string().nullable(), revokedAt: z.string().nullable(), createdAt: z.string() })
  .meta({ id: 'ApprovalDelegation' });

export async function approvalAdminRoutes(app: App, deps: Deps) {
  const tags = ['approvals'];
  for (const type of YAML_TYPES) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }

  app.get('/api/approval-routes', { schema: { tags, summary: 'Approval routes per kind (admins and directors)', response: responses({ 200: z.object({ items: z.array(routeSummary) }) }, [403]) } }, async (req) =>
    listRoutes(deps, actorOf(req)),
  );
  app.get('/api/approval-routes/:kind', { schema: { tags, summary: 'A route: published definition, draft, versions', params: kindParams, response: responses({ 200: routeSchema }, [400, 403, 404]) } }, async (req) =>
    getRoute(deps, actorOf(req), req.params.kind),
  );
  app.put(
    '/api/approval-routes/:kind/draft',
    { config: { ability: 'approval.manageRoutes' }, schema: { tags, summary: 'Save the draft of a route (JSON); creates the kind if new. Nothing changes for requests until it is published', params: kindParams, body: routeDefinitionSchema, response: responses({ 200: routeSchema }, [400, 403]) } },
    async (req) => saveDraft(deps, actorOf(req), req.params.kind, req.body),
  );
  app.put(
    '/api/approval-routes/:kind/draft/yaml',
    { config: { ability: 'approval.manageRoutes' }, schema: { tags, summary: 'Save the draft from YAML; invalid YAML → 422 YAML_INVALID with line-precise errors', params: kindParams, body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: routeSchema }, [400, 403, 422]) } },
    async (req) => saveDraftYaml(deps, actorOf(req), req.params.kind, yamlText(req.body)),
  );
  app.post(
    '/api/approval-routes/validate',
    { schema: { tags, summary: 'Validate a route YAML document; answers { ok, errors: [{ line, column, path, message }] }', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: yamlValidation(routeDefinitionSchema) }, [400]) } },
    async (req) => {
      actorOf(req);
      const result = validateYaml(yamlText(req.body));
      return { ...result, errors: localizeYamlErrors(result.errors, langOf(req)) };
    },
  );
  app.get(
    '/api/approval-routes/:kind/yaml',
    { schema: { tags, summary: 'The draft (or, without one, the published version) as YAML', params: kindParams, querystring: z.object({ which: z.enum(['draft', 'published']).default('draft') }), produces: ['text/yaml'], response: responses({ 200: z.string() }, [400, 403, 404]) } },
    async (req, reply) => {
      const text = await exportYaml(deps, actorOf(req), req.params.kind, req.query.which);
      reply.header('content-type', 'text/yaml; charset=utf-8');
      return text;
    },
  );
  app.post(
    '/api/approval-routes/:kind/publish',
    { config: { ability: 'approval.manageRoutes' }, schema: { tags, summary: 'Publish the draft as the next version (requests in flight stay on theirs)', params: kindParams, response: responses({ 200: routeSchema }, [400, 403, 404, 409, 422]) } },
    async (req) => publishDraft(deps, actorOf(req), req.params.kind),
  );
  app.get(
    '/api/approval-routes/:kind/preview',
    { schema: { tags, summary: 'Which branch and approvers the last 50 requests would get under the draft', params: kindParams, response: responses({ 200: previewSchema }, [400, 403, 404]) } },
    async (req) => previewDraft(deps, actorOf(req), req.params.kind),
  );
  app.post(
    '/api/approval-routes/:kind/migrate',
    {
      config: { ability: 'approval.migrate' },
      schema: {
        tags,
        summary: 'Move selected pending requests to the version in force (approvals kept where the step still exists; audited)',
        params: kindParams,
        body: migrateBody,
        response: responses({ 200: z.object({ items: z.array(z.object({ id: z.string(), fromVersion: z.number().int(), toVersion: z.number().int(), kept: z.array(z.string()) })) }) }, [400, 403, 404, 422]),
      },
    },
    async (req) => migrateRequests(deps, actorOf(req), req.params.kind, req.body.ids),
  );

  app.get('/api/approval-delegations', { schema: { tags, summary: 'Delegations I gave or received', response: responses({ 200: z.object({ items: z.array(delegationSchema) }) }) } }, async (req) =>
    listDelegations(deps, actorOf(req)),
  );
  app.post(
    '/api/approval-delegations',
    { schema: { tags, summary: 'Let someone decide my approvals between two dates (inclusive)', body: delegationBody, response: responses({ 201: delegationSchema }, [400, 409]) } },
    async (req, reply) => {
      reply.code(201);
      return createDelegation(deps, actorOf(req), req.body);
    },
  );
  app.post(
    '/api/approval-delegations/:id/revoke',
    { schema: { tags, summary: 'End a delegation now; pending items return to the approver', params: idParams, response: responses({ 200: delegationSchema }, [400, 404]) } },
    async (req) => revokeDelegation(deps, actorOf(req), req.params.id),
  );
}
