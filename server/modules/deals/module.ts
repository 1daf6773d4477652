/** Deals, stage moves, stage history, the kanban board. */
import { defineModule } from '../../core/module.js';
import { dealRoutes } from './routes.js';

export const dealsModule = defineModule({
  name: 'deals',
  routes: dealRoutes,
});
