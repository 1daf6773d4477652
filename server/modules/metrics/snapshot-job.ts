import type { Job } from '../../jobs/job.js';
import { refreshSnapshots } from './snapshots.js';

/**
 * Rebuilds the due dashboard snapshots, one view a run. Not replayed by `tick`: a snapshot is a copy of the present
 * state for fast reading, not something that should have happened at a past instant.
 */
export const metricSnapshotsJob: Job = {
  name: 'metric-snapshots',
  idleIntervalMs: 30_000,
  run: (deps) => refreshSnapshots(deps),
};
