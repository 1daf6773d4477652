import type { Job } from '../../jobs/job.js';

export const slaJob: Job = { name: 'sla', idleIntervalMs: 1000, run: async () => 0 };
