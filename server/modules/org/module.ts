/** Teams tree, users and data scope. */
import { defineModule } from '../../core/module.js';
import { orgRoutes } from './routes.js';

export const orgModule = defineModule({
  name: 'org',
  routes: orgRoutes,
});
