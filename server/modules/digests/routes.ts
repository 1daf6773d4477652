import { actorOf, type App, type Deps } from '../../core/http.js';
import { z } from 'zod';
import { idParams } from '../../core/http.js';
import { digestsQuery, previewResponse, previewSchema, settingsBody, settingsResponse, subscriptionBody, subscriptionPatch, subscriptionSchema, teamQuery, unitsResponse } from './schema.js';
import { createSubscription, deleteSubscription, listSubscriptions, previewSubscription, subscriptionRobots, updateSubscription } from './subscriptions.js';
import { digestUnits, generateDigestNow, previewDigest } from './now.js';
import { getSettings, listDigestsFor, updateSettings } from './service.js';
import { responses } from '../../core/contract.js';
import { digestListSchema } from './presenter.js';

export async function digestRoutes(app: App, deps: Deps) {
  const tags = ['digests'];

  app.get(
    '/api/digests/settings',
    { schema: { tags, summary: 'Daily digest settings 日清报表设置 of a store/team: cron (org time zone), enabled, robots', querystring: teamQuery, response: responses({ 200: settingsResponse }, [400, 404]) } },
    async (req) => getSettings(deps, actorOf(req), req.query.team),
  );

  app.put(
    '/api/digests/settings',
    {
      config: { ability: 'digest.configure' }, schema: {
        tags,
        summary: 'Change a store/team daily digest: cron such as "0 18 * * *", enabled, robot channel ids (null = the team\'s robots); admin, director, regional manager or lead',
        querystring: teamQuery,
        body: settingsBody,
        response: responses({ 200: settingsResponse }, [400, 403, 404]),
      },
    },
    async (req) => updateSettings(deps, actorOf(req), req.query.team, req.body),
  );

  app.get(
    '/api/digests/units',
    { schema: { tags, summary: 'Teams, stores and region roll-ups whose digest I may read, and my default (my own team or region)', response: responses({ 200: unitsResponse }) } },
    async (req) => digestUnits(deps.db, actorOf(req)),
  );

  app.get(
    '/api/digests/preview',
    { schema: { tags, summary: "Today's digest of a team, store or region roll-up computed now (not stored, not sent)", querystring: teamQuery, response: responses({ 200: previewResponse }, [400, 404]) } },
    async (req) => previewDigest(deps, actorOf(req), req.query.team),
  );

  app.post(
    '/api/digests/generate',
    {
      schema: {
        tags,
        summary: 'Generate and send the digest now (stored under the current minute; 409 if already generated this minute); managers',
        querystring: teamQuery,
        response: responses({ 201: z.object({ team: z.object({ id: z.string(), name: z.string() }), date: z.string(), slot: z.string() }) }, [400, 403, 404, 409]),
      },
    },
    async (req, reply) => {
      const out = await generateDigestNow(deps, actorOf(req), req.query.team);
      reply.code(201);
      return out;
    },
  );

  app.get(
    '/api/digests',
    { schema: { tags, summary: 'Daily digests 顾问日清 of a store/team as sent (content, robot markdown, sent/late, robot deliveries); by local date or the latest 30', querystring: digestsQuery, response: responses({ 200: digestListSchema }, [400, 404]) } },
    async (req) => listDigestsFor(deps.db, actorOf(req), req.query.team, req.query.date),
  );

  const subTags = ['digests'];
  app.get(
    '/api/dashboard-subscriptions',
    { schema: { tags: subTags, summary: 'Dashboard subscriptions 仪表盘订阅: your own (admins: all)', response: responses({ 200: z.object({ items: z.array(subscriptionSchema) }) }, [403]) } },
    async (req) => listSubscriptions(deps, actorOf(req)),
  );
  app.get(
    '/api/dashboard-subscriptions/robots',
    { schema: { tags: subTags, summary: 'Group robots you may push your dashboard to (your team, its subtree and parents)', response: responses({ 200: z.object({ items: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string() })) }) }, [403]) } },
    async (req) => subscriptionRobots(deps, actorOf(req)),
  );
  app.post(
    '/api/dashboard-subscriptions',
    {
      config: { ability: 'digest.configure' },
      schema: {
        tags: subTags,
        summary: 'Push dashboard metrics to group robots on a cron (org time zone; default weekly Monday 09:00), counted in your scope; managers',
        body: subscriptionBody,
        response: responses({ 201: subscriptionSchema }, [400, 403]),
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createSubscription(deps, actorOf(req), req.body);
    },
  );
  app.patch(
    '/api/dashboard-subscriptions/:id',
    { config: { ability: 'digest.configure' }, schema: { tags: subTags, summary: 'Change a dashboard subscription', params: idParams, body: subscriptionPatch, response: responses({ 200: subscriptionSchema }, [400, 403, 404]) } },
    async (req) => updateSubscription(deps, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/dashboard-subscriptions/:id',
    { schema: { tags: subTags, summary: 'Delete a dashboard subscription', params: idParams, response: responses({ 204: z.null() }, [400, 403, 404]) } },
    async (req, reply) => {
      await deleteSubscription(deps, actorOf(req), req.params.id);
      reply.code(204);
    },
  );
  app.post(
    '/api/dashboard-subscriptions/:id/preview',
    { schema: { tags: subTags, summary: 'The robot message the next push would send now (nothing is sent)', params: idParams, response: responses({ 200: previewSchema }, [400, 403, 404]) } },
    async (req) => previewSubscription(deps, actorOf(req), req.params.id),
  );
}
