/** Deals, stage moves, stage history, the kanban board. */
import { defineModule } from '../../core/module.js';
import { retagOwnerTeam, moveTeamPaths } from './repo.js';
import { dealRoutes } from './routes.js';

export const dealsModule = defineModule({
  name: 'deals',
  routes: dealRoutes,
  hooks: { 'org.teamMoved': moveTeamPaths, 'org.ownerMoved': retagOwnerTeam },
});
