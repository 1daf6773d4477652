import { actorOf, idParams, langOf, type App, type Deps } from '../../core/http.js';
import { localizeYamlErrors } from './yaml.js';
import { YAML_CONSUMES, YAML_TYPES } from '../../core/security.js';
import { z } from 'zod';
import { okSchema, pageOf, responses } from '../../core/contract.js';
import { deletePipeline, setArchived } from './archive.js';
import { importResultSchema, pipelineDefinitionOut, pipelineSchema, pipelineTemplateSchema, presentPipeline, yamlValidation } from './presenter.js';
import { copyBody, installBody, pipelineDefinitionSchema, pipelineListQuery, yamlBody, yamlText } from './schema.js';
import {
  copyPipeline,
  exportPipelineYaml,
  getPipeline,
  importPipelineYaml,
  listPipelines,
  installTemplate,
  listTemplates,
  updatePipeline,
  validatePipelineYaml,
} from './service.js';


export async function pipelineRoutes(app: App, deps: Deps) {
  const { db, clock } = deps;
  const tags = ['pipelines'];
  // YAML bodies arrive as plain strings; the routes' schemas accept a string or { yaml }.
  for (const type of YAML_TYPES) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }

  app.get('/api/pipelines', { schema: { tags, summary: 'Pipelines with their stages (readable by everyone)', querystring: pipelineListQuery, response: responses({ 200: pageOf(pipelineSchema) }, [400]) } }, async (req) => {
    actorOf(req);
    const rows = await listPipelines(db, { includeArchived: req.query.includeArchived === 'true' });
    return { items: rows.map((r) => presentPipeline(r)), total: rows.length };
  });

  app.get('/api/pipeline-templates', { schema: { tags, summary: 'The shipped industry templates (YAML files under templates/pipelines)', response: responses({ 200: pageOf(pipelineTemplateSchema) }) } }, async (req) => {
    actorOf(req);
    const items = listTemplates();
    return { items, total: items.length };
  });

  app.get('/api/pipelines/:id', { schema: { tags, summary: 'One pipeline (by id or key) with its full definition', params: idParams, response: responses({ 200: pipelineSchema }, [400, 404]) } }, async (req) => {
    actorOf(req);
    return presentPipeline(await getPipeline(db, req.params.id), { definition: true });
  });

  app.get('/api/pipelines/:id/export', { schema: { tags, summary: 'The pipeline definition as YAML (round-trips through import)', params: idParams, produces: ['text/yaml'], response: responses({ 200: z.string().describe('The YAML document') }, [400, 404]) } }, async (req, reply) => {
    actorOf(req);
    const text = await exportPipelineYaml(db, req.params.id);
    const row = await getPipeline(db, req.params.id);
    reply.header('content-type', 'text/yaml; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${row.key}.yaml"`);
    return text;
  });

  app.post(
    '/api/pipelines/validate',
    { schema: { tags, summary: 'Validate a pipeline YAML document; answers { ok, errors: [{ line, column, path, message }] }', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: yamlValidation(pipelineDefinitionOut) }, [400]) } },
    async (req) => {
      actorOf(req);
      const result = validatePipelineYaml(yamlText(req.body));
      return result.ok ? { ok: true, errors: [], definition: result.definition } : { ok: false, errors: localizeYamlErrors(result.errors, langOf(req)) };
    },
  );

  app.post(
    '/api/pipelines/import',
    { config: { ability: 'pipeline.manage' }, schema: { tags, summary: 'Create or update (by key) a pipeline from YAML (admin); invalid YAML → 422 YAML_INVALID with line-precise errors', body: yamlBody, consumes: YAML_CONSUMES, response: responses({ 200: importResultSchema, 201: importResultSchema }, [400, 403, 422]) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const result = await importPipelineYaml(db, clock, actor, yamlText(req.body));
      reply.code(result.created ? 201 : 200);
      return result;
    },
  );

  app.post('/api/pipelines/install', { config: { ability: 'pipeline.manage' }, schema: { tags, summary: 'Install a shipped template as a new pipeline (admin)', body: installBody, response: responses({ 201: pipelineSchema }, [400, 403, 409]) } }, async (req, reply) => {
    const actor = actorOf(req);
    const { id } = await installTemplate(db, clock, actor, req.body.template, { key: req.body.key, name: req.body.name });
    reply.code(201);
    return presentPipeline(await getPipeline(db, id), { definition: true });
  });

  app.post('/api/pipelines/:id/copy', { config: { ability: 'pipeline.manage' }, schema: { tags, summary: 'Copy a pipeline under a new key and name (admin)', params: idParams, body: copyBody, response: responses({ 201: pipelineSchema }, [400, 403, 404, 409]) } }, async (req, reply) => {
    const actor = actorOf(req);
    const { id } = await copyPipeline(db, clock, actor, req.params.id, req.body);
    reply.code(201);
    return presentPipeline(await getPipeline(db, id), { definition: true });
  });

  app.put(
    '/api/pipelines/:id',
    {
      config: { ability: 'pipeline.manage' },
      schema: {
        tags,
        summary: 'Replace the definition: rename, add, remove, reorder stages, edit gates (admin). Removing a stage that holds deals → 422',
        params: idParams,
        body: pipelineDefinitionSchema,
        response: responses({ 200: pipelineSchema }, [400, 403, 404, 409, 422]),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return updatePipeline(db, clock, actor, req.params.id, req.body);
    },
  );

  app.post(
    '/api/pipelines/:id/archive',
    { config: { ability: 'pipeline.manage' }, schema: { tags, summary: 'Archive a pipeline (admin): hidden from new deals, existing deals unaffected', params: idParams, response: responses({ 200: pipelineSchema }, [400, 403, 404]) } },
    async (req) => setArchived(db, clock, actorOf(req), req.params.id, true),
  );
  app.post(
    '/api/pipelines/:id/unarchive',
    { config: { ability: 'pipeline.manage' }, schema: { tags, summary: 'Bring an archived pipeline back (admin)', params: idParams, response: responses({ 200: pipelineSchema }, [400, 403, 404]) } },
    async (req) => setArchived(db, clock, actorOf(req), req.params.id, false),
  );
  app.delete(
    '/api/pipelines/:id',
    { config: { ability: 'pipeline.manage' }, schema: { tags, summary: 'Delete a pipeline no deal uses (admin); 409 when deals use it (archive it instead)', params: idParams, response: responses({ 200: okSchema }, [400, 403, 404, 409]) } },
    async (req) => {
      await deletePipeline(db, clock, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
