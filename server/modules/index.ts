import type { App, Deps } from '../core/http.js';
import { authRoutes } from './auth/routes.js';
import { orgRoutes } from './org/routes.js';
import { auditRoutes } from './audit/routes.js';
import { customerRoutes } from './customers/routes.js';
import { customFieldRoutes } from './customfields/routes.js';
import { pipelineRoutes } from './pipelines/routes.js';
import { dealRoutes } from './deals/routes.js';
import { activityRoutes } from './activities/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { attachmentRoutes } from './files/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { slaRoutes } from './sla/routes.js';
import { notificationRoutes } from './notifications/routes.js';

/** Every module's routes, registered in this order by `buildApp`. */
export const moduleRoutes: Array<(app: App, deps: Deps) => Promise<void>> = [
  authRoutes,
  orgRoutes,
  auditRoutes,
  customFieldRoutes,
  customerRoutes,
  pipelineRoutes,
  dealRoutes,
  activityRoutes,
  taskRoutes,
  attachmentRoutes,
  calendarRoutes,
  slaRoutes,
  notificationRoutes,
  (app, deps) => import('./rules/routes.js').then((m) => m.ruleRoutes(app, deps)),
  (app, deps) => import('./appointments/routes.js').then((m) => m.appointmentRoutes(app, deps)),
  (app, deps) => import('./digests/routes.js').then((m) => m.digestRoutes(app, deps)),
  (app, deps) => import('./cadences/routes.js').then((m) => m.cadenceRoutes(app, deps)),
  (app, deps) => import('./leads/routes.js').then((m) => m.leadRoutes(app, deps)),
];
