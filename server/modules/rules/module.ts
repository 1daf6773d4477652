/** If-then automation: triggers, conditions, actions, schedules. */
import { defineModule } from '../../core/module.js';
import { RULES_CONSUMER } from './engine.js';
import { rulesJob } from './job.js';
import { ruleRoutes } from './routes.js';

export const rulesModule = defineModule({
  name: 'rules',
  routes: ruleRoutes,
  jobs: [rulesJob],
  consumers: [RULES_CONSUMER],
});
