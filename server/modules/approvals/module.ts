/** Approvals (审批): versioned routes, requests pinned to a version, envelopes, delegation, step SLAs, stage-gate check. */
import { defineModule } from '../../core/module.js';
import { approvalRoutes } from './routes.js';

export const approvalsModule = defineModule({
  name: 'approvals',
  routes: approvalRoutes,
});
