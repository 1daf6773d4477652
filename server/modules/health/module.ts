/** Customer health (客户健康度): versioned models, explained scores with hysteresis, trend alerts, retention plans. */
import { defineModule } from '../../core/module.js';
import { healthNightlyJob, healthRetentionJob } from './job.js';
import { healthRoutes } from './routes.js';

export const healthModule = defineModule({
  name: 'health',
  routes: healthRoutes,
  jobs: [healthNightlyJob, healthRetentionJob],
});
