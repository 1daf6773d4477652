/**
 * Issue 10, point 2 on both databases: a provisional calendar year becoming official. 2027 is not published in the
 * installed calendar data, so its dates come from the statutory holidays of the law (National Day Oct 1–3 only). The
 * State Council notice (simulated here: the calendar module answers for 2027 as an upgraded `chinese-days` would,
 * Oct 1–7 off and Saturday Oct 9 a make-up working day) turns it official; the next receivables pass recomputes the
 * effective due dates and timers of unpaid instalments and audits each move, while a paid one keeps its date.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tickAt } from '../../server/cli/tick.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const notice = vi.hoisted(() => ({ published: false }));

vi.mock('../../server/modules/calendar/china.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/modules/calendar/china.js')>();
  const holidays = new Set(['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07']);
  const workdays = new Set(['2027-10-09']);
  return {
    ...real,
    chinaCalendarStatus: (year: number) => (year === 2027 && notice.published ? 'published' : real.chinaCalendarStatus(year)),
    chinaStatutorySource: (date: string) => {
      if (!notice.published || !date.startsWith('2027-')) return real.chinaStatutorySource(date);
      if (workdays.has(date)) return 'workday';
      return holidays.has(date) ? 'dayoff' : null;
    },
  };
});

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('receivables: a provisional year becoming official', () => {
  let t: TestContext;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-12-01T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '杭州康捷医疗' } })).json().id;
    // Due Mon Oct 4 (a working day by the law alone), Sat Oct 2 (moves to Oct 4), and one paid in advance.
    for (const [key, dueDate] of [['monday', '2027-10-04'], ['saturday', '2027-10-02'], ['paid', '2027-10-04']]) {
      const res = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId: await insertDeal(t, customerId, t.org.users.sellerA.id, 'won'), signedAt: '2026-11-30', amountFen: 100_000, plan: [{ dueDate, amountFen: 100_000, method: 'wire' }] } });
      expect(res.statusCode, res.body).toBe(201);
      c[key] = res.json().id;
    }
    const paid = await (await t.as('finance'))({ method: 'POST', url: `/api/contracts/${c.paid}/payments`, payload: { amountFen: 100_000, receivedOn: '2026-12-01', method: 'wire', reference: 'B-1' } });
    expect(paid.statusCode, paid.body).toBe(201);
    await t.db.updateTable('pipelines').set({ definition: JSON.stringify({ key: 'leads-test', name: 'B2B', stages: [] }) }).where('key', '=', 'leads-test').execute();
  });
  afterAll(async () => t?.close());

  const base = () => ({ db: t.db, dialect: t.dialect, config: t.config });
  const line = async (key: string) => (await (await t.as('finance'))({ method: 'GET', url: `/api/contracts/${c[key]}` })).json().instalments[0];
  const recomputed = () => t.db.selectFrom('audit_log').select(['entity_id', 'before', 'after']).where('entity', '=', 'contract').where('action', '=', 'effective_due_recomputed').execute();

  it('while 2027 is provisional: only the statutory days off move a date; a pass changes nothing', async () => {
    const calendar = (await (await t.as('finance'))({ method: 'GET', url: '/api/calendar/working-days?from=2027-10-01&to=2027-10-10' })).json();
    expect(calendar.provisionalYears).toEqual([2027]);
    expect(await line('monday')).toMatchObject({ effectiveDueDate: '2027-10-04', escalateAt: sh('2027-10-08T00:00:00') });
    expect(await line('saturday')).toMatchObject({ effectiveDueDate: '2027-10-04', escalateAt: sh('2027-10-08T00:00:00') });
    await tickAt(base(), new Date(sh('2026-12-01T11:00:00')));
    expect(await recomputed()).toEqual([]);
  });

  it('once official: the next pass re-dates unpaid instalments onto Oct 8, their timers count the make-up Saturday, each move audited', async () => {
    notice.published = true;
    const calendar = (await (await t.as('finance'))({ method: 'GET', url: '/api/calendar/working-days?from=2027-10-01&to=2027-10-10' })).json();
    expect(calendar.provisionalYears).toEqual([]);
    await tickAt(base(), new Date(sh('2026-12-02T09:00:00')));
    // Oct 8 + 3 working days: Sat Oct 9 (调休), Mon Oct 11, Tue Oct 12 → Wed Oct 13 00:00.
    for (const key of ['monday', 'saturday']) expect(await line(key), key).toMatchObject({ effectiveDueDate: '2027-10-08', escalateAt: sh('2027-10-13T00:00:00') });
    expect(await line('paid')).toMatchObject({ status: 'paid', effectiveDueDate: '2027-10-04', escalateAt: null });
    const audit = await recomputed();
    expect(audit.map((a) => a.entity_id).sort()).toEqual([c.monday, c.saturday].sort());
    for (const a of audit) {
      expect(JSON.parse(a.before as string)).toMatchObject({ effectiveDueDate: '2027-10-04' });
      expect(JSON.parse(a.after as string)).toMatchObject({ effectiveDueDate: '2027-10-08', reason: 'calendar_changed' });
    }
    // The next pass finds nothing new to move.
    await tickAt(base(), new Date(sh('2026-12-03T09:00:00')));
    expect(await recomputed()).toHaveLength(2);
  });

  it('the recomputed timer is the one that fires', async () => {
    const fire = async (local: string) => (await tickAt(base(), new Date(sh(local)))).filter((f) => f.kind === 'receivable.escalation');
    expect(await fire('2027-10-12T23:59:59')).toEqual([]);
    expect((await fire('2027-10-13T00:00:00')).map((f) => f.subject?.id).sort()).toEqual([c.monday, c.saturday].sort());
  });
});
