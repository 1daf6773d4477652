/** Stage gate evaluation: pure functions other modules call; no routes, jobs or hooks. */
import { defineModule } from '../../core/module.js';

export const gatesModule = defineModule({
  name: 'gates',
});
