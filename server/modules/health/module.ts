/** Customer health (客户健康度): versioned models, explained scores with hysteresis, trend alerts, retention plans. */
import { defineModule } from '../../core/module.js';
import { moveTeamPaths } from './repo.js';
import { healthNightlyJob, healthRetentionJob } from './job.js';
import { RETENTION_CALENDAR_CONSUMER } from './retention-calendar.js';
import { healthRoutes } from './routes.js';

export const healthModule = defineModule({
  name: 'health',
  hooks: { 'org.teamMoved': moveTeamPaths },
  routes: healthRoutes,
  jobs: [healthNightlyJob, healthRetentionJob],
  consumers: [RETENTION_CALENDAR_CONSUMER],
});
