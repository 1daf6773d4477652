/** Insight: named metrics whose figure, drill list and export are one query (the director's war room). */
import { defineModule } from '../../core/module.js';
import { metricRoutes } from './routes.js';
import { metricSnapshotsJob } from './snapshot-job.js';

export const metricsModule = defineModule({
  name: 'metrics',
  routes: metricRoutes,
  jobs: [metricSnapshotsJob],
});
