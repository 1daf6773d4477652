/** The append-only audit trail and its scoped reader. */
import { defineModule } from '../../core/module.js';
import { auditRoutes } from './routes.js';

export const auditModule = defineModule({
  name: 'audit',
  routes: auditRoutes,
});
