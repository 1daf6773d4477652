/** The 18:00 daily digest per team, and dashboards pushed to robots on a schedule. */
import { defineModule } from '../../core/module.js';
import { dashboardSubscriptionsJob, digestsJob } from './job.js';
import { digestRoutes } from './routes.js';

export const digestsModule = defineModule({
  name: 'digests',
  routes: digestRoutes,
  jobs: [digestsJob, dashboardSubscriptionsJob],
});
