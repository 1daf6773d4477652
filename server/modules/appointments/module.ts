/** Store appointments, check-in, no-show detection. */
import { defineModule } from '../../core/module.js';
import { noShowJob } from './job.js';
import { appointmentRoutes } from './routes.js';

export const appointmentsModule = defineModule({
  name: 'appointments',
  routes: appointmentRoutes,
  jobs: [noShowJob],
});
