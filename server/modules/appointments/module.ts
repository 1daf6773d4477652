/** Store appointments, check-in, no-show detection. */
import { defineModule } from '../../core/module.js';
import { moveTeamPaths } from './repo.js';
import { noShowJob } from './job.js';
import { appointmentRoutes } from './routes.js';

export const appointmentsModule = defineModule({
  name: 'appointments',
  hooks: { 'org.teamMoved': moveTeamPaths },
  routes: appointmentRoutes,
  jobs: [noShowJob],
});
