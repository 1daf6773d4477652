/** SLA timers, escalation ladders, interventions. */
import { defineModule } from '../../core/module.js';
import { SLA_CONSUMER } from './consumer.js';
import { slaJob } from './job.js';
import { slaRoutes } from './routes.js';

export const slaModule = defineModule({
  name: 'sla',
  routes: slaRoutes,
  jobs: [slaJob],
  consumers: [SLA_CONSUMER],
});
