/**
 * Large-list paging: keyset cursors (stable under concurrent inserts, no duplicates or gaps), offset pages taken in
 * an ids-only subquery, totals exact up to the cap and estimated above it, board columns with "load more" — every
 * one of them inside the caller's scope.
 */
import { CompiledQuery, sql, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXACT_TOTAL_CAP } from '../../server/core/paging.js';
import type { DealsTable } from '../../server/db/schema.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { systemActor, type Scope } from '../../server/core/policy.js';
import { stageTotals, stageTotalsFromDeals } from '../../server/modules/deals/repo.js';
import { insertCustomerRow, insertDealRows } from '../support/factories.js';

const SYSTEM = systemActor('cli');

interface Item {
  id: string;
  ownerId: string;
  title: string;
}

describe('list paging at scale', () => {
  let t: TestContext;
  let director: Requester, sellerA: Requester, lead: Requester;
  let pipelineId: string;
  const customerOf: Record<string, string> = {};

  async function user(id: string) {
    return t.db.selectFrom('users').select(['id', 'team_path']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  const insertCustomer = (ownerId: string, name: string) => insertCustomerRow(t.db, t.clock, ownerId, name);

  /** Deals straight into the table; `minute` repeats on purpose so the id tie-break matters. */
  const insertDeals = (ownerId: string, count: number, at: (i: number) => string, extra: Partial<DealsTable> = {}) =>
    insertDealRows(t.db, { ownerId, customerId: customerOf[ownerId]!, pipelineId, count, at, extra });

  const minute = (i: number) => new Date(Date.UTC(2026, 9, 1, 0, Math.floor(i / 3))).toISOString();

  async function walk(who: Requester, url: string, pageSize: number) {
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await who({ method: 'GET', url: `${url}${sep}pageSize=${pageSize}${cursor ? `&cursor=${cursor}` : ''}` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 1000);
    return seen;
  }

  beforeAll(async () => {
    t = await setupTestApp();
    director = await t.as('director');
    sellerA = await t.as('seller_a');
    lead = await t.as('lead_east1');
    pipelineId = (await installTemplate(t.db, t.clock, SYSTEM, 'b2b_six_step')).id;
    for (const u of [t.org.users.sellerA, t.org.users.sellerA2, t.org.users.sellerB]) customerOf[u.id] = await insertCustomer(u.id, `客户 ${u.username}`);
    await insertDeals(t.org.users.sellerA.id, 37, minute);
    await insertDeals(t.org.users.sellerA2.id, 23, minute);
    await insertDeals(t.org.users.sellerB.id, 31, minute);
  });
  afterAll(async () => t?.close());

  it('walks every deal once by cursor, in the same order as offset pages, for several sorts', async () => {
    for (const sort of ['', '&sort=title', '&sort=-amountFen', '&sort=expectedCloseDate', '&sort=-expectedCloseDate']) {
      const byCursor = await walk(director, `/api/deals?x=1${sort}`, 7);
      const all = (await director({ method: 'GET', url: `/api/deals?pageSize=200${sort}` })).json().items as Item[];
      expect(all).toHaveLength(91);
      expect(byCursor.map((d) => d.id)).toEqual(all.map((d) => d.id));
      const page3 = (await director({ method: 'GET', url: `/api/deals?pageSize=7&page=3${sort}` })).json().items as Item[];
      expect(page3.map((d) => d.id)).toEqual(all.slice(14, 21).map((d) => d.id));
    }
  });

  it('keeps pages stable while deals are inserted before and after the cursor: no duplicates, no gaps', async () => {
    const before = (await director({ method: 'GET', url: '/api/deals?pageSize=200' })).json().items.map((d: Item) => d.id) as string[];
    const first = (await director({ method: 'GET', url: '/api/deals?pageSize=10' })).json();
    // New deals land both at the head (newest) and in the middle of the order while the client pages on.
    await insertDeals(t.org.users.sellerA.id, 5, () => '2026-12-01T00:00:00.000Z');
    await insertDeals(t.org.users.sellerB.id, 4, (i) => minute(10 + i));
    const seen: string[] = first.items.map((d: Item) => d.id);
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const body = (await director({ method: 'GET', url: `/api/deals?pageSize=10&cursor=${cursor}` })).json();
      seen.push(...body.items.map((d: Item) => d.id));
      cursor = body.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    // Only the deals inserted behind the cursor may show up; the ones at the head are for the next refresh.
    expect(seen.length).toBeLessThanOrEqual(before.length + 4);
  });

  it('keeps cursors inside the scope: a seller walks only their deals, a lead only the team', async () => {
    const mine = await walk(sellerA, '/api/deals', 6);
    expect(mine.length).toBe(42);
    expect(new Set(mine.map((d) => d.ownerId))).toEqual(new Set([t.org.users.sellerA.id]));
    const team = await walk(lead, '/api/deals?sort=title', 9);
    expect(new Set(team.map((d) => d.ownerId))).toEqual(new Set([t.org.users.sellerA.id, t.org.users.sellerA2.id]));
    expect(new Set(team.map((d) => d.id)).size).toBe(team.length);
    // A director's cursor handed to a seller pages the seller's own deals, never the director's.
    const directorPage = (await director({ method: 'GET', url: '/api/deals?pageSize=3' })).json();
    const next = (await sellerA({ method: 'GET', url: `/api/deals?pageSize=50&cursor=${directorPage.nextCursor}` })).json();
    expect(next.items.every((d: Item) => d.ownerId === t.org.users.sellerA.id)).toBe(true);
  });

  it('pages customers by cursor within scope', async () => {
    for (let i = 0; i < 12; i++) await insertCustomer(t.org.users.sellerB.id, `南方客户 ${i}`);
    const all = await walk(director, '/api/customers?sort=name', 5);
    expect(all.length).toBe(15);
    expect(new Set(all.map((c) => c.id)).size).toBe(15);
    const sellerB = await walk(await t.as('seller_b'), '/api/customers', 4);
    expect(sellerB.length).toBe(13);
    expect(sellerB.every((c) => c.ownerId === t.org.users.sellerB.id)).toBe(true);
  });

  it('refuses a cursor that is not ours or belongs to another sort, naming cursor', async () => {
    const page = (await director({ method: 'GET', url: '/api/deals?pageSize=5&sort=title' })).json();
    for (const url of [`/api/deals?cursor=${page.nextCursor}`, '/api/deals?cursor=not-a-cursor', `/api/customers?cursor=${page.nextCursor}`]) {
      const res = await director({ method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['cursor']);
    }
  });

  it('answers exact totals up to the cap and marks larger totals as estimates unless exactTotal is asked', async () => {
    const small = (await director({ method: 'GET', url: '/api/deals' })).json();
    expect(small).toMatchObject({ total: 100, totalIsEstimate: false });
    expect((await sellerA({ method: 'GET', url: '/api/deals' })).json()).toMatchObject({ total: 42, totalIsEstimate: false });
    await insertDeals(t.org.users.sellerB.id, EXACT_TOTAL_CAP, (i) => minute(i));
    const big = (await director({ method: 'GET', url: '/api/deals' })).json();
    expect(big.totalIsEstimate).toBe(true);
    expect(big.total).toBeGreaterThan(EXACT_TOTAL_CAP);
    expect((await director({ method: 'GET', url: '/api/deals?exactTotal=true' })).json()).toMatchObject({ total: 1100, totalIsEstimate: false });
    // The seller's own list is still small: exact, whatever the table holds.
    expect((await sellerA({ method: 'GET', url: '/api/deals' })).json()).toMatchObject({ total: 42, totalIsEstimate: false });
    const activities = (await director({ method: 'GET', url: '/api/activities' })).json();
    expect(activities).toMatchObject({ total: 0, totalIsEstimate: false });
  });

  it('board: counts and amounts per stage in scope, first cards per column, load more by cursor without gaps', async () => {
    const board = (await lead({ method: 'GET', url: `/api/pipelines/${pipelineId}/board?limit=4` })).json();
    const column0 = board.columns.find((c: { stageKey: string }) => c.stageKey === 'lead_assignment');
    const expected = await t.db
      .selectFrom('deals')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount_fen').as('a')])
      .where('stage_key', '=', 'lead_assignment')
      .where('owner_id', 'in', [t.org.users.sellerA.id, t.org.users.sellerA2.id])
      .executeTakeFirstOrThrow();
    expect(column0.count).toBe(Number(expected.n));
    expect(column0.amountFen).toBe(Number(expected.a));
    expect(column0.deals).toHaveLength(4);
    const cards: Item[] = [...column0.deals];
    let cursor = column0.nextCursor;
    while (cursor) {
      const res = await lead({ method: 'GET', url: `/api/pipelines/${pipelineId}/board/columns/lead_assignment?limit=4&cursor=${cursor}` });
      expect(res.statusCode, res.body).toBe(200);
      cards.push(...res.json().deals);
      cursor = res.json().nextCursor;
    }
    expect(cards).toHaveLength(column0.count);
    expect(new Set(cards.map((d) => d.id)).size).toBe(cards.length);
    expect(cards.every((d) => [t.org.users.sellerA.id, t.org.users.sellerA2.id].includes(d.ownerId))).toBe(true);
  });

  /** The one statement `read` sends, compiled as Kysely sends it, with its plan (PostgreSQL: scans switched off). */
  async function capturePlan(read: (db: TestContext['db']) => Promise<unknown>) {
    const nodes: RootOperationNode[] = [];
    const spy = t.db.withPlugin({ transformQuery: ({ node }) => (nodes.push(node), node), transformResult: async ({ result }) => result });
    await read(spy);
    expect(nodes).toHaveLength(1);
    const query = t.db.getExecutor().compileQuery(nodes[0]!, { queryId: 'plan' });
    const plan = await t.db.transaction().execute(async (trx) => {
      if (t.dialect === 'postgres') {
        // On tables this small the planner prefers a scan; without it, the index must answer alone.
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_bitmapscan = off`.execute(trx);
        return (await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]))).rows.map((r) => r['QUERY PLAN']).join('\n');
      }
      return (await trx.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]))).rows.map((r) => r.detail).join('\n');
    });
    return { sql: query.sql, plan };
  }

  it('board headers without a search read the counters: one GROUP BY over the pipeline\'s counter rows, the scope inside the query', async () => {
    const lead1 = await user(t.org.users.leadEast1.id);
    const scopes: Scope[] = [{ kind: 'all' }, { kind: 'subtree', path: lead1.team_path }, { kind: 'own', userId: t.org.users.sellerA.id }];
    for (const scope of scopes) {
      const { sql: text, plan } = await capturePlan((db) => stageTotals(db, scope, pipelineId, {}));
      expect(text).toMatch(/from "deal_stage_totals"/);
      expect(text).not.toMatch(/"deals"|join/i);
      if (scope.kind === 'own') expect(text).toMatch(/"deal_stage_totals"\."owner_id" = /);
      if (scope.kind === 'subtree') expect(text).toMatch(/"deal_stage_totals"\."team_path" >= /);
      // The pipeline's range of the counters' key, never the whole table.
      expect(plan, `${scope.kind}: ${plan}`).toMatch(t.dialect === 'postgres' ? /Index (Only )?Scan using deal_stage_totals_pk/ : /SEARCH deal_stage_totals USING PRIMARY KEY \(pipeline_id=\?/);
      expect(plan, `${scope.kind}: ${plan}`).not.toMatch(/Seq Scan|SCAN deal_stage_totals\b/);
    }
    // A search needs the deals themselves.
    const searched = await capturePlan((db) => stageTotals(db, { kind: 'all' }, pipelineId, { q: '批量' }));
    expect(searched.sql).toMatch(/from "deals"/);
  });

  it('board headers from the deals (with a search) are one GROUP BY over a board index (covering on SQLite), no join, the scope inside the query, for every scope', async () => {
    const lead1 = await user(t.org.users.leadEast1.id);
    const scopes: [Scope, string][] = [
      [{ kind: 'all' }, 'deals_board_totals'],
      [{ kind: 'subtree', path: lead1.team_path }, 'deals_board_team'],
      [{ kind: 'own', userId: t.org.users.sellerA.id }, 'deals_board_owner'],
    ];
    for (const [scope, index] of scopes) {
      const { sql: text, plan } = await capturePlan((db) => stageTotalsFromDeals(db, scope, pipelineId, {}));
      expect(text.toLowerCase()).toContain('group by');
      expect(text).not.toMatch(/join/i);
      // SQLite's choice is fixed by its rules; PostgreSQL's depends on statistics of these few rows, so any of the
      // board's indexes will do there (at 300,000 deals it takes the covering one: docs/performance.md).
      expect(plan, `${scope.kind}: ${plan}`).toMatch(t.dialect === 'postgres' ? /Index (Only )?Scan using deals_board_/ : new RegExp(`COVERING INDEX ${index}`));
      // Only the index is read (no row of the table); a team's range groups its five stages in a small temp tree.
      expect(plan, `${scope.kind}: ${plan}`).not.toMatch(/Seq Scan|SCAN deals\b(?! USING COVERING)/);
    }
  });

  it('board: team and owner filters narrow within scope, never widen it', async () => {
    const count = (b: { columns: { count: number }[] }) => b.columns.reduce((s, c) => s + c.count, 0);
    const south = (await director({ method: 'GET', url: `/api/pipelines/${pipelineId}/board?teamId=${t.org.teams.south}&limit=1` })).json();
    expect(count(south)).toBe(31 + 4 + EXACT_TOTAL_CAP);
    expect(south.columns.flatMap((c: { deals: Item[] }) => c.deals).every((d: Item) => d.ownerId === t.org.users.sellerB.id)).toBe(true);
    const sellerView = (await sellerA({ method: 'GET', url: `/api/pipelines/${pipelineId}/board?teamId=${t.org.teams.south}` })).json();
    expect(count(sellerView)).toBe(0);
    const column = await sellerA({ method: 'GET', url: `/api/pipelines/${pipelineId}/board/columns/lead_assignment?teamId=${t.org.teams.south}` });
    expect(column.json().deals).toEqual([]);
    const owner = (await director({ method: 'GET', url: `/api/pipelines/${pipelineId}/board?ownerId=${t.org.users.sellerA2.id}` })).json();
    expect(count(owner)).toBe(23);
    const bad = await director({ method: 'GET', url: `/api/pipelines/${pipelineId}/board?teamId=nope` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('teamId');
    expect((await director({ method: 'GET', url: `/api/pipelines/${pipelineId}/board/columns/nope` })).statusCode).toBe(404);
  });

  it('exports walk every deal in scope once across batches of 2,000, in id order', async () => {
    await insertDeals(t.org.users.sellerA2.id, 1000, (i) => minute(2000 + i));
    const exported = async (who: Requester) => {
      const res = await who({ method: 'GET', url: `/api/exports/deals?format=csv&pipelineId=${pipelineId}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
    };
    const inDb = async (owners?: string[]) => {
      let q = t.db.selectFrom('deals').select('id').where('pipeline_id', '=', pipelineId);
      if (owners) q = q.where('owner_id', 'in', owners);
      return (await q.execute()).map((r) => r.id).sort();
    };
    const all = await exported(director);
    expect(all.length).toBeGreaterThan(2000);
    expect(all).toEqual(await inDb());
    const team = await exported(lead);
    expect(team).toEqual(await inDb([t.org.users.sellerA.id, t.org.users.sellerA2.id]));
    expect(team.length).toBeGreaterThan(1000);
  });

  it('exports take the list search and filters as on screen: the same rows as the list', async () => {
    const listed = async (url: string) => ((await director({ method: 'GET', url: `${url}&pageSize=200` })).json().items as Array<{ id: string }>).map((r) => r.id).sort();
    const exported = async (url: string) => {
      const res = await director({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      return res.body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]).sort();
    };
    for (const filter of [`q=${encodeURIComponent('批量商机 002')}`, `q=${encodeURIComponent('批量商机 002')}&stage=first_touch`, `status=open&stage=lead_assignment&ownerId=${t.org.users.sellerA.id}`]) {
      const onScreen = await listed(`/api/deals?pipelineId=${pipelineId}&${filter}`);
      expect(onScreen.length, filter).toBeGreaterThan(0);
      expect(onScreen.length, filter).toBeLessThan(200);
      expect(await exported(`/api/exports/deals?format=csv&pipelineId=${pipelineId}&${filter}`), filter).toEqual(onScreen);
    }
    const customers = await listed(`/api/customers?q=${encodeURIComponent('seller_a')}&kind=company`);
    expect(customers.length).toBeGreaterThan(0);
    expect(await exported(`/api/exports/customers?format=csv&q=${encodeURIComponent('seller_a')}&kind=company`)).toEqual(customers);
    expect(await exported(`/api/exports/customers?format=csv&q=${encodeURIComponent('seller_a')}&kind=person`)).toEqual([]);
  });
});
