import { defineJob } from '../../jobs/job.js';
import { processRuleEvents, runScheduledRules } from './engine.js';

/** Consumes domain events for rules, then runs due cron slots (at each instant `tick` steps through). */
export const rulesJob = defineJob({
  name: 'rules',
  idleIntervalMs: 1000,
  pass: async (deps) => {
    const fired: Array<{ kind: string; at: string; rule: string }> = [];
    const events = await processRuleEvents(deps);
    const scheduled = await runScheduledRules(deps, { onScheduled: (rule, at) => fired.push({ kind: 'rule.schedule', at, rule }) });
    return { did: events + scheduled, fired };
  },
});
