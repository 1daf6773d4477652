/** Tasks and "my tasks"; offers the hook tasks.completionCheck. */
import { defineModule } from '../../core/module.js';
import { retagOwnerTeam, moveTeamPaths } from './repo.js';
import { taskRoutes } from './routes.js';

export const tasksModule = defineModule({
  name: 'tasks',
  routes: taskRoutes,
  hooks: { 'org.teamMoved': moveTeamPaths, 'org.ownerMoved': retagOwnerTeam },
});
