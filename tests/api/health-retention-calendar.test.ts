/**
 * A retention plan's deadline follows calendar changes in both directions, on both databases. A closure on the
 * owner's team schedule (`calendar.team_updated`) pushes a running plan's deadline later; lifting it and declaring a
 * make-up working day on the org calendar (`calendar.updated`) bring it EARLIER, and the escalation fires at the
 * earlier instant — not at the one stored when the plan opened. A filed plan keeps its deadline. Everything runs
 * through the `health-retention` job as `tick --at` replays it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayUntil } from '../../server/jobs/replay.js';
import { composeModules } from '../../server/modules/index.js';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

const model = {
  name: '等级模型',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 2 },
  severeBelow: 10,
  groups: [{ key: 'base', name: '基础', weight: 100, dimensions: [{ key: 'level', name: '客户等级', weight: 100, source: { type: 'field', field: 'level', map: { A: 100, D: 0 } }, normalize: { points: [[0, 0], [100, 100]] } }] }],
};

describe('retention-plan deadlines on calendar changes', () => {
  let t: TestContext;
  let admin: Requester;
  let seller: Requester;
  const plans: Record<string, string> = {};
  const jobs = () => composeModules().jobs.filter((j) => j.name === 'health-retention');
  const base = () => ({ db: t.db, dialect: t.dialect, config: t.config });
  const dueOf = async (id: string) => (await t.db.selectFrom('health_retention_plans').select('due_at').where('id', '=', id).executeTakeFirstOrThrow()).due_at;
  const teamClosures = async (closures: Array<{ from: string; to: string; reason: string }>) => {
    const res = await admin({ method: 'PUT', url: `/api/calendar/teams/${t.org.teams.eastTeam1}/schedule`, payload: { intervals: [['09:00', '18:00']], closures } });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    admin = await t.as('admin');
    seller = await t.as('seller_a');
    expect((await admin({ method: 'POST', url: '/api/health-models', payload: { definition: model } })).statusCode).toBe(201);
    for (const name of ['宁波第一医院', '宁波第二医院']) {
      const id = (await seller({ method: 'POST', url: '/api/customers', payload: { name, level: 'A', industry: '医院' } })).json().id as string;
      expect((await seller({ method: 'POST', url: '/api/health/recompute', payload: { customerId: id } })).json().written).toBe(1);
      plans[name] = id;
    }
    // Thursday 10:00: both fall below the severe floor → red at once → the red playbook opens a plan for each,
    // due 3 working days later on the owner's team calendar: Tuesday 10:00 (Saturday and Sunday are rest days).
    t.clock.set(sh('2026-11-05T10:00:00'));
    await t.db.updateTable('customers').set({ level: 'D' }).where('id', 'in', Object.values(plans)).execute();
    for (const id of Object.values(plans)) {
      expect((await seller({ method: 'POST', url: '/api/health/recompute', payload: { customerId: id } })).json().changes).toContainEqual(expect.objectContaining({ kind: 'colour', to: 'red' }));
    }
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    for (const [name, customerId] of Object.entries(plans)) {
      plans[name] = (await t.db.selectFrom('health_retention_plans').select('id').where('customer_id', '=', customerId).executeTakeFirstOrThrow()).id;
    }
  });
  afterAll(async () => t?.close());

  it('moves a running plan later and then earlier; the escalation fires at the earlier instant, a filed plan keeps its deadline', async () => {
    const running = plans['宁波第一医院'];
    const filed = plans['宁波第二医院'];
    expect(await dueOf(running)).toBe(sh('2026-11-10T10:00:00'));
    const res = await seller({ method: 'POST', url: `/api/retention-plans/${filed}/file`, payload: { plan: '拜访院长', evidence: { conversation_summary: '已沟通', competitor_prices: '竞品低 5%' } } });
    expect(res.statusCode, res.body).toBe(200);

    // Friday closed for the owner's team: one working day more.
    t.clock.set(sh('2026-11-05T11:00:00'));
    await teamClosures([{ from: '2026-11-06', to: '2026-11-06', reason: '团建' }]);
    expect(await replayUntil(base(), t.clock.now(), jobs())).toEqual([]);
    expect(await dueOf(running)).toBe(sh('2026-11-11T10:00:00'));

    // The closure lifted (earlier again); then Saturday declared a make-up working day for the org (earlier still).
    t.clock.set(sh('2026-11-05T12:00:00'));
    await teamClosures([]);
    expect(await replayUntil(base(), t.clock.now(), jobs())).toEqual([]);
    expect(await dueOf(running)).toBe(sh('2026-11-10T10:00:00'));
    const calendar = (await admin({ method: 'GET', url: '/api/calendar/settings' })).json();
    const put = await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: calendar.timeZone, restWeekdays: calendar.restWeekdays, extraDaysOff: [], extraWorkdays: ['2026-11-07'] } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await seller({ method: 'GET', url: `/api/retention-plans/${running}` })).json().dueAt).toBe(sh('2026-11-10T10:00:00'));

    // Replaying to just after Monday 10:00 — before the stored (and original) Tuesday deadline — consumes the change
    // and escalates the plan at Monday 10:00, once.
    const fired = await replayUntil(base(), new Date(Date.parse(sh('2026-11-09T10:00:00')) + 1000), jobs());
    expect(fired.map((f) => [f.kind, f.at, f.subject?.id])).toEqual([['health.retention_escalated', sh('2026-11-09T10:00:00'), running]]);
    t.clock.set(new Date(Date.parse(sh('2026-11-09T10:00:00')) + 1000));
    expect((await seller({ method: 'GET', url: `/api/retention-plans/${running}` })).json()).toMatchObject({ dueAt: sh('2026-11-09T10:00:00'), overdue: true, escalatedAt: expect.any(String) });
    expect(await replayUntil(base(), new Date(Date.parse(sh('2026-11-09T10:00:00')) + 2000), jobs())).toEqual([]);
    // The filed plan's clock stopped when it was filed: no calendar change touched it.
    expect(await dueOf(filed)).toBe(sh('2026-11-10T10:00:00'));
    // Each move is audited with the calendar event that caused it.
    const redates = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', running).where('action', '=', 'redate').execute();
    const moves = redates.map((r) => [JSON.parse(r.before!).due_at, JSON.parse(r.after!).due_at, JSON.parse(r.after!).cause.type]);
    expect(moves.sort()).toEqual([
      [sh('2026-11-10T10:00:00'), sh('2026-11-11T10:00:00'), 'calendar.team_updated'],
      [sh('2026-11-11T10:00:00'), sh('2026-11-10T10:00:00'), 'calendar.team_updated'],
      [sh('2026-11-10T10:00:00'), sh('2026-11-09T10:00:00'), 'calendar.updated'],
    ].sort());

    // An escalated plan's clock has fired: a later change (the make-up day withdrawn) leaves its deadline alone.
    await admin({ method: 'PUT', url: '/api/calendar/settings', payload: { timeZone: calendar.timeZone, restWeekdays: calendar.restWeekdays, extraDaysOff: [], extraWorkdays: [] } });
    expect(await replayUntil(base(), new Date(Date.parse(sh('2026-11-09T10:00:00')) + 3000), jobs())).toEqual([]);
    expect(await dueOf(running)).toBe(sh('2026-11-09T10:00:00'));
  });
});
