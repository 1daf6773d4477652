import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { taskBody, taskListQuery, taskPatch } from './schema.js';
import * as service from './service.js';
import { pageOf, responses } from '../../core/contract.js';
import { taskSchema } from './presenter.js';

export async function taskRoutes(app: App, deps: Deps) {
  const tags = ['tasks'];

  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks in my scope; view today|overdue|upcoming (open tasks, org time-zone days) or all; assigneeId=me for my tasks',
        querystring: taskListQuery,
        response: responses({ 200: pageOf(taskSchema) }, [400]),
      },
    },
    async (req) => service.listTasks(deps, actorOf(req), req.query),
  );

  app.post('/api/tasks', { schema: { tags, summary: 'Create a task; assignee defaults to me', body: taskBody, response: responses({ 201: taskSchema }, [400, 403, 404]) } }, async (req, reply) => {
    const created = await service.createTask(deps, actorOf(req), req.body);
    reply.code(201);
    return created;
  });

  app.get('/api/tasks/:id', { schema: { tags, summary: 'One task', params: idParams, response: responses({ 200: taskSchema }, [400, 404]) } }, async (req) => service.getTask(deps, actorOf(req), req.params.id));

  app.patch(
    '/api/tasks/:id',
    // Retry-safe (the offline queue sends a completion made without a connection with its key).
    { config: { idempotent: true }, schema: { tags, summary: 'Change a task; status done completes it (task.completed), open reopens it', params: idParams, body: taskPatch, response: responses({ 200: taskSchema }, [400, 403, 404, 422]) } },
    async (req) => service.updateTask(deps, actorOf(req), req.params.id, req.body),
  );
}
