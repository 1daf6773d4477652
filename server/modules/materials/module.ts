/**
 * Tracked material links (issue 16): share a document or URL as a link that opens without a login, records each
 * open on the customer's timeline (`material.opened`), expires, can be revoked; "not opened within N hours" job.
 */
import { defineModule } from '../../core/module.js';
import { moveTeamPaths } from './repo.js';
import { materialsJob } from './job.js';
import { materialRoutes } from './routes.js';

export const materialsModule = defineModule({
  name: 'materials',
  hooks: { 'org.teamMoved': moveTeamPaths },
  routes: materialRoutes,
  jobs: [materialsJob],
});
