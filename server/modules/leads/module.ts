/** Lead intake: duplicates, ownership conflicts, assignment, pool, hand-over. */
import { defineModule } from '../../core/module.js';
import { moveTeamPaths } from './repo.js';
import { poolJob } from './pool-job.js';
import { leadIntake } from './intake.js';
import { leadRoutes } from './routes.js';

export const leadsModule = defineModule({
  name: 'leads',
  routes: leadRoutes,
  jobs: [poolJob],
  hooks: { 'org.teamMoved': moveTeamPaths, 'customers.intake': leadIntake },
});
