import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { actorOf, idParams, langOf, type App, type Deps } from '../../core/http.js';
import { responses } from '../../core/contract.js';
import { contentDisposition } from '../files/types.js';
import { importSchema, presetSchema, stagedRowSchema, uploadSchema } from './presenter.js';
import { commitBody, dryRunBody, errorFileQuery, importListQuery, presetBody, presetListQuery, rowListQuery } from './schema.js';
import * as service from './service.js';
import { undoSchema } from './presenter.js';

export async function importRoutes(app: App, deps: Deps) {
  const tags = ['imports'];

  app.post(
    '/api/imports',
    {
      config: { ability: 'import.run' },
      schema: {
        tags,
        summary: 'Upload a file of customers, deals or activities (multipart field `kind`; .xlsx, .csv UTF-8 or GBK/GB18030) for a staged import: answers the preview, the detected format and a suggested mapping',
        consumes: ['multipart/form-data'],
        multipart: {
          type: 'object',
          required: ['file'],
          properties: {
            format: { type: 'string', enum: ['xlsx', 'csv'], description: 'Override the detected format' },
            encoding: { type: 'string', enum: ['utf8', 'gb18030'], description: 'Override the detected CSV encoding' },
            file: { type: 'string', format: 'binary', description: 'The file; send it as the last part' },
          },
        },
        response: responses({ 201: uploadSchema }, [400, 403, 413, 415]),
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'upload_multipart', { fields: [{ field: 'body', code: 'multipart_required' }] });
      const created = await service.uploadImport(deps, actorOf(req), req.parts({ limits: { fileSize: deps.config.maxImportBytes } }) as AsyncIterable<service.UploadPart>);
      reply.code(201);
      return created;
    },
  );

  app.get('/api/imports', { schema: { tags, summary: 'Import history: mine, or everyone’s for directors and admins', querystring: importListQuery, response: responses({ 200: z.object({ items: z.array(importSchema) }) }, [400, 403]) } }, async (req) =>
    service.listImports(deps, actorOf(req), req.query),
  );
  app.get('/api/imports/:id', { schema: { tags, summary: 'One import: status, progress, counts of the dry run and of the commit', params: idParams, response: responses({ 200: importSchema }, [400, 404]) } }, async (req) =>
    service.getImport(deps, actorOf(req), req.params.id),
  );
  app.post(
    '/api/imports/:id/dry-run',
    { config: { ability: 'import.run' }, schema: { tags, summary: 'Phase 1: validate every row with this mapping and stage a verdict per row; writes no customer', params: idParams, body: dryRunBody, response: responses({ 200: importSchema }, [400, 403, 404, 422]) } },
    async (req) => service.startDryRun(deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/imports/:id/commit',
    { config: { ability: 'import.run' }, schema: { tags, summary: 'Phase 2: apply the staged verdicts in checkpointed batches', params: idParams, body: commitBody, response: responses({ 200: importSchema }, [400, 403, 404, 422]) } },
    async (req) => service.startCommit(deps, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/imports/:id/cancel', { schema: { tags, summary: 'Cancel: a running phase stops after its current batch', params: idParams, response: responses({ 200: importSchema }, [400, 404, 422]) } }, async (req) =>
    service.cancelImport(deps, actorOf(req), req.params.id),
  );
  app.post(
    '/api/imports/:id/undo',
    { schema: { tags, summary: 'Undo within 7 days: delete untouched created records, restore updated fields; changed records are listed as conflicts', params: idParams, response: responses({ 200: z.object({ import: importSchema, undo: undoSchema }) }, [400, 403, 404, 422]) } },
    async (req) => service.undoImport(deps, actorOf(req), req.params.id),
  );
  app.get(
    '/api/imports/:id/rows',
    { schema: { tags, summary: 'The dry-run report: staged rows with verdict and problems (row, column, code, message)', params: idParams, querystring: rowListQuery, response: responses({ 200: z.object({ items: z.array(stagedRowSchema), total: z.number().int() }) }, [400, 404]) } },
    async (req) => service.listRows(deps, actorOf(req), req.params.id, req.query, langOf(req)),
  );
  app.get(
    '/api/imports/:id/errors',
    { schema: { tags, summary: 'Error file: original columns of the rows not written, their row number and an error column (.xlsx or .csv)', params: idParams, querystring: errorFileQuery, produces: ['application/octet-stream'], response: responses({ 200: z.string().describe('The file (binary)') }, [400, 404]) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const name = await service.errorFileName(deps, actor, req.params.id, req.query.format);
      const out = new PassThrough();
      void service.errorFile(deps, actor, req.params.id, req.query.format, langOf(req), out).catch((error: unknown) => out.destroy(error as Error));
      reply
        .type(req.query.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(name, 'attachment'));
      return reply.send(out);
    },
  );

  app.get('/api/import-presets', { schema: { tags, summary: 'Saved column mappings of one kind of import', querystring: presetListQuery, response: responses({ 200: z.object({ items: z.array(presetSchema) }) }, [400, 403]) } }, async (req) =>
    service.listPresets(deps, actorOf(req), req.query.kind),
  );
  app.post('/api/import-presets', { config: { ability: 'import.run' }, schema: { tags, summary: 'Save a mapping under a name (replaces the preset of that name)', body: presetBody, response: responses({ 200: presetSchema }, [400, 403]) } }, async (req) =>
    service.savePreset(deps, actorOf(req), req.body),
  );
  app.delete('/api/import-presets/:id', { schema: { tags, summary: 'Delete a saved mapping', params: idParams, response: responses({ 204: z.null() }, [400, 403, 404]) } }, async (req, reply) => {
    await service.deletePreset(deps, actorOf(req), req.params.id);
    reply.code(204);
    return null;
  });
}
