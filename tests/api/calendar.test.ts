import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

describe('calendar API', () => {
  let t: TestContext;
  let admin: Requester, seller: Requester;

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await t.as('admin');
    seller = await t.as('seller_a');
  });
  afterAll(() => t.close());

  it('answers the default settings until an admin saves some', async () => {
    const res = await seller({ method: 'GET', url: '/api/calendar/settings' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ timeZone: 'Asia/Shanghai', restWeekdays: [6, 7], extraDaysOff: [], extraWorkdays: [], updatedAt: null, updatedBy: null });
  });

  it('lists each day with its kind and reason across National Day and the make-up Saturday', async () => {
    const res = await seller({ method: 'GET', url: '/api/calendar/working-days?from=2026-09-29&to=2026-10-12' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.workingDays).toEqual(['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
    expect(body.count).toBe(6);
    const day = (d: string) => body.days.find((x: { date: string }) => x.date === d);
    expect(day('2026-10-01')).toEqual({ date: '2026-10-01', kind: 'dayoff', reason: 'holiday', provisional: false });
    expect(day('2026-10-10')).toEqual({ date: '2026-10-10', kind: 'workday', reason: 'makeup_workday', provisional: false });
    expect(day('2026-10-11')).toEqual({ date: '2026-10-11', kind: 'dayoff', reason: 'rest_day', provisional: false });
    expect(day('2026-09-29')).toMatchObject({ kind: 'workday', reason: 'weekday' });
    expect(body.days).toHaveLength(14);
  });

  it('flags a year without a published notice as provisional', async () => {
    const body = (await seller({ method: 'GET', url: '/api/calendar/working-days?from=2030-10-01&to=2030-10-02' })).json();
    expect(body.provisionalYears).toEqual([2030]);
    expect(body.days[0]).toEqual({ date: '2030-10-01', kind: 'dayoff', reason: 'holiday', provisional: true });
  });

  it('adds working days (same local time) and hours', async () => {
    const five = (await seller({ method: 'GET', url: '/api/calendar/add?start=2026-09-29T10:00:00%2B08:00&workingDays=5' })).json();
    expect(five).toMatchObject({ result: '2026-10-12T02:00:00.000Z', resultLocal: '2026-10-12T10:00:00+08:00', workingDays: 5, hours: 0, timeZone: 'Asia/Shanghai' });
    const both = (await seller({ method: 'GET', url: '/api/calendar/add?start=2026-09-30T02:00:00Z&workingDays=1&hours=48' })).json();
    // 1 working day after Wed 9-30 10:00 is Thu 10-08 10:00 (the holiday week skipped), then 48 elapsed hours.
    expect(both.result).toBe('2026-10-10T02:00:00.000Z');
  });

  it('rejects bad input naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['/api/calendar/working-days?from=2026-13-01&to=2026-12-31', 'from'],
      ['/api/calendar/working-days?from=2026-10-02&to=2026-10-01', 'to'],
      ['/api/calendar/working-days?from=2020-01-01&to=2026-01-01', 'to'],
      ['/api/calendar/working-days?from=2026-10-01', 'to'],
      ['/api/calendar/add?start=yesterday&workingDays=1', 'start'],
      ['/api/calendar/add?start=2026-09-29T10:00:00Z&workingDays=-1', 'workingDays'],
      ['/api/calendar/add?start=2026-09-29T10:00:00Z&workingDays=1.5', 'workingDays'],
      ['/api/calendar/add?start=2026-09-29T10:00:00Z&hours=abc', 'hours'],
      ['/api/calendar/add?start=2026-09-29T10:00:00Z', 'workingDays'],
    ];
    for (const [url, field] of cases) {
      const res = await seller({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.fields.map((f: { field: string }) => f.field), url).toContain(field);
    }
  });

  it('lets only an admin change the settings, validates them, audits them and applies them', async () => {
    const settings = { timeZone: 'Asia/Shanghai', restWeekdays: [7], extraDaysOff: ['2026-11-04'], extraWorkdays: ['2026-11-08'] };
    expect((await seller({ method: 'PUT', url: '/api/calendar/settings', payload: settings })).statusCode).toBe(403);

    const bad = await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: 'Mars/Base', restWeekdays: [8], extraDaysOff: ['2026-02-30'], extraWorkdays: ['2026-11-08'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['extraDaysOff.0', 'restWeekdays.0', 'timeZone']);
    const overlap = await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { ...settings, extraWorkdays: ['2026-11-04'] } });
    expect(overlap.json().error.fields).toEqual([{ field: 'extraWorkdays.0', code: 'day_also_off', params: { date: '2026-11-04' }, message: '2026-11-04 同时列在额外休息日中' }]);
    expect((await seller({ method: 'GET', url: '/api/calendar/settings' })).json().updatedAt).toBeNull();

    const saved = await admin({ method: 'PUT', url: '/api/calendar/settings', payload: settings });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...settings, updatedBy: t.org.users.admin.id, updatedAt: t.clock.now().toISOString() });

    // Saturdays now work, Wed 11-04 is off, Sun 11-08 works.
    const week = (await seller({ method: 'GET', url: '/api/calendar/working-days?from=2026-11-02&to=2026-11-08' })).json();
    expect(week.workingDays).toEqual(['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08']);
    expect(week.days.find((d: { date: string }) => d.date === '2026-11-04').reason).toBe('extra_day_off');
    expect(week.days.find((d: { date: string }) => d.date === '2026-11-08').reason).toBe('extra_workday');

    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'calendar').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ restWeekdays: [7] });
  });
});
