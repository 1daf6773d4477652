import { AppError } from '../../core/errors.js';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { attachmentListQuery } from './schema.js';
import * as service from './service.js';
import { contentDisposition } from './types.js';
import { z } from 'zod';
import { pageOf, responses } from '../../core/contract.js';
import { attachmentSchema } from './presenter.js';
import { ATTACHMENT_ENTITIES } from './schema.js';

export async function attachmentRoutes(app: App, deps: Deps) {
  const tags = ['attachments'];

  app.post(
    '/api/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a file (multipart/form-data: entity customer|deal|activity, entityId, kind default other, then file)',
        description:
          'Accepted: pdf, png, jpeg, gif, webp, docx, xlsx, pptx, txt, csv (content must match the extension). ' +
          'Too large → 413 PAYLOAD_TOO_LARGE; other types → 415 UNSUPPORTED_MEDIA_TYPE; record outside your scope → 404.',
        consumes: ['multipart/form-data'],
        multipart: {
          type: 'object',
          required: ['entity', 'entityId', 'file'],
          properties: {
            entity: { type: 'string', enum: [...ATTACHMENT_ENTITIES] },
            entityId: { type: 'string' },
            kind: { type: 'string', default: 'other', description: 'Evidence kind of a stage gate, or other' },
            file: { type: 'string', format: 'binary', description: 'The file; send it as the last part' },
          },
        },
        response: responses({ 201: attachmentSchema }, [400, 404, 413, 415]),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'upload_multipart', { fields: [{ field: 'body', code: 'multipart_required' }] });
      }
      const created = await service.uploadAttachment(deps, actor, req.parts() as AsyncIterable<service.UploadPart>);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/api/attachments',
    { schema: { tags, summary: 'Attachments of one customer, deal or activity in my scope, newest first', querystring: attachmentListQuery, response: responses({ 200: pageOf(attachmentSchema) }, [400, 404]) } },
    async (req) => service.listAttachments(deps.db, actorOf(req), req.query.entity, req.query.entityId),
  );

  app.get(
    '/api/attachments/:id/content',
    { schema: { tags, summary: 'Download the file (only if my scope covers the owning record)', params: idParams, produces: ['application/octet-stream'], response: responses({ 200: z.string().describe('The file content (binary)') }, [400, 404]) } },
    async (req, reply) => {
      const { attachment, stream } = await service.openAttachment(deps, actorOf(req), req.params.id);
      const inline = attachment.mime.startsWith('image/') || attachment.mime === 'application/pdf';
      reply
        .type(attachment.mime)
        .header('content-length', attachment.size)
        .header('content-disposition', contentDisposition(attachment.filename, inline ? 'inline' : 'attachment'))
        .header('cache-control', 'private, max-age=3600')
        // Served files run nothing: no scripts, no plugins, no same-origin access, even if opened directly.
        .header('content-security-policy', "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox")
        .header('x-content-type-options', 'nosniff');
      return reply.send(stream);
    },
  );
}
