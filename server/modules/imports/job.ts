/**
 * Takes over imports whose process died mid-phase (`kill -9`, a crash, a restart): the phase's lease ran out while
 * its status still says running. The worker resumes one such import per pass; the lease claim makes sure only one
 * process does.
 */
import type { Deps } from '../../core/http.js';
import { defineJob } from '../../jobs/job.js';
import * as repo from './repo.js';
import { resumeImport } from './service.js';

export const importResumeJob = defineJob({
  name: 'imports.resume',
  idleIntervalMs: 15_000,
  async pass(deps: Deps) {
    const [orphan] = await repo.orphanedImports(deps.db, deps.clock.now().toISOString(), 1);
    if (!orphan) return { did: 0, fired: [] };
    try {
      await resumeImport(deps, orphan.id);
    } catch {
      // Another process claimed it first, or the phase failed and recorded why on the import.
    }
    return { did: 1, fired: [{ kind: 'import.resume', at: deps.clock.now().toISOString(), subject: { type: 'import', id: orphan.id } }] };
  },
});
