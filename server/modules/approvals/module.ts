/** Approvals (审批): versioned routes, requests pinned to a version, envelopes, delegation, step SLAs, stage-gate check. */
import { defineModule } from '../../core/module.js';
import { moveTeamPaths } from './repo.js';
import { checkGateApprovals } from './gate.js';
import { handOverDepartedApprover } from './departed.js';
import { fileLostConfirmation } from './lost-confirmation.js';
import { APPROVALS_CONSUMER, approvalsJob } from './job.js';
import { approvalRoutes } from './routes.js';
import { APPROVALS_CALENDAR_CONSUMER } from './calendar-change.js';

export const approvalsModule = defineModule({
  name: 'approvals',
  routes: approvalRoutes,
  jobs: [approvalsJob],
  consumers: [APPROVALS_CONSUMER, APPROVALS_CALENDAR_CONSUMER],
  hooks: { 'org.teamMoved': moveTeamPaths, 'org.credentialsRevoked': handOverDepartedApprover, 'gates.approvalCheck': checkGateApprovals, 'deals.lostConfirmation': fileLostConfirmation },
});
