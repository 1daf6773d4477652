import type { Job } from '../../jobs/job.js';

export const rulesJob: Job = { name: 'rules', idleIntervalMs: 1000, run: async () => 0 };
