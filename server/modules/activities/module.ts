/** The activity log with its checklists (动作锁) and the "effective" rule. */
import { defineModule } from '../../core/module.js';
import { retagOwnerTeam, moveTeamPaths } from './repo.js';
import { activityRoutes } from './routes.js';

export const activitiesModule = defineModule({
  name: 'activities',
  routes: activityRoutes,
  hooks: { 'org.teamMoved': moveTeamPaths, 'org.ownerMoved': retagOwnerTeam },
});
