/** Admin-defined fields per record type. */
import { defineModule } from '../../core/module.js';
import { customFieldRoutes } from './routes.js';

export const customfieldsModule = defineModule({
  name: 'customfields',
  routes: customFieldRoutes,
});
