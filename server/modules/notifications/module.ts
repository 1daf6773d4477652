/** The durable outbox and the in-app inbox. */
import { defineModule } from '../../core/module.js';
import { outboxJob } from './job.js';
import { notificationRoutes } from './routes.js';

export const notificationsModule = defineModule({
  name: 'notifications',
  routes: notificationRoutes,
  jobs: [outboxJob],
});
