/** Work orders (协作工单) with two-sided SLAs and escalation, and the assist-point ledger (助攻积分). */
import { defineModule } from '../../core/module.js';
import { workOrdersJob } from './escalation.js';
import { workOrderRoutes } from './routes.js';

export const workordersModule = defineModule({
  name: 'workorders',
  routes: workOrderRoutes,
  jobs: [workOrdersJob],
});
