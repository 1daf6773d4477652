/** Approvals (审批): versioned routes, requests pinned to a version, envelopes, delegation, step SLAs, stage-gate check. */
import { defineModule } from '../../core/module.js';
import { checkGateApprovals } from './gate.js';
import { APPROVALS_CONSUMER, approvalsJob } from './job.js';
import { approvalRoutes } from './routes.js';

export const approvalsModule = defineModule({
  name: 'approvals',
  routes: approvalRoutes,
  jobs: [approvalsJob],
  consumers: [APPROVALS_CONSUMER],
  hooks: { 'gates.approvalCheck': checkGateApprovals },
});
