import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { pageOf, responses } from '../../core/contract.js';
import { REASON_MESSAGES } from '../../../shared/messages.js';
import { contentDisposition } from '../files/types.js';
import { openContent } from '../files/store.js';
import { BEACON_JS, createdLinkSchema, materialLinkDetailSchema, materialLinkSchema, messagePage, viewerPage } from './presenter.js';
import { beaconBody, materialLinkBody, materialLinkQuery, tokenParams } from './schema.js';
import * as service from './service.js';

export async function materialRoutes(app: App, deps: Deps) {
  const tags = ['materials'];
  app.post(
    '/api/material-links',
    { config: { ability: 'material.share' }, schema: { tags, summary: 'Share an attachment or a URL as a tracked link (expires; opened without a login; every open is recorded)', body: materialLinkBody, response: responses({ 201: createdLinkSchema }, [400, 403, 404]) } },
    async (req, reply) => {
      const link = await service.createLink(deps, actorOf(req), req.body);
      reply.code(201);
      return link;
    },
  );
  app.get(
    '/api/material-links',
    { schema: { tags, summary: 'Tracked links of a customer or an activity with their opens ("客户已打开方案 2 次，最近 12-03 10:14")', querystring: materialLinkQuery, response: responses({ 200: pageOf(materialLinkSchema) }, [400, 404]) } },
    async (req) => service.listLinks(deps, actorOf(req), req.query),
  );
  app.get(
    '/api/material-links/:id',
    { schema: { tags, summary: 'One tracked link with each open (time, device, approximate time on page)', params: idParams, response: responses({ 200: materialLinkDetailSchema }, [400, 404]) } },
    async (req) => service.presentLinkDetail(deps, actorOf(req), req.params.id),
  );
  app.post(
    '/api/material-links/:id/revoke',
    { schema: { tags, summary: 'Revoke a link: it stops opening at once', params: idParams, response: responses({ 200: materialLinkDetailSchema }, [400, 403, 404]) } },
    async (req) => service.revokeLink(deps, actorOf(req), req.params.id),
  );

  // The customer's side: outside /api (no session, no CSRF token), answered as HTML pages under the web app's CSP.
  const html = (reply: import('fastify').FastifyReply, status: number, body: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(body);
  const gone = REASON_MESSAGES.material_link_gone;
  const busy = REASON_MESSAGES.material_link_busy;

  app.get('/m/beacon.js', { schema: { hide: true } }, async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(BEACON_JS));

  app.post('/m/beacon', { schema: { hide: true }, bodyLimit: 1024 }, async (req, reply) => {
    let parsed: unknown = req.body;
    if (typeof parsed === 'string') {
      try {
        parsed = JSON.parse(parsed);
      } catch {
        parsed = null;
      }
    }
    const body = beaconBody.safeParse(parsed);
    if (body.success) await service.recordBeacon(deps, body.data.b, body.data.ms);
    return reply.code(204).send();
  });

  app.get('/m/:token', { schema: { hide: true } }, async (req, reply) => {
    const params = tokenParams.safeParse(req.params);
    const opened = params.success ? await service.openLink(deps, params.data.token, req.headers['user-agent']) : null;
    if (!opened) return html(reply, 404, messagePage('链接无效', 'This link is not valid'));
    if (opened.kind === 'gone') return html(reply, 410, messagePage(gone.zh, gone.en));
    if (opened.kind === 'busy') return html(reply, 429, messagePage(busy.zh, busy.en));
    if (opened.url) return reply.code(302).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(opened.url);
    return html(reply, 200, viewerPage(opened));
  });

  app.get('/m/:token/file', { schema: { hide: true } }, async (req, reply) => {
    const params = tokenParams.safeParse(req.params);
    const file = params.success ? await service.linkedFile(deps, params.data.token) : null;
    if (!file) return html(reply, 410, messagePage(gone.zh, gone.en));
    const inline = file.mime.startsWith('image/') || file.mime === 'application/pdf';
    return reply
      .type(file.mime)
      .header('content-length', file.size)
      .header('content-disposition', contentDisposition(file.filename, inline ? 'inline' : 'attachment'))
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      // Runs nothing; may be framed only by the link's own page.
      .header('content-security-policy', "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'")
      .header('x-content-type-options', 'nosniff')
      .send(openContent(deps.config.filesDir, file.sha256));
  });
}
