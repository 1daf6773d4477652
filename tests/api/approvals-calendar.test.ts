/**
 * A calendar change moves the SLA instants of running approval steps only: a day off added to the org calendar
 * pushes the pending step's reminder and escalation (and what the job fires by) to the next working day; a decided
 * request's steps keep what they recorded; the moved reminder fires once, at the new instant, not the old one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { approvalsJob } from '../../server/modules/approvals/job.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('approval step deadlines on a calendar change', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  const steps = (requestId: string) => t.db.selectFrom('approval_steps').select(['idx', 'status', 'remind_at', 'due_at', 'next_due_at', 'sla_level']).where('request_id', '=', requestId).orderBy('idx').execute();

  it('moves a pending step past a new day off; a decided request keeps its instants; the reminder fires once at the new time', async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00') }); // Monday
    const seller = await t.as('seller_a');
    const submit = async (name: string, netPriceFen: number) => {
      const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name } })).json().id as string;
      const dealId = await insertDeal(t, customerId, t.org.users.sellerA.id);
      const res = await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen, listPriceFen: netPriceFen } } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const open = await submit('日历审批甲', 3_000_000);
    const decided = await submit('日历审批乙', 3_000_000);
    // 4 business hours from Monday 10:00 (09:00–12:00, 13:30–18:00): reminder at 12:00, escalation at 15:30.
    expect((await steps(open))[0]).toMatchObject({ status: 'pending', remind_at: sh('2026-11-02T12:00:00'), due_at: sh('2026-11-02T15:30:00'), next_due_at: sh('2026-11-02T12:00:00') });
    const rm = await t.as('rm_east');
    expect((await rm({ method: 'POST', url: `/api/approvals/${decided}/decision`, payload: { decision: 'approve', comment: '同意' } })).statusCode).toBe(200);
    const decidedBefore = await steps(decided);

    // Monday becomes a day off (an admin adds it after the fact).
    t.clock.set(sh('2026-11-02T11:00:00'));
    const admin = await t.as('admin');
    const res = await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: 'Asia/Shanghai', restWeekdays: [6, 7], extraDaysOff: ['2026-11-02'] } });
    expect(res.statusCode, res.body).toBe(200);
    const deps = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.config };
    const pass = await approvalsJob.pass!(deps);
    expect(pass.fired).toEqual([]);
    // The step started Monday 10:00, now a day off: its 4 hours run from Tuesday 09:00.
    expect((await steps(open))[0]).toMatchObject({ status: 'pending', remind_at: sh('2026-11-03T11:00:00'), due_at: sh('2026-11-03T14:30:00'), next_due_at: sh('2026-11-03T11:00:00'), sla_level: 0 });
    expect(await steps(decided)).toEqual(decidedBefore);

    // The old reminder instant passes quietly; the new one fires the reminder once.
    t.clock.set(sh('2026-11-02T12:30:00'));
    expect((await approvalsJob.pass!(deps)).fired).toEqual([]);
    t.clock.set(sh('2026-11-03T11:00:00'));
    const reminded = await approvalsJob.pass!(deps);
    expect(reminded.fired.map((f) => [f.kind, f.subject?.id])).toEqual([['approval.reminder', open]]);
    expect((await approvalsJob.pass!(deps)).fired).toEqual([]);
    expect((await steps(open))[0]).toMatchObject({ sla_level: 1, next_due_at: sh('2026-11-03T14:30:00') });
  });
});
