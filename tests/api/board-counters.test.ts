/**
 * Board counters (`deal_stage_totals`, migration 0045) stay exact: after a random mix of every kind of deal write —
 * API creates, stage moves, amount and owner changes, hand-over, a user changing team, a team moving, customer merges,
 * an import and its undo, bulk SQL — they equal a fresh GROUP BY over the deals, and the board answers each role exactly
 * what a GROUP BY in its scope answers. Concurrent opposite moves of one owner's deals never surface a deadlock.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { systemActor } from '../../server/core/policy.js';
import { Random } from '../../server/demo/random.js';
import { mergeCustomers } from '../../server/modules/leads/merge.js';
import { moveTeamIn } from '../../server/modules/org/service.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { runImport, xlsx } from '../support/imports.js';
import { insertCustomerRow } from '../support/factories.js';

const SYSTEM = systemActor('cli');
const STAGES = ['s1', 's2', 's3', 'won', 'lost'];
const pipelineYaml = (key: string) => `key: ${key}
name: 计数 ${key}
stages:
  - { key: s1, name: 初访, probability: 10 }
  - { key: s2, name: 方案, probability: 40 }
  - { key: s3, name: 谈判, probability: 70 }
  - { key: won, name: 赢单, probability: 100, terminal: won }
  - { key: lost, name: 输单, probability: 0, terminal: lost }
`;

type Totals = Record<string, { n: number; amount: number }>;

describe('board counters', () => {
  let t: TestContext;
  let admin: Requester;
  const pipelines: Record<string, string> = {};
  const customers: Record<string, string[]> = {};
  const random = new Random(19);

  const sellers = () => [t.org.users.sellerA, t.org.users.sellerA2, t.org.users.sellerB];
  const pick = <T,>(items: T[]): T => items[random.int(0, items.length - 1)]!;

  const insertCustomer = (ownerId: string, name: string) => insertCustomerRow(t.db, t.clock, ownerId, name);

  /** The counters (non-zero rows) and a fresh GROUP BY over deals, both keyed by pipeline|stage|owner|team path. */
  async function countersAndTruth() {
    const key = (r: { pipeline_id: string; stage_key: string; owner_id: string; team_path: string }) => `${r.pipeline_id}|${r.stage_key}|${r.owner_id}|${r.team_path}`;
    const counters = await t.db.selectFrom('deal_stage_totals').selectAll().execute();
    const truth = await t.db
      .selectFrom('deals')
      .select(['pipeline_id', 'stage_key', 'owner_id', 'team_path', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount_fen').as('amount')])
      .groupBy(['pipeline_id', 'stage_key', 'owner_id', 'team_path'])
      .execute();
    // A row at n = 0 is kept and must hold amount 0; no row is ever negative.
    for (const c of counters) {
      expect(Number(c.n), key(c)).toBeGreaterThanOrEqual(0);
      if (Number(c.n) === 0) expect(Number(c.amount_fen), key(c)).toBe(0);
    }
    const live: Totals = Object.fromEntries(counters.filter((c) => Number(c.n) !== 0).map((c) => [key(c), { n: Number(c.n), amount: Number(c.amount_fen) }]));
    const fresh: Totals = Object.fromEntries(truth.map((r) => [key(r), { n: Number(r.n), amount: Number(r.amount) }]));
    return { live, fresh };
  }

  async function expectExact(step: string) {
    const { live, fresh } = await countersAndTruth();
    expect(live, step).toEqual(fresh);
  }

  /** What the board must answer: a GROUP BY over the deals of one pipeline within a scope predicate. */
  async function boardTruth(pipelineId: string, where: ReturnType<typeof sql>) {
    const { rows } = await sql<{ stage_key: string; n: number; amount: number }>`select stage_key, count(*) as n, coalesce(sum(amount_fen), 0) as amount
      from deals where pipeline_id = ${pipelineId} and ${where} group by stage_key`.execute(t.db);
    return Object.fromEntries(STAGES.map((s) => {
      const r = rows.find((x) => x.stage_key === s);
      return [s, { count: Number(r?.n ?? 0), amountFen: Number(r?.amount ?? 0) }];
    }));
  }

  async function boardOf(who: Requester, pipelineId: string, query = '') {
    const res = await who({ method: 'GET', url: `/api/pipelines/${pipelineId}/board?limit=1${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries(res.json().columns.map((c: { stageKey: string; count: number; amountFen?: number }) => [c.stageKey, { count: c.count, amountFen: c.amountFen }]));
  }

  beforeAll(async () => {
    t = await setupTestApp();
    for (const key of ['count_one', 'count_two']) pipelines[key] = (await importPipelineYaml(t.db, t.clock, SYSTEM, pipelineYaml(key))).id;
    for (const s of sellers()) customers[s.id] = [await insertCustomer(s.id, `${s.username} 医院甲`), await insertCustomer(s.id, `${s.username} 医院乙`)];
    admin = await t.as('admin');
  });
  afterAll(async () => t?.close());

  async function createDeal(ownerId: string) {
    const who = await t.as(sellers().find((s) => s.id === ownerId)!.username);
    const res = await who({ method: 'POST', url: '/api/deals', payload: { title: `商机 ${newId().slice(0, 6)}`, customerId: pick(customers[ownerId]!), pipelineId: pick(Object.values(pipelines)), stageKey: pick(['s1', 's2', 's3']), skipReason: '计数测试', amountFen: random.int(0, 50) * 10_000 } });
    expect(res.statusCode, res.body).toBe(201);
  }

  async function someDeal(status?: string) {
    let query = t.db.selectFrom('deals').select(['id', 'owner_id', 'status']).orderBy('id');
    if (status) query = query.where('status', '=', status);
    const rows = await query.execute();
    return rows.length ? pick(rows) : undefined;
  }

  let moved = 0;
  const steps: Record<string, () => Promise<void>> = {
    create: async () => createDeal(pick(sellers()).id),
    move: async () => {
      const deal = await someDeal('open');
      if (!deal) return;
      const to = pick(STAGES);
      const res = await admin({ method: 'POST', url: `/api/deals/${deal.id}/move`, payload: { toStage: to, skipReason: '计数测试', ...(to === 'lost' ? { lostReason: 'price' } : {}) } });
      expect([200, 422], res.body).toContain(res.statusCode);
      if (res.statusCode === 200) moved++;
    },
    amount: async () => {
      const deal = await someDeal();
      if (!deal) return;
      const res = await admin({ method: 'PATCH', url: `/api/deals/${deal.id}`, payload: { amountFen: random.int(0, 80) * 10_000 } });
      expect(res.statusCode, res.body).toBe(200);
    },
    owner: async () => {
      const deal = await someDeal();
      if (!deal) return;
      const res = await admin({ method: 'PATCH', url: `/api/deals/${deal.id}`, payload: { ownerId: pick(sellers()).id } });
      expect(res.statusCode, res.body).toBe(200);
    },
    handover: async () => {
      const [from, to] = random.chance(0.5) ? [t.org.users.sellerA, t.org.users.sellerA2] : [t.org.users.sellerA2, t.org.users.sellerA];
      const res = await admin({ method: 'POST', url: `/api/users/${from.id}/handover`, payload: { to: [to.id] } });
      expect(res.statusCode, res.body).toBe(200);
    },
    userTeam: async () => {
      // seller_a2 changes team: the org.ownerMoved hook retags their deals' team path.
      const team = pick([t.org.teams.eastTeam1, t.org.teams.eastTeam2]);
      const res = await admin({ method: 'PATCH', url: `/api/users/${t.org.users.sellerA2.id}`, payload: { teamId: team } });
      expect(res.statusCode, res.body).toBe(200);
    },
    teamMove: async () => {
      // East team 2 moves between the regions: every deal path under it is rewritten by one UPDATE.
      const parent = pick([t.org.teams.east, t.org.teams.south]);
      await t.db.transaction().execute((trx) => moveTeamIn(trx, t.clock, SYSTEM, t.org.teams.eastTeam2, parent));
    },
    merge: async () => {
      const owner = pick(sellers()).id;
      const merged = await insertCustomer(owner, `待合并 ${newId().slice(0, 6)}`);
      await createDeal(owner);
      await t.db.updateTable('deals').set({ customer_id: merged }).where('id', '=', (await someDeal())!.id).execute();
      await t.db.transaction().execute((trx) => mergeCustomers(trx, t.clock, t.org.users.admin.id, customers[owner]![0]!, merged));
    },
    bulk: async () => {
      // Bulk SQL: several rows in one statement, some changing key, some only amount.
      const owner = pick(sellers()).id;
      await sql`update deals set amount_fen = amount_fen + 100, stage_key = case when stage_key = 's1' then 's2' else stage_key end where owner_id = ${owner}`.execute(t.db);
    },
    delete: async () => {
      const deal = await someDeal();
      if (!deal) return;
      await t.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('deal_stage_history').where('deal_id', '=', deal.id).execute();
        await trx.deleteFrom('deals').where('id', '=', deal.id).execute();
      });
    },
  };

  it('equal a fresh GROUP BY after every step of a random mix of writes, an import and its undo', async () => {
    await expectExact('start');
    for (let i = 0; i < 12; i++) await steps.create!();
    await expectExact('creates');
    const names = Object.keys(steps);
    for (let i = 0; i < 60; i++) {
      const name = pick(names);
      await steps[name]!();
      await expectExact(`step ${i}: ${name}`);
    }
    // Every kind ran at least once, whatever the draw.
    for (const name of names) {
      await steps[name]!();
      await expectExact(`again: ${name}`);
    }
    // A drawn move can be refused (the deal is already in that stage): draw more until several went through, each checked.
    for (let i = 0; moved <= 3 && i < 40; i++) {
      await steps.move!();
      await expectExact(`extra move ${i}`);
    }
    expect(moved).toBeGreaterThan(3);

    const [customerA] = await t.db.selectFrom('customers').select('name').where('id', '=', customers[t.org.users.sellerA.id]![0]!).execute();
    const [customerB] = await t.db.selectFrom('customers').select('name').where('id', '=', customers[t.org.users.sellerB.id]![0]!).execute();
    const flow = await runImport(admin, {
      name: '商机.xlsx',
      content: await xlsx([
        ['商机名称', '客户名称', '销售流程', '阶段', '状态', '金额', '成交日期', '负责人'],
        ['导入商机一', customerA!.name, 'count_one', '方案', '', '12000', '', 'seller_a'],
        ['导入商机二', customerA!.name, 'count_two', '', '赢单', '3.5万', '2026-10-01', 'seller_a'],
        ['导入商机三', customerB!.name, 'count_one', '谈判', '', '800', '', 'seller_b'],
      ]),
    }, { fields: { kind: 'deals' } });
    const problems = (await admin({ method: 'GET', url: `/api/imports/${flow.upload.import.id}/rows?verdict=problems` })).json();
    expect(flow.commit?.result, JSON.stringify(problems)).toMatchObject({ created: 3 });
    await expectExact('import');
    const undo = await admin({ method: 'POST', url: `/api/imports/${flow.upload.import.id}/undo` });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await t.db.selectFrom('deals').select('id').where('title', 'like', '导入商机%').execute()).toEqual([]);
    await expectExact('import undone');
  });

  it('answer the board exactly as a GROUP BY in scope for director, team lead and seller, with the owner and team filters', async () => {
    const lead = await t.db.selectFrom('users').select('team_path').where('id', '=', t.org.users.leadEast1.id).executeTakeFirstOrThrow();
    const south = await t.db.selectFrom('teams').select('path').where('id', '=', t.org.teams.south).executeTakeFirstOrThrow();
    const range = (path: string) => sql`team_path >= ${path} and team_path < ${`${path}~`}`;
    let nonEmpty = 0;
    for (const pipelineId of Object.values(pipelines)) {
      const cases: [string, string, ReturnType<typeof sql>][] = [
        ['director', '', sql`1 = 1`],
        ['lead_east1', '', range(lead.team_path)],
        ['seller_a', '', sql`owner_id = ${t.org.users.sellerA.id}`],
        ['seller_b', '', sql`owner_id = ${t.org.users.sellerB.id}`],
        ['director', `&ownerId=${t.org.users.sellerA2.id}`, sql`owner_id = ${t.org.users.sellerA2.id}`],
        ['director', `&teamId=${t.org.teams.south}`, range(south.path)],
        // A filter never widens the scope: the lead asking for the south sees nothing.
        ['lead_east1', `&teamId=${t.org.teams.south}`, sql`${range(lead.team_path)} and ${range(south.path)}`],
      ];
      for (const [username, query, where] of cases) {
        const truth = await boardTruth(pipelineId, where);
        const board = await boardOf(await t.as(username), pipelineId, query);
        for (const stage of STAGES) {
          expect(board[stage]!.count, `${username}${query} ${stage}`).toBe(truth[stage]!.count);
          if (board[stage]!.amountFen !== undefined) expect(board[stage]!.amountFen, `${username}${query} ${stage}`).toBe(truth[stage]!.amountFen);
          if (truth[stage]!.count > 0) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('stay exact under concurrent opposite moves and creates of one owner (PostgreSQL: five connections at once), no deadlock surfaced', async () => {
    const owner = t.org.users.sellerB;
    for (let i = 0; i < 20; i++) await createDeal(owner.id);
    const pipelineId = pipelines.count_one!;
    const ids = (await t.db.selectFrom('deals').select('id').where('owner_id', '=', owner.id).where('pipeline_id', '=', pipelineId).orderBy('id').execute()).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    // Each client owns a disjoint set of deals and flips them s1 ↔ s2 in one statement: both directions in every
    // statement, so the counter rows s1 and s2 are wanted by every client at once.
    const groups = [0, 1, 2, 3].map((g) => ids.filter((_, i) => i % 4 === g));
    await sql`update deals set stage_key = case when ${sql.ref('id')} in (${sql.join(ids.filter((_, i) => i % 2 === 0))}) then 's1' else 's2' end where id in (${sql.join(ids)})`.execute(t.db);
    const flip = (group: string[]) =>
      t.db.transaction().execute(async (trx) => {
        // Ten flips of the same group run at once: their deal rows are locked in id order first, as careful bulk SQL
        // does, because two multi-row UPDATEs of the same rows may lock them in different orders and deadlock on the
        // deals themselves (PostgreSQL's log: "while rechecking updated tuple … in relation deals") — not what is
        // tested here. The groups' opposite moves still meet on the same counter rows.
        if (t.dialect === 'postgres') await sql`select id from deals where id in (${sql.join(group)}) order by id for update`.execute(trx);
        await sql`update deals set stage_key = case when stage_key = 's1' then 's2' else 's1' end, amount_fen = amount_fen + 1 where id in (${sql.join(group)})`.execute(trx);
        await sql`update deals set stage_key = case when stage_key = 's1' then 's2' else 's1' end where id in (${sql.join(group)})`.execute(trx);
      });
    const seller = await t.as(owner.username);
    const apiMove = async (round: number) => {
      const id = ids[round % ids.length]!;
      const res = await seller({ method: 'POST', url: `/api/deals/${id}/move`, payload: { toStage: round % 2 ? 's3' : 's2', skipReason: '并发' } });
      expect([200, 409, 422], res.body).toContain(res.statusCode);
    };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, round) => [...groups.map(flip), apiMove(round), createDeal(owner.id)]).flat(),
    );
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    await expectExact('after the concurrent writers');
  });
});
