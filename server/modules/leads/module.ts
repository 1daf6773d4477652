/** Lead intake: duplicates, ownership conflicts, assignment, pool, hand-over. */
import { defineModule } from '../../core/module.js';
import { poolJob } from './pool-job.js';
import { leadRoutes } from './routes.js';

export const leadsModule = defineModule({
  name: 'leads',
  routes: leadRoutes,
  jobs: [poolJob],
});
