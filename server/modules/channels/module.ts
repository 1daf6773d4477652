/** Robots, e-mail and SMS channels and their settings. */
import { defineModule } from '../../core/module.js';
import { channelRoutes } from './routes.js';

export const channelsModule = defineModule({
  name: 'channels',
  routes: channelRoutes,
});
