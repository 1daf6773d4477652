/** Customers and contacts. */
import { defineModule } from '../../core/module.js';
import { retagOwnerTeam, moveTeamPaths } from './repo.js';
import { customerRoutes } from './routes.js';

export const customersModule = defineModule({
  name: 'customers',
  routes: customerRoutes,
  hooks: { 'org.teamMoved': moveTeamPaths, 'org.ownerMoved': retagOwnerTeam },
});
