/**
 * "Material not opened within N hours": for every window N named by an enabled rule, links whose first N hours
 * passed are settled once — a firing row per (link, window), inserted in the transaction that emits
 * `material.not_opened` for a link nobody opened in time (a link opened in time, or revoked before, is settled
 * silently). The unique row makes it fire once across processes and replays (`actionflow tick --at`).
 */
import { commandIn } from '../../core/command.js';
import { defineJob, type Fired } from '../../jobs/job.js';
import * as repo from './repo.js';

const BATCH = 200;

export const materialsJob = defineJob({
  name: 'materials.not_opened',
  idleIntervalMs: 60_000,
  async pass({ db, clock }) {
    const fired: Fired[] = [];
    let did = 0;
    const now = clock.now();
    for (const hours of await repo.notOpenedWindows(db)) {
      for (const link of await repo.windowsDue(db, hours, now, BATCH)) {
        const deadline = new Date(Date.parse(link.created_at) + hours * 3600_000).toISOString();
        const opened = link.first_opened_at !== null && String(link.first_opened_at) < deadline;
        const revoked = link.revoked_at !== null && link.revoked_at < deadline;
        await db.transaction().execute(async (trx) => {
          if (!(await repo.claimFiring(trx, link.id, hours, now.toISOString()))) return;
          did++;
          if (opened || revoked) return;
          await commandIn(trx, clock, { entity: 'customer', actorId: null }).emit(link.customer_id, { type: 'material.not_opened', payload: { linkId: link.id, title: link.title, activityId: link.activity_id, ownerId: link.owner_id, hours, sentAt: link.created_at } });
          fired.push({ kind: 'material.not_opened', at: deadline, subject: { type: 'material_link', id: link.id }, hours });
        });
      }
    }
    return { did, fired };
  },
  async nextDue({ db, clock }) {
    const now = clock.now();
    const due = (await Promise.all((await repo.notOpenedWindows(db)).map((h) => repo.earliestWindow(db, h, now)))).filter((d): d is string => d !== null);
    return due.sort()[0] ?? null;
  },
});
