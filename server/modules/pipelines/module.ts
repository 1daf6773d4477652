/** Pipeline definitions and their YAML templates. */
import { defineModule } from '../../core/module.js';
import { pipelineRoutes } from './routes.js';

export const pipelinesModule = defineModule({
  name: 'pipelines',
  routes: pipelineRoutes,
});
