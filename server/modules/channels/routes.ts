import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { channelBody, channelPatch, channelTestBody } from './schema.js';
import * as service from './service.js';
import { pageOf, responses } from '../../core/contract.js';
import { channelSchema, channelTestResultSchema } from './presenter.js';


/** Admin configuration of delivery channels; registered by the notifications module. */
export async function channelRoutes(app: App, deps: Deps) {
  const tags = ['channels'];

  app.get('/api/channels', { schema: { tags, summary: 'Delivery channels 通知通道 (admin); secrets are never returned, only secretSet/secretFields', response: responses({ 200: pageOf(channelSchema) }, [403]) } }, async (req) => {
    return service.listChannels(deps, actorOf(req));
  });

  app.post(
    '/api/channels',
    {
      config: { ability: 'channel.manage' },
      schema: {
        tags,
        summary: 'Add a channel: WeCom/DingTalk/Feishu robot of a team (secrets.webhookUrl, secrets.secret), SMTP e-mail or SMS (admin)',
        body: channelBody,
        response: responses({ 201: channelSchema }, [400, 403]),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const created = await service.createChannel(deps, actor, req.body);
      reply.code(201);
      return created;
    },
  );

  app.get('/api/channels/:id', { schema: { tags, summary: 'One channel (admin; secrets write-only)', params: idParams, response: responses({ 200: channelSchema }, [400, 403, 404]) } }, async (req) => {
    return service.readChannel(deps, actorOf(req), req.params.id);
  });

  app.patch(
    '/api/channels/:id',
    { config: { ability: 'channel.manage' }, schema: { tags, summary: 'Change a channel; secrets given are replaced (null removes), others kept (admin)', params: idParams, body: channelPatch, response: responses({ 200: channelSchema }, [400, 403, 404]) } },
    async (req) => {
      const actor = actorOf(req);
      return service.updateChannel(deps, actor, req.params.id, req.body);
    },
  );

  app.post(
    '/api/channels/:id/test',
    {
      config: { ability: 'channel.manage' },
      schema: {
        tags,
        summary: 'Send a test message 发送测试消息 now through the real channel and report its answer {ok,status,response,error} (admin)',
        params: idParams,
        body: channelTestBody,
        response: responses({ 200: channelTestResultSchema }, [400, 403, 404, 429]),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return service.testChannel(deps, actor, req.params.id, req.body ?? undefined);
    },
  );
}
