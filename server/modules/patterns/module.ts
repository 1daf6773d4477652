/** Predictive intervention: mined behaviour patterns, live risk flags, cold-start rules, model card, closed loop. */
import { defineModule } from '../../core/module.js';
import { PATTERNS_CONSUMER, patternsJob } from './job.js';
import { patternRoutes } from './routes.js';

export const patternsModule = defineModule({
  name: 'patterns',
  routes: patternRoutes,
  jobs: [patternsJob],
  consumers: [PATTERNS_CONSUMER],
});
