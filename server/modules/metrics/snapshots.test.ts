import { describe, expect, it } from 'vitest';
import { METRICS } from './registry.js';
import { MAX_SNAPSHOT_DIMS } from './snapshots.js';

describe('metric snapshots', () => {
  // A snapshot keeps a fact's dimensions in d0…d5 for the drill's cell filter: a metric with more could not be drilled.
  it('every metric has at most as many dimensions as a snapshot has columns for', () => {
    for (const def of Object.values(METRICS)) expect(def.dims.length, def.name).toBeLessThanOrEqual(MAX_SNAPSHOT_DIMS);
  });
});
