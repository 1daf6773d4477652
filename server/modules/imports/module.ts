/** Staged imports of customers from Excel/CSV: dry run, commit in checkpointed batches, resume, undo (issue 13). */
import { defineModule } from '../../core/module.js';
import { moveTeamPaths } from './repo.js';
import { importResumeJob } from './job.js';
import { importRoutes } from './routes.js';

export const importsModule = defineModule({
  name: 'imports',
  hooks: { 'org.teamMoved': moveTeamPaths },
  routes: importRoutes,
  jobs: [importResumeJob],
});
