import { defineJob, type Fired } from '../../jobs/job.js';
import { dueDigests, runDueDigests } from './service.js';

/** Sends each store/team's due daily digest (18:00 by default) once; a missed slot goes out late on restart. */
export const digestsJob = defineJob({
  name: 'digests',
  idleIntervalMs: 5000,
  pass: async (deps) => {
    const fired: Fired[] = [];
    const did = await runDueDigests(deps, { onSent: (d) => fired.push({ kind: 'digest', at: d.scheduledFor, subject: { type: 'team', id: d.teamId }, date: d.date, slot: d.slot, late: d.late }) });
    return { did, fired };
  },
  nextDue: async (deps) => (await dueDigests(deps)).map((d) => d.due.toISOString()).sort()[0] ?? null,
});
