/**
 * Free-text quick-log (issue 16): one sentence → proposed activity fields (`POST /api/activities/parse`, pure parser
 * in parse/), and the customer aliases it matches by.
 */
import { defineModule } from '../../core/module.js';
import { quicklogRoutes } from './routes.js';

export const quicklogModule = defineModule({
  name: 'quicklog',
  routes: quicklogRoutes,
});
