/** Follow-up cadences → dated step tasks with deliverables. */
import { defineModule } from '../../core/module.js';
import { CADENCE_CONSUMER, cadencesJob } from './engine.js';
import { cadenceRoutes } from './routes.js';
import { checkStepDeliverable } from './runs.js';

export const cadencesModule = defineModule({
  name: 'cadences',
  routes: cadenceRoutes,
  jobs: [cadencesJob],
  consumers: [CADENCE_CONSUMER],
  hooks: { 'tasks.completionCheck': checkStepDeliverable },
});
