/** Exports: streaming .xlsx/CSV writer (workbook.ts, reused by metrics and later reports) and the list exports. */
import { defineModule } from '../../core/module.js';
import { exportRoutes } from './routes.js';

export const exportsModule = defineModule({
  name: 'exports',
  routes: exportRoutes,
});
