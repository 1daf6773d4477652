import type { Job } from '../../jobs/job.js';
import { processRuleEvents, runScheduledRules } from './engine.js';

/** Consumes domain events for rules, then runs due cron slots. */
export const rulesJob: Job = {
  name: 'rules',
  idleIntervalMs: 1000,
  run: async (deps) => (await processRuleEvents(deps)) + (await runScheduledRules(deps)),
};
