/** Working days (China holidays + 调休) and org settings. */
import { defineModule } from '../../core/module.js';
import { calendarRoutes } from './routes.js';

export const calendarModule = defineModule({
  name: 'calendar',
  routes: calendarRoutes,
});
