import { defineJob, type Fired } from '../../jobs/job.js';
import { dueDigests, runDueDigests } from './service.js';
import { dueSubscriptions, runDueSubscriptions } from './subscriptions.js';

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

/** Pushes each due dashboard subscription (weekly Monday 09:00 by default) once; a missed slot goes out late. */
export const dashboardSubscriptionsJob = defineJob({
  name: 'dashboard-subscriptions',
  idleIntervalMs: 5000,
  pass: async (deps) => {
    const fired: Fired[] = [];
    const did = await runDueSubscriptions(deps, (s) => fired.push({ kind: 'dashboard.push', at: s.scheduledFor, subject: { type: 'dashboard_subscription', id: s.id }, late: s.late }));
    return { did, fired };
  },
  nextDue: async (deps) => (await dueSubscriptions(deps)).map((d) => d.due.toISOString()).sort()[0] ?? null,
});
