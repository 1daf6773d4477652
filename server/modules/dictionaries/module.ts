/** Admin-managed dictionaries (lost reasons, regions, industries, sources, customer levels) and deal settings. */
import { defineModule } from '../../core/module.js';
import { dictionaryRoutes } from './routes.js';

export const dictionariesModule = defineModule({
  name: 'dictionaries',
  routes: dictionaryRoutes,
});
