/** Random verification call-backs (随机抽检, issue 16): monthly reproducible draw per team, call-back task, results. */
import { defineModule } from '../../core/module.js';
import { callbacksJob } from './job.js';
import { callbackRoutes } from './routes.js';
import { isCallbackChecker } from './service.js';

export const callbacksModule = defineModule({
  name: 'callbacks',
  routes: callbackRoutes,
  jobs: [callbacksJob],
  hooks: { 'auth.isCallbackChecker': isCallbackChecker },
});
