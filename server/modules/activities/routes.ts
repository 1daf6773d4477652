import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { activityChecklist, getChecklist, getEffectiveRule, putChecklist, putEffectiveRule } from './checklists.js';
import { activityBody, activityListQuery, checklistBody, effectiveRuleBody, tagBody, tagKeyParams, tagListQuery, typeParams } from './schema.js';
import { listTagDefs, putTagDef } from './tags.js';
import { z } from 'zod';
import * as service from './service.js';
import { countedPageOf, responses } from '../../core/contract.js';
import { activitySchema, activityTagSchema, checklistConfigSchema, effectRuleSchema, loggedActivitySchema, storedChecklistAnswersSchema } from './presenter.js';

export async function activityRoutes(app: App, deps: Deps) {
  const tags = ['activities'];

  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Activities in my scope, newest first; filters customerId, dealId, ownerId, type, from/to (occurredAt, to exclusive)',
        querystring: activityListQuery,
        response: responses({ 200: countedPageOf(activitySchema) }, [400]),
      },
    },
    async (req) => service.listActivities(deps, actorOf(req), req.query),
  );

  app.post(
    '/api/activities',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Log an activity (quick-log needs customerId, summary and optionally nextAction + nextActionAt, which creates a task)',
        body: activityBody,
        response: responses({ 201: loggedActivitySchema }, [400, 404, 409, 422]),
      },
    },
    async (req, reply) => {
      const created = await service.logActivity(deps, actorOf(req), req.body);
      reply.code(201);
      return created;
    },
  );

  app.get('/api/activities/:id', { schema: { tags, summary: 'One activity', params: idParams, response: responses({ 200: activitySchema }, [400, 404]) } }, async (req) =>
    service.getActivityInScope(deps.db, actorOf(req), req.params.id),
  );

  app.get(
    '/api/activity-types/:type/checklist',
    { schema: { tags, summary: '动作锁 The checklist an activity type requires (mode off | require | count)', params: typeParams, response: responses({ 200: checklistConfigSchema }, [400]) } },
    async (req) => {
      actorOf(req);
      return getChecklist(deps.db, req.params.type);
    },
  );

  app.put(
    '/api/activity-types/:type/checklist',
    { config: { ability: 'activity.configure' }, schema: { tags, summary: 'Set the checklist of an activity type (admin)', params: typeParams, body: checklistBody, response: responses({ 200: checklistConfigSchema }, [400, 403]) } },
    async (req) => {
      const actor = actorOf(req);
      return deps.db.transaction().execute((trx) => putChecklist(trx, deps.clock, actor, req.params.type, req.body));
    },
  );

  app.get('/api/activity-settings/effective-rule', { schema: { tags, summary: 'Which effects make an activity effective (有效互动)', response: responses({ 200: effectRuleSchema }) } }, async (req) => {
    actorOf(req);
    return getEffectiveRule(deps.db);
  });

  app.put(
    '/api/activity-settings/effective-rule',
    { config: { ability: 'activity.configure' }, schema: { tags, summary: 'Set which effects count as effective (admin)', body: effectiveRuleBody, response: responses({ 200: effectRuleSchema }, [400, 403]) } },
    async (req) => {
      const actor = actorOf(req);
      return deps.db.transaction().execute((trx) => putEffectiveRule(trx, deps.clock, actor, req.body));
    },
  );

  app.get('/api/activities/:id/checklist', { schema: { tags, summary: 'The checklist answers given with an activity (null if none)', params: idParams, response: responses({ 200: storedChecklistAnswersSchema }, [400, 404]) } }, async (req) => {
    await service.getActivityInScope(deps.db, actorOf(req), req.params.id);
    return { checklist: await activityChecklist(deps.db, req.params.id) };
  });

  app.get(
    '/api/activity-tags',
    { schema: { tags, summary: '动作标签 The action vocabulary activities may carry (all=true: also inactive ones)', querystring: tagListQuery, response: responses({ 200: z.object({ items: z.array(activityTagSchema) }) }, [400]) } },
    async (req) => {
      actorOf(req);
      return { items: await listTagDefs(deps.db, { includeInactive: req.query.all === 'true' }) };
    },
  );

  app.put(
    '/api/activity-tags/:key',
    { config: { ability: 'activity.configure' }, schema: { tags, summary: 'Create or change an action tag (admin; deactivate instead of deleting)', params: tagKeyParams, body: tagBody, response: responses({ 200: activityTagSchema }, [400, 403]) } },
    async (req) => {
      const actor = actorOf(req);
      return deps.db.transaction().execute((trx) => putTagDef(trx, deps.clock, actor, req.params.key, req.body));
    },
  );
}
