import { responses } from '../../core/contract.js';
import { z } from 'zod';
import { actorOf, idParams, langOf, type App, type Deps } from '../../core/http.js';
import { CONTENT_TYPES } from '../exports/workbook.js';
import { contentDisposition } from '../files/types.js';
import { exportTrail } from './export.js';
import { approvalAdminRoutes } from './admin-routes.js';
import { approvalPageSchema, approvalSchema } from './presenter.js';
import { decisionBody, exportQuery, listQuery, resubmitBody, submitBody, withdrawBody } from './schema.js';
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
        summary: 'Approval requests in my scope or waiting for me (`assignee=me`: pending on a step where I, or someone I act for, decide — these carry their `trail`)',
        querystring: listQuery,
        response: responses({ 200: approvalPageSchema }, [400]),
      },
    },
    async (req) => listApprovals(deps, actorOf(req), req.query),
  );

  app.get(
    '/api/approvals/export',
    {
      schema: {
        tags,
        summary: 'The full trail of the approvals I may see (same filters as the list) as CSV with a BOM or .xlsx',
        querystring: exportQuery,
        produces: [CONTENT_TYPES.xlsx, CONTENT_TYPES.csv],
        response: responses({ 200: z.string().describe('The file (binary)') }, [400]),
      },
    },
    async (req, reply) => {
      const out = await exportTrail(deps, actorOf(req), req.query, langOf(req), (err) => req.log.error({ err }, 'approval export failed'));
      return reply.type(CONTENT_TYPES[out.format]).header('content-disposition', contentDisposition(out.filename, 'attachment')).send(out.stream);
    },
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
    { config: { ability: 'approval.request' }, schema: { tags, summary: 'Withdraw my request before the first decision', params: idParams, body: withdrawBody, response: responses({ 200: approvalSchema }, [400, 403, 404, 409, 422]) } },
    async (req) => withdrawApproval(deps, actorOf(req), req.params.id, req.body?.comment),
  );

  app.post(
    '/api/approvals/:id/resubmit',
    {
      config: { ability: 'approval.request' }, schema: {
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
