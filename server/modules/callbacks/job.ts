/** The monthly random call-back draw, as a job of the shared registry (replayed by `actionflow tick --at`). */
import { defineJob } from '../../jobs/job.js';
import { nextDrawDue, runDraws } from './service.js';

export const callbacksJob = defineJob({
  name: 'callbacks.monthly_draw',
  idleIntervalMs: 3600_000,
  pass: (deps) => runDraws(deps),
  nextDue: (deps) => nextDrawDue(deps),
});
