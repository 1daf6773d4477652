/**
 * PostgreSQL only: three separate Node processes run the real worker loop (digests + outbox jobs) against one schema
 * with 12 stores/teams, crossing 18:00 Asia/Shanghai together. Each team's digest must exist once and reach each of
 * its robots once (local Feishu and DingTalk receivers count deliveries). Then every process stops, the 26th's 18:00
 * passes with the server down, three new processes start on the 27th: each team's missed digest goes out once, late.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/core/config.js';
import { newId } from '../../server/core/ids.js';
import type { Db } from '../../server/db/index.js';
import { runDueDigests } from '../../server/modules/digests/service.js';
import { openTestDatabase } from '../support/database.js';
import { buildOrg, type TestOrg } from '../support/factories.js';
import { startChild, stopChildren, type Child } from '../support/processes.js';
import { startRobotReceiver, type RobotReceiver } from '../support/receivers.js';

const PROCESSES = 3;
const workerScript = fileURLToPath(new URL('./worker.ts', import.meta.url));

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const n = async (q: { executeTakeFirst(): Promise<{ n: unknown } | undefined> }) => Number((await q.executeTakeFirst())?.n ?? 0);

describe('daily digest exactly once across three processes (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Db;
  let org: TestOrg;
  let schema: string;
  let offset = 0;
  const fakeNow = () => new Date(Date.now() + offset);
  const robots: Record<string, RobotReceiver> = {};
  const teams: Array<{ id: string; name: string }> = [];
  const children: Child[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    expect(database.dialect, 'this test needs PostgreSQL (TEST_DB=postgres)').toBe('postgres');
    db = database.db;
    schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0].s;
    const clock = { now: () => new Date('2026-11-25T01:00:00.000Z') };
    org = await buildOrg(db, clock);
    // Nine stores besides the three teams of the test org: 3 under 华东, 3 under 华南, 3 under a new 华北 region.
    const regionPath = async (id: string) => (await db.selectFrom('teams').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
    const company = await regionPath(org.teams.company);
    const northId = newId();
    await db.insertInto('teams').values({ id: northId, parent_id: org.teams.company, name: '华北大区', kind: 'region', path: `${company}${northId}/`, created_at: clock.now().toISOString() }).execute();
    for (const [regionId, prefix] of [[org.teams.east, '华东'], [org.teams.south, '华南'], [northId, '华北']] as const) {
      for (let i = 1; i <= 3; i++) {
        const id = newId();
        await db.insertInto('teams').values({ id, parent_id: regionId, name: `${prefix}门店${i}`, kind: 'store', path: `${await regionPath(regionId)}${id}/`, created_at: clock.now().toISOString() }).execute();
      }
    }
    teams.push(...(await db.selectFrom('teams').select(['id', 'name']).where('kind', 'in', ['store', 'team']).execute()));
    expect(teams).toHaveLength(12);

    // Seed 000: each region's Feishu group gets its stores' digests; a company-wide DingTalk group gets all of them.
    const now = new Date().toISOString();
    const channel = async (kind: 'feishu' | 'dingtalk', name: string, teamId: string | null) => {
      robots[name] = await startRobotReceiver(kind, { now: fakeNow, secret: `SEC${name}` });
      await db.insertInto('channels').values({ id: newId(), kind, name, team_id: teamId, settings: '{"format":"markdown"}', secrets: JSON.stringify({ webhookUrl: robots[name].url, secret: `SEC${name}` }), rate_per_minute: null, rate_per_second: null, enabled: 1, created_at: now, updated_at: now }).execute();
    };
    await channel('feishu', 'east', org.teams.east);
    await channel('feishu', 'south', org.teams.south);
    await channel('feishu', 'north', northId);
    await channel('dingtalk', 'company', null);

    // The server ran earlier that afternoon (17:00): settings rows exist, slots count from then.
    expect(await runDueDigests({ db, dialect: 'postgres', clock: { now: () => new Date('2026-11-25T09:00:00.000Z') }, config: loadConfig({}) })).toBe(0);
  }, 60_000);

  afterAll(async () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    for (const r of Object.values(robots)) await r.close();
    await database?.drop();
  });

  /** Starts three processes whose clocks read `fakeStart` when they are told to go. */
  async function runProcesses(fakeStart: string, digests: number, outboxSent: number): Promise<number[]> {
    const batch = Array.from({ length: PROCESSES }, () => startChild(workerScript, { DIGEST_TEST_SCHEMA: schema }, 'digest worker'));
    children.push(...batch);
    await Promise.all(batch.map((c) => c.waitFor((l) => l === 'ready')));
    offset = Date.parse(fakeStart) - Date.now();
    for (const c of batch) c.proc.stdin.write(`go ${offset}\n`);
    await until(`${digests} digests and ${outboxSent} robot messages sent`, async () => {
      const d = await n(db.selectFrom('digests').select(sql<number>`count(*)`.as('n')));
      const s = await n(db.selectFrom('outbox').select(sql<number>`count(*)`.as('n')).where('status', '=', 'sent'));
      return d >= digests && s >= outboxSent;
    }, 60_000);
    // Give a duplicate the time to show up before the processes stop.
    await new Promise((r) => setTimeout(r, 1_500));
    return (await stopChildren<{ sent: number }>(batch)).map((r) => r.sent);
  }

  const deliveriesOf = (title: string) => Object.fromEntries(Object.entries(robots).map(([name, r]) => [name, r.accepted.filter((m) => m.text.startsWith(title)).length]));

  it('sends each team’s 18:00 digest once to each of its robots, and a missed one once, late, after a restart', async () => {
    // The processes start at 17:59:57 and are running when 18:00 comes.
    const perProcess = await runProcesses('2026-11-25T09:59:57.000Z', 12, 24);
    expect(perProcess.reduce((a, b) => a + b, 0)).toBe(12);
    expect(await n(db.selectFrom('digests').select(sql<number>`count(*)`.as('n')))).toBe(12);
    expect(await n(db.selectFrom('digests').select(sql<number>`count(distinct team_id)`.as('n')))).toBe(12);
    expect(await n(db.selectFrom('outbox').select(sql<number>`count(*)`.as('n')))).toBe(24);
    const rows = await db.selectFrom('digests').select(['date', 'slot', 'late', 'scheduled_for', 'created_at']).execute();
    expect(new Set(rows.map((r) => `${r.date} ${r.slot} ${r.late}`))).toEqual(new Set(['2026-11-25 18:00 0']));
    for (const team of teams) {
      const region = team.name.startsWith('华南') ? 'south' : team.name.startsWith('华北') ? 'north' : 'east';
      expect(deliveriesOf(`【顾问日清】${team.name} 2026-11-25`), team.name).toEqual({ east: 0, south: 0, north: 0, [region]: 1, company: 1 });
    }
    const delays = rows.map((r) => Date.parse(r.created_at) - Date.parse(r.scheduled_for));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(10_000);

    // Down from the 25th evening until 09:30 on the 27th; three new processes start.
    const perProcessLate = await runProcesses('2026-11-27T01:30:00.000Z', 24, 48);
    expect(perProcessLate.reduce((a, b) => a + b, 0)).toBe(12);
    const late = await db.selectFrom('digests').select(['team_id', 'late']).where('date', '=', '2026-11-26').execute();
    expect(late).toHaveLength(12);
    expect(late.every((d) => d.late === 1)).toBe(true);
    expect(await n(db.selectFrom('outbox').select(sql<number>`count(*)`.as('n')))).toBe(48);
    for (const team of teams) {
      const sum = Object.values(deliveriesOf(`【顾问日清】${team.name} 2026-11-26（迟发）`)).reduce((a, b) => a + b, 0);
      expect(sum, team.name).toBe(2);
    }
    const accepted = Object.fromEntries(Object.entries(robots).map(([name, r]) => [name, r.accepted.length]));
    expect(accepted).toEqual({ east: 10, south: 8, north: 6, company: 24 });
    console.log(
      `[digests exactly-once] ${PROCESSES} processes, 12 teams: 18:00 slot → 12 digests (per process ${perProcess.join(' / ')}), ` +
        `24 outbox rows, robot deliveries ${JSON.stringify(accepted)} after both phases, 0 duplicates; ` +
        `18:00 → digest claimed after ${Math.min(...delays)}–${Math.max(...delays)} ms. Restart on the 27th → 12 late digests for the 26th ` +
        `(per process ${perProcessLate.join(' / ')}), 24 more robot messages, each team once per robot.`,
    );
  }, 180_000);
});
