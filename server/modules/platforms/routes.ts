/** Admin routes of the platform apps, the user's message preference and the sidebar (thin: schema → service). */
import { z } from 'zod';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { okSchema, pageOf, responses } from '../../core/contract.js';
import * as service from './service.js';
import { bindingBody, connectionBody, connectionPatch, contactLinkBody, contactQuery, jsapiQuery, prefBody, syncBody } from './schema.js';
import { bindingSchema, connectionSchema, jsapiConfigSchema, prefSchema, sidebarSchema, syncRunSchema, testResultSchema } from './presenter.js';
import { publicPlatformRoutes } from './routes-public.js';

export async function platformRoutes(app: App, deps: Deps) {
  const tags = ['platforms'];
  const manage = { ability: 'platform.manage' as const };

  app.get('/api/platforms', { schema: { tags, summary: 'WeCom / DingTalk / Feishu app connections 平台应用 (admin); secrets are write-only', response: responses({ 200: pageOf(connectionSchema) }, [403]) } }, async (req) =>
    service.listConnections(deps, actorOf(req)),
  );

  app.post(
    '/api/platforms',
    { config: manage, schema: { tags, summary: 'Connect a platform app: WeCom 自建应用 (corpId, agentId, secret), DingTalk 企业内部应用 (appKey, agentId, secret) or Feishu 自建应用 (appId, secret)', body: connectionBody, response: responses({ 201: connectionSchema }, [400, 403]) } },
    async (req, reply) => {
      const created = await service.createConnection(deps, actorOf(req), req.body);
      reply.code(201);
      return created;
    },
  );

  app.get('/api/platforms/:id', { schema: { tags, summary: 'One connection (admin)', params: idParams, response: responses({ 200: connectionSchema }, [400, 403, 404]) } }, async (req) =>
    service.readConnection(deps, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/platforms/:id',
    { config: manage, schema: { tags, summary: 'Change a connection; given secrets replace the stored ones (null removes), settings are replaced as a whole', params: idParams, body: connectionPatch, response: responses({ 200: connectionSchema }, [400, 403, 404]) } },
    async (req) => service.updateConnection(deps, actorOf(req), req.params.id, req.body),
  );

  app.delete('/api/platforms/:id', { config: manage, schema: { tags, summary: 'Remove a connection with its bindings, cards and token', params: idParams, response: responses({ 200: okSchema }, [400, 403, 404]) } }, async (req) =>
    service.deleteConnection(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/platforms/:id/test',
    { config: manage, schema: { tags, summary: 'Check the credentials 测试: fetch a fresh access token and report the platform’s answer', params: idParams, response: responses({ 200: testResultSchema }, [400, 403, 404]) } },
    async (req) => service.testConnection(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/platforms/:id/sync',
    { config: manage, schema: { tags, summary: 'Contact sync 通讯录同步: departments → teams, members → users; dryRun (default) only plans; overwrite replaces values changed by hand', params: idParams, body: syncBody, response: responses({ 200: syncRunSchema }, [400, 403, 404]) } },
    async (req) => service.syncNow(deps, actorOf(req), req.params.id, req.body),
  );

  app.get('/api/platforms/:id/sync-runs', { schema: { tags, summary: 'Recent contact-sync runs (admin)', params: idParams, response: responses({ 200: pageOf(syncRunSchema) }, [400, 403, 404]) } }, async (req) =>
    service.listRuns(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/platforms/:id/bindings',
    { config: manage, schema: { tags, summary: 'Bind a platform member id to a user by hand (admin)', params: idParams, body: bindingBody, response: responses({ 200: bindingSchema }, [400, 403, 404]) } },
    async (req) => service.bindUser(deps, actorOf(req), req.params.id, req.body),
  );

  app.get('/api/me/platform-messages', { schema: { tags, summary: 'My personal platform messages: preference and bound accounts', response: responses({ 200: prefSchema }) } }, async (req) =>
    service.myPreference(deps, actorOf(req)),
  );

  app.put(
    '/api/me/platform-messages',
    { schema: { tags, summary: 'Set my preference: default (the connection’s), off, also (with group robots) or instead (of group robots)', body: prefBody, response: responses({ 200: prefSchema }, [400]) } },
    async (req) => service.setMyPreference(deps, actorOf(req), req.body.mode),
  );

  app.get(
    '/api/platforms/:id/jsapi-config',
    { schema: { tags, summary: 'WeCom JS-SDK signatures (wx.config, wx.agentConfig) for a page URL, so the sidebar can ask the client for the current external contact', params: idParams, querystring: jsapiQuery, response: responses({ 200: jsapiConfigSchema }, [400, 404, 422, 429]) } },
    async (req) => service.jsapiConfig(deps, req.params.id, req.query.url),
  );

  app.get(
    '/api/platforms/sidebar',
    { schema: { tags, summary: 'Sidebar / workbench: the customer of an external contact (or by id) in my scope, my team and store', querystring: contactQuery, response: responses({ 200: sidebarSchema }, [400, 404]) } },
    async (req) => service.sidebar(deps, actorOf(req), req.query),
  );

  app.post(
    '/api/platforms/sidebar/link',
    { schema: { tags, summary: 'Link an external contact id to a customer in my scope', body: contactLinkBody, response: responses({ 200: sidebarSchema }, [400, 403, 404]) } },
    async (req) => service.linkContact(deps, actorOf(req), req.body),
  );

  await publicPlatformRoutes(app, deps);
  void z;
}
