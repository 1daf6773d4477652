import { actorOf, type App, type Deps } from '../../core/http.js';
import { digestsQuery, previewResponse, settingsBody, settingsResponse, teamQuery, unitsResponse } from './schema.js';
import { digestUnits, generateDigestNow, previewDigest } from './now.js';
import { z } from 'zod';
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
      schema: {
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
}
