/** Attachments on disk, scoped download. */
import { defineModule } from '../../core/module.js';
import { attachmentRoutes } from './routes.js';

export const filesModule = defineModule({
  name: 'files',
  routes: attachmentRoutes,
});
