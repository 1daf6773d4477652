/** The 18:00 daily digest per team. */
import { defineModule } from '../../core/module.js';
import { digestsJob } from './job.js';
import { digestRoutes } from './routes.js';

export const digestsModule = defineModule({
  name: 'digests',
  routes: digestRoutes,
  jobs: [digestsJob],
});
