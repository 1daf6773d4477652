/** History retention: prunes finished events, consumption rows, delivered outbox rows and old firings. */
import { defineModule } from '../../core/module.js';
import type { Job } from '../../jobs/job.js';
import { pruneIdempotencyKeys } from '../../core/idempotency.js';
import { pruneHistory } from './prune.js';

/** Housekeeping, not a deadline: `tick` does not replay it (no `pass`). Hourly; each run removes bounded batches. */
export const retentionJob: Job = {
  name: 'retention',
  idleIntervalMs: 3_600_000,
  run: async (deps) => {
    const { MODULES } = await import('../index.js');
    const consumers = MODULES.flatMap((m) => m.consumers ?? []);
    await pruneHistory(deps.db, deps.clock, consumers, deps.config.retentionDays, 5);
    // Idempotency keys live a day (core/idempotency.ts); expired ones are ignored on read, removed here.
    await pruneIdempotencyKeys(deps.db, deps.clock);
    return 0;
  },
};

export const retentionModule = defineModule({ name: 'retention', jobs: [retentionJob] });
