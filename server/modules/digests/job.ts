import type { Job } from '../../jobs/job.js';
import { runDueDigests } from './service.js';

/** Sends each store/team's due daily digest (18:00 by default) once; a missed slot goes out late on restart. */
export const digestsJob: Job = {
  name: 'digests',
  idleIntervalMs: 5000,
  run: (deps) => runDueDigests(deps),
};
