import { z } from 'zod';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { inboxQuery, outboxQuery } from './schema.js';
import * as service from './service.js';
import { responses } from '../../core/contract.js';
import { inboxSchema, notificationSchema, outboxItemSchema } from './presenter.js';

/** In-app inbox and the outbox admin views (channel configuration is the channels module's). */
export async function notificationRoutes(app: App, deps: Deps) {
  const tags = ['notifications'];
  /** These actions take no input; a body, if sent, must still be a JSON object. */
  const noBody = z.strictObject({}).nullish();

  app.get(
    '/api/notifications',
    { schema: { tags, summary: 'My inbox 通知 (newest first): {items,total,unread}; unread=true lists only unread', querystring: inboxQuery, response: responses({ 200: inboxSchema }, [400]) } },
    async (req) => service.listInbox(deps, actorOf(req), req.query),
  );

  app.post('/api/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read 全部已读', body: noBody, response: responses({ 200: z.object({ updated: z.number().int(), unread: z.number().int() }) }, [400]) } }, async (req) =>
    service.markAllRead(deps, actorOf(req)),
  );

  app.post('/api/notifications/:id/read', { schema: { tags, summary: 'Mark one of my notifications read 标为已读', params: idParams, body: noBody, response: responses({ 200: notificationSchema }, [400, 404]) } }, async (req) =>
    service.markRead(deps, actorOf(req), req.params.id),
  );

  app.get(
    '/api/outbox',
    {
      config: { ability: 'outbox.manage' },
      schema: {
        tags: ['outbox'],
        summary: 'Outbox messages 发送队列 (admin); status=dead is the dead-letter list 死信 with each channel’s last error',
        querystring: outboxQuery,
        response: responses({ 200: z.object({ items: z.array(outboxItemSchema), total: z.number().int() }) }, [400, 403]),
      },
    },
    async (req) => {
      return service.listOutbox(deps, actorOf(req), req.query);
    },
  );

  app.post(
    '/api/outbox/:id/retry',
    { config: { ability: 'outbox.manage' }, schema: { tags: ['outbox'], summary: 'Retry a dead or pending message now 重试 (admin)', params: idParams, body: noBody, response: responses({ 200: outboxItemSchema }, [400, 403, 404, 422]) } },
    async (req) => {
      const actor = actorOf(req);
      return service.retryOutbox(deps, actor, req.params.id);
    },
  );

}
