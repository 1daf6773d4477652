import { responses } from '../../core/contract.js';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { approvalAdminRoutes } from './admin-routes.js';
import { approvalPageSchema, approvalSchema } from './presenter.js';
import { decisionBody, listQuery, resubmitBody, submitBody, withdrawBody } from './schema.js';
import { decideApproval, getApproval, listApprovals, resubmitApproval, submitApproval, withdrawApproval } from './service.js';

export async function approvalRoutes(app: App, deps: Deps) {
  const tags = ['approvals'];

  app.post(
    '/api/approvals',
    {
      config: { ability: 'approval.request' },
      schema: {
        tags,
        summary: 'Request an approval 提交审批 (e.g. a quote) on a deal: answers the request with its resolved steps and the route version it is pinned to',
        body: submitBody,
        response: responses({ 201: approvalSchema }, [400, 403, 404, 409, 422]),
      },
    },
    async (req, reply) => {
      reply.code(201);
      return submitApproval(deps, actorOf(req), req.body);
    },
  );

  app.get(
    '/api/approvals',
    {
      schema: {
        tags,
        summary: 'Approval requests in my scope or waiting for me (`assignee=me`: pending on a step where I, or someone I act for, decide)',
        querystring: listQuery,
        response: responses({ 200: approvalPageSchema }, [400]),
      },
    },
    async (req) => listApprovals(deps, actorOf(req), req.query),
  );

  app.get(
    '/api/approvals/:id',
    { schema: { tags, summary: 'One approval request with its values, envelope, steps and full trail', params: idParams, response: responses({ 200: approvalSchema }, [400, 404]) } },
    async (req) => getApproval(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/approvals/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject the current step (a comment is required to reject); a decision that lost a race answers 409',
        params: idParams,
        body: decisionBody,
        response: responses({ 200: approvalSchema }, [400, 403, 404, 409]),
      },
    },
    async (req) => decideApproval(deps, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/approvals/:id/withdraw',
    { schema: { tags, summary: 'Withdraw my request before the first decision', params: idParams, body: withdrawBody, response: responses({ 200: approvalSchema }, [400, 403, 404, 409, 422]) } },
    async (req) => withdrawApproval(deps, actorOf(req), req.params.id, req.body?.comment),
  );

  app.post(
    '/api/approvals/:id/resubmit',
    {
      schema: {
        tags,
        summary: 'Resubmit a draft, rejected or withdrawn request (optionally with new values) under the route version now in force',
        params: idParams,
        body: resubmitBody,
        response: responses({ 200: approvalSchema }, [400, 403, 404, 409, 422]),
      },
    },
    async (req) => resubmitApproval(deps, actorOf(req), req.params.id, req.body?.values),
  );
  await approvalAdminRoutes(app, deps);
}
