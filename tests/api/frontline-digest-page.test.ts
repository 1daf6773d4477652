import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { backfillPastDigests } from '../../server/modules/digests/now.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/**
 * Issue 15 point 4: the regional manager's digest page defaulted to a team outside their region and got 404s. The
 * page now asks the server for the caller's units (own team or region roll-up first), previews and generates on
 * demand, takes a send time instead of a cron, shows B2B figures for sales teams, and the demo files past digests.
 */
const pipelineYaml = `key: digest_b2b
name: 日清演示
stages:
  - { key: qualify, name: 资格确认, probability: 10 }
  - { key: quote, name: 报价, probability: 50 }
  - { key: won, name: 成交, probability: 100, terminal: won }
`;

describe('digest page', () => {
  let t: TestContext;
  let rm: Requester, lead: Requester, seller: Requester;

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-25T02:00:00.000Z' }); // 10:00 in Shanghai
    await importPipelineYaml(t.db, t.clock, systemActor('cli'), pipelineYaml);
    [rm, lead, seller] = await Promise.all(['rm_east', 'lead_east1', 'seller_a'].map((u) => t.as(u)));
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '日清测试医院' } })).json().id;
    const deal = (await seller({ method: 'POST', url: '/api/deals', payload: { title: '日清 CT', customerId, pipelineId: 'digest_b2b', amountFen: 265_600_00 } })).json();
    t.clock.advance(60_000);
    expect((await seller({ method: 'POST', url: `/api/deals/${deal.id}/move`, payload: { toStage: 'quote' } })).statusCode).toBe(200);
    await seller({ method: 'POST', url: '/api/deals', payload: { title: '日清 耗材', customerId, pipelineId: 'digest_b2b', amountFen: 10_000_00 } });
    t.clock.advance(60_000);
  });
  afterAll(async () => t?.close());

  it("defaults the regional manager to their own region's roll-up and lists only their region", async () => {
    const units = await rm({ method: 'GET', url: '/api/digests/units' });
    expect(units.statusCode, units.body).toBe(200);
    const { teams } = t.org;
    expect(units.json().default).toBe(teams.east);
    expect(units.json().items.map((i: { id: string }) => i.id).sort()).toEqual([teams.east, teams.eastTeam1, teams.eastTeam2].sort());
    expect(units.json().items.find((i: { id: string }) => i.id === teams.east)).toMatchObject({ rollUp: true, figures: 'b2b' });
    expect((await lead({ method: 'GET', url: '/api/digests/units' })).json().default).toBe(teams.eastTeam1);
    // The region reads without 404s; another region stays out of reach.
    expect((await rm({ method: 'GET', url: `/api/digests?team=${teams.east}` })).statusCode).toBe(200);
    expect((await rm({ method: 'GET', url: `/api/digests/preview?team=${teams.southTeam}` })).statusCode).toBe(404);
  });

  it('previews B2B figures for a sales region: pipeline value, stage moves, amount won, overdue actions', async () => {
    const res = await rm({ method: 'GET', url: `/api/digests/preview?team=${t.org.teams.east}` });
    expect(res.statusCode, res.body).toBe(200);
    const lines = Object.fromEntries(res.json().content.lines.map((l: { key: string }) => [l.key, l]));
    expect(Object.keys(lines)).toEqual(['pipelineValue', 'stageMoves', 'amountWon', 'overdueTasks']);
    expect(lines.pipelineValue).toMatchObject({ count: 2, amountFen: 275_600_00 });
    expect(lines.stageMoves).toMatchObject({ count: 1 });
    expect(lines.amountWon).toMatchObject({ count: 0, amountFen: 0 });
    expect(res.json().markdown['zh-CN'].body).toContain('在手商机金额：[¥275,600.00（2 单）]');
    // A store gets store figures.
    await t.db.updateTable('teams').set({ kind: 'store' }).where('id', '=', t.org.teams.eastTeam2).execute();
    const store = await rm({ method: 'GET', url: `/api/digests/preview?team=${t.org.teams.eastTeam2}` });
    expect(store.json().content.lines.map((l: { key: string }) => l.key)).toEqual(['arrivals', 'dealsWon', 'noShows', 'newContacts', 'overdueTasks']);
  });

  it('takes the send time as HH:mm and generates now once per minute (managers only)', async () => {
    const team = t.org.teams.eastTeam1;
    const bad = await lead({ method: 'PUT', url: `/api/digests/settings?team=${team}`, payload: { time: '25:00' } });
    expect([bad.statusCode, bad.json().error.fields[0].field]).toEqual([400, 'time']);
    const set = await lead({ method: 'PUT', url: `/api/digests/settings?team=${team}`, payload: { time: '18:30' } });
    expect(set.json()).toMatchObject({ cron: '30 18 * * *', time: '18:30', nextRunAt: '2026-11-25T10:30:00.000Z' });
    expect((await seller({ method: 'POST', url: `/api/digests/generate?team=${team}` })).statusCode).toBe(403);
    const made = await lead({ method: 'POST', url: `/api/digests/generate?team=${team}` });
    expect(made.statusCode, made.body).toBe(201);
    expect((await lead({ method: 'POST', url: `/api/digests/generate?team=${team}` })).statusCode).toBe(409);
    const listed = (await lead({ method: 'GET', url: `/api/digests?team=${team}&date=2026-11-25` })).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0].content.kind).toBe('b2b');
  });

  it('shows support the same figures without any amount: the preview and the digests sent with amounts', async () => {
    const support = await t.as('support');
    const preview = await support({ method: 'GET', url: `/api/digests/preview?team=${t.org.teams.east}` });
    expect(preview.statusCode, preview.body).toBe(200);
    const lines = Object.fromEntries(preview.json().content.lines.map((l: { key: string }) => [l.key, l]));
    expect(lines.pipelineValue).toMatchObject({ count: 2 });
    expect(lines.pipelineValue).not.toHaveProperty('amountFen');
    expect(preview.json().markdown['zh-CN'].body).toContain('在手商机金额：[2]');
    expect(preview.body).not.toContain('¥');
    // The digest generated above went to the robots with amounts; the lead reads it so, support reads it re-rendered.
    const url = `/api/digests?team=${t.org.teams.eastTeam1}&date=2026-11-25`;
    expect((await lead({ method: 'GET', url })).body).toContain('¥');
    const sent = await support({ method: 'GET', url });
    expect(sent.json().items).toHaveLength(1);
    expect(sent.json().items[0].content.lines.find((l: { key: string }) => l.key === 'pipelineValue')).toMatchObject({ count: 2 });
    expect(sent.body).not.toContain('¥');
    expect(sent.body).not.toContain('amountFen');
  });

  it('files past digests for a fresh start (the demo calls this)', async () => {
    const sent = await backfillPastDigests(t.db, t.clock, 'Asia/Shanghai', '', 3);
    expect(sent).toBe(3 * 3); // three days × the three sales teams/stores
    const items = (await lead({ method: 'GET', url: `/api/digests?team=${t.org.teams.eastTeam1}` })).json().items;
    expect(items.map((d: { date: string }) => d.date)).toEqual(expect.arrayContaining(['2026-11-22', '2026-11-23', '2026-11-24']));
  });
});
