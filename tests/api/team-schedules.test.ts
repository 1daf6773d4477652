import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSlaUntilIdle } from '../../server/modules/sla/job.js';
import { setupTestApp, type TestContext } from '../support/app.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('team business hours and closures', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-30T10:00:00') });
  });
  afterAll(async () => t?.close());
  const run = () => runSlaUntilIdle({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config });
  const url = () => `/api/calendar/teams/${t.org.teams.eastTeam1}/schedule`;

  it('answers the default schedule, refuses bad input naming the field, and lets only admins change it', async () => {
    const seller = await t.as('seller_a');
    expect((await seller({ method: 'GET', url: url() })).json()).toMatchObject({ custom: false, intervals: [['09:00', '12:00'], ['13:30', '18:00']], closures: [] });
    const admin = await t.as('admin');
    const backwards = await admin({ method: 'PUT', url: url(), payload: { intervals: [['12:00', '09:00']] } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0].field).toBe('intervals.0.1');
    const overlap = await admin({ method: 'PUT', url: url(), payload: { intervals: [['09:00', '12:00'], ['11:00', '18:00']] } });
    expect(overlap.json().error.fields[0].field).toBe('intervals.1.0');
    const closure = await admin({ method: 'PUT', url: url(), payload: { intervals: [['09:00', '18:00']], closures: [{ from: '2026-12-02', to: '2026-12-01' }] } });
    expect(closure.json().error.fields[0].field).toBe('closures.0.to');
    expect((await seller({ method: 'PUT', url: url(), payload: { intervals: [['09:00', '18:00']] } })).statusCode).toBe(403);
    expect((await admin({ method: 'GET', url: '/api/calendar/teams/nope/schedule' })).statusCode).toBe(404);
  });

  it('a closure added while a clock runs moves the team’s pending deadlines only', async () => {
    const mine = await (await t.as('seller_a'))({ method: 'POST', url: '/api/tasks', payload: { title: '回访', dueAt: sh('2026-11-30T17:00:00') } });
    const other = await (await t.as('seller_b'))({ method: 'POST', url: '/api/tasks', payload: { title: '华南回访', dueAt: sh('2026-11-30T17:00:00') } });
    expect([mine.statusCode, other.statusCode]).toEqual([201, 201]);
    t.clock.set(sh('2026-11-30T17:00:00'));
    expect((await run()).map((f) => f.level)).toEqual([1, 1]);
    const due = async (taskId: string) => (await t.db.selectFrom('sla_timers').select('due_at').where('subject_id', '=', taskId).executeTakeFirstOrThrow()).due_at;
    // Level 2: one working day after the due time.
    expect(await due(mine.json().id)).toBe(sh('2026-12-01T17:00:00'));

    const admin = await t.as('admin');
    const put = await admin({ method: 'PUT', url: url(), payload: { intervals: [['09:00', '12:00'], ['13:30', '18:00']], closures: [{ from: '2026-12-01', to: '2026-12-01', reason: '团建' }] } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ custom: true, closures: [{ from: '2026-12-01', to: '2026-12-01', reason: '团建' }] });
    await run();
    expect(await due(mine.json().id)).toBe(sh('2026-12-02T17:00:00'));
    expect(await due(other.json().id)).toBe(sh('2026-12-01T17:00:00'));
    const audit = await t.db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'team_schedule').execute();
    expect(audit).toEqual([{ entity_id: t.org.teams.eastTeam1 }]);
  });
});
