import type { Job } from '../../jobs/job.js';

export const outboxJob: Job = { name: 'notifications', idleIntervalMs: 1000, run: async () => 0 };
