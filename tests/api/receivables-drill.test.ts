/**
 * Figure = drill-down = export, on both databases: every ageing figure (each bucket of each customer / seller / team
 * group and of the totals, the over-90 contracts share, collected this month per seller, DSO's receivables and
 * sales) equals the sum (or distinct-contract count) of the rows its drill-down route answers, and the .xlsx export
 * asked for the same figure writes exactly those rows (read back with exceljs). Each role sees the same scope in all
 * three: director and finance everything, a regional manager and a lead their subtree, a seller their own; support
 * gets 403; an invalid asOf is a 400 naming the field.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';
import { addUser, insertDeal } from '../support/leads.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const AS_OF = '2026-12-15';
const BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
const GROUPINGS = ['customer', 'seller', 'team'] as const;
const fenOf = (yuan: unknown) => Math.round(Number(yuan) * 100);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

type Row = { contract: { id: string; number: string }; outstandingFen: number; amountFen: number; id?: string };
type Sheet = { header: string[]; rows: Array<Record<string, unknown>> };

describe('receivables: figure = drill-down = export, per role scope', () => {
  let t: TestContext;
  const contracts: Record<string, { id: string; owner: string }> = {};
  const sellers: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-12-20T10:00:00'), config: { sessionTtlHours: 24 * 365 } });
    sellers.seller_a = t.org.users.sellerA.id;
    sellers.seller_a2 = t.org.users.sellerA2.id;
    sellers.seller_b = t.org.users.sellerB.id;
    sellers.seller_e2 = await addUser(t, 'seller_e2', t.org.teams.eastTeam2);
    const plans: Array<{ key: string; seller: string; signedAt: string; plan: Array<[string, number]> }> = [
      { key: 'a1', seller: 'seller_a', signedAt: '2026-06-01', plan: [['2026-06-30', 100_000], ['2026-09-30', 100_000], ['2026-12-31', 100_000]] },
      { key: 'aOld', seller: 'seller_a', signedAt: '2026-01-05', plan: [['2026-02-05', 100_000]] },
      { key: 'a2', seller: 'seller_a2', signedAt: '2026-10-10', plan: [['2026-11-10', 100_000], ['2027-01-10', 100_000]] },
      { key: 'e2', seller: 'seller_e2', signedAt: '2026-09-20', plan: [['2026-10-20', 100_000]] },
      { key: 'b', seller: 'seller_b', signedAt: '2026-12-01', plan: [['2026-12-10', 100_000]] },
    ];
    for (const p of plans) {
      const as = await t.as(p.seller);
      const customerId = (await as({ method: 'POST', url: '/api/customers', payload: { name: `客户-${p.key}医院` } })).json().id;
      const dealId = await insertDeal(t, customerId, sellers[p.seller], 'won');
      const amountFen = sum(p.plan.map(([, fen]) => fen));
      const res = await as({ method: 'POST', url: '/api/contracts', payload: { dealId, signedAt: p.signedAt, amountFen, plan: p.plan.map(([dueDate, fen]) => ({ dueDate, amountFen: fen, method: 'wire' })) } });
      expect(res.statusCode, res.body).toBe(201);
      contracts[p.key] = { id: res.json().id, owner: sellers[p.seller] };
    }
    const finance = await t.as('finance');
    const pay = async (key: string, amountFen: number, receivedOn: string) => {
      const res = await finance({ method: 'POST', url: `/api/contracts/${contracts[key].id}/payments`, payload: { amountFen, receivedOn, method: 'wire', reference: `REF-${key}-${receivedOn}` } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    await pay('a1', 20_000, '2026-11-20'); // last month: not collected this month
    await pay('a1', 30_000, '2026-12-03');
    const reversed = await pay('a1', 10_000, '2026-12-05');
    const paymentId = reversed.payments.find((p: { receivedOn: string }) => p.receivedOn === '2026-12-05').id;
    const rev = await finance({ method: 'POST', url: `/api/contracts/${contracts.a1.id}/payments/${paymentId}/reversal`, payload: { reason: '退票', reversedOn: '2026-12-08' } });
    expect(rev.statusCode, rev.body).toBe(200);
    await pay('a2', 50_000, '2026-12-10');
    await pay('e2', 40_000, '2026-12-01');
    await pay('b', 25_000, '2026-12-12');
    await pay('b', 5_000, '2026-12-18'); // after asOf: neither collected nor counted against the ageing
  });
  afterAll(async () => t?.close());

  const get = async (user: string, url: string) => {
    const res = await (await t.as(user))({ method: 'GET', url });
    expect(res.statusCode, `${user} ${url}: ${res.body}`).toBe(200);
    return res;
  };
  const json = async (user: string, url: string) => (await get(user, url)).json();
  /** The export's sheets by name: header row, then rows keyed by header. */
  const workbook = async (user: string, query: string): Promise<Record<string, Sheet>> => {
    const res = await get(user, `/api/receivables/ageing/export?${query}`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const out: Record<string, Sheet> = {};
    for (const ws of wb.worksheets) {
      const values: unknown[][] = [];
      ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      const header = (values[0] ?? []).map(String);
      out[ws.name] = { header, rows: values.slice(1).map((v) => Object.fromEntries(header.map((h, i) => [h, v[i] ?? null]))) };
    }
    return out;
  };
  const numbers = (rows: Array<{ contract: { number: string } }>) => rows.map((r) => r.contract.number).sort();
  const distinct = (rows: Row[]) => new Set(rows.map((r) => r.contract.id)).size;

  it('the data is alive: several buckets, a reversal in the month, sales inside and outside the DSO window', async () => {
    const a = await json('director', `/api/receivables/ageing?asOf=${AS_OF}&groupBy=seller`);
    // a1 300k −20k −30k (the reversed 10k nets out), aOld 100k, a2 200k −50k, e2 100k −40k, b 100k −25k (Dec 18's 5k
    // is after asOf): 250k + 100k + 150k + 60k + 75k.
    expect(a.totals.totalFen).toBe(635_000);
    expect(BUCKETS.filter((b) => a.totals[b] > 0)).toEqual([...BUCKETS]);
    expect(a.over90).toEqual({ contracts: 5, over90: 2, share: 0.4 });
    expect(a.collectedThisMonth).toEqual(
      expect.arrayContaining([
        { seller: { id: sellers.seller_a, name: 'seller_a' }, collectedFen: 30_000 },
        { seller: { id: sellers.seller_a2, name: 'seller_a2' }, collectedFen: 50_000 },
        { seller: { id: sellers.seller_e2, name: 'seller_e2' }, collectedFen: 40_000 },
        { seller: { id: sellers.seller_b, name: 'seller_b' }, collectedFen: 25_000 },
      ]),
    );
    // Signed Sep 17 – Dec 15: a2, e2 and b; a1 (June) and aOld (January) are outside.
    expect(a.dso).toMatchObject({ receivablesFen: 635_000, salesFen: 400_000, days: 90 });
  });

  const SCOPES: Array<{ user: string; sellers: string[] }> = [
    { user: 'director', sellers: ['seller_a', 'seller_a2', 'seller_e2', 'seller_b'] },
    { user: 'finance', sellers: ['seller_a', 'seller_a2', 'seller_e2', 'seller_b'] },
    { user: 'rm_east', sellers: ['seller_a', 'seller_a2', 'seller_e2'] },
    { user: 'lead_east1', sellers: ['seller_a', 'seller_a2'] },
    { user: 'seller_a', sellers: ['seller_a'] },
  ];

  for (const scope of SCOPES) {
    it(`${scope.user}: every bucket of every group and of the totals = its drill-down rows = the export's 明细 rows`, async () => {
      const owners = new Set(scope.sellers.map((s) => sellers[s]));
      const mine = Object.values(contracts).filter((c) => owners.has(c.owner)).map((c) => c.id);
      for (const groupBy of GROUPINGS) {
        const a = await json(scope.user, `/api/receivables/ageing?asOf=${AS_OF}&groupBy=${groupBy}`);
        const everything: Row[] = (await json(scope.user, `/api/receivables/ageing/instalments?asOf=${AS_OF}&groupBy=${groupBy}`)).items;
        // Scope: exactly the contracts of the sellers this user may see.
        expect([...new Set(everything.map((r) => r.contract.id))].sort()).toEqual(mine.sort());
        expect(sum(everything.map((r) => r.outstandingFen))).toBe(a.totals.totalFen);
        expect(distinct(everything)).toBe(a.over90.contracts);
        for (const bucket of BUCKETS) {
          const rows: Row[] = (await json(scope.user, `/api/receivables/ageing/instalments?asOf=${AS_OF}&groupBy=${groupBy}&bucket=${bucket}`)).items;
          expect(sum(rows.map((r) => r.outstandingFen)), `${groupBy} totals ${bucket}`).toBe(a.totals[bucket]);
        }
        for (const g of a.groups) {
          const groupRows: Row[] = (await json(scope.user, `/api/receivables/ageing/instalments?asOf=${AS_OF}&groupBy=${groupBy}&key=${g.key}`)).items;
          expect(sum(groupRows.map((r) => r.outstandingFen))).toBe(g.totalFen);
          expect(distinct(groupRows)).toBe(g.contracts);
          for (const bucket of BUCKETS) {
            const rows: Row[] = (await json(scope.user, `/api/receivables/ageing/instalments?asOf=${AS_OF}&groupBy=${groupBy}&key=${g.key}&bucket=${bucket}`)).items;
            expect(sum(rows.map((r) => r.outstandingFen)), `${groupBy} ${g.name} ${bucket}`).toBe(g[bucket]);
            if (rows.length === 0) continue;
            const sheets = await workbook(scope.user, `asOf=${AS_OF}&groupBy=${groupBy}&key=${g.key}&bucket=${bucket}`);
            const lines = sheets['明细'].rows;
            expect(lines.map((l) => String(l['合同编号'])).sort()).toEqual(numbers(rows));
            expect(sum(lines.map((l) => fenOf(l['未收（元）'])))).toBe(g[bucket]);
            expect(sheets['账龄汇总'].rows.map((r) => fenOf(r['合计（元）']))).toEqual([g.totalFen]);
          }
          const over90: Row[] = (await json(scope.user, `/api/receivables/ageing/instalments?asOf=${AS_OF}&groupBy=${groupBy}&key=${g.key}&bucket=over90`)).items;
          expect(distinct(over90)).toBe(g.contractsOver90);
        }
      }
    });

    it(`${scope.user}: the over-90 share, collected this month per seller and DSO = their drill-downs = the export's sheets`, async () => {
      const a = await json(scope.user, `/api/receivables/ageing?asOf=${AS_OF}&groupBy=team`);
      const over90: Row[] = (await json(scope.user, `/api/receivables/ageing/instalments?asOf=${AS_OF}&groupBy=team&bucket=over90`)).items;
      expect(distinct(over90)).toBe(a.over90.over90);
      const over90Sheet = (await workbook(scope.user, `asOf=${AS_OF}&groupBy=team&bucket=over90`))['明细'].rows;
      expect(new Set(over90Sheet.map((l) => l['合同编号'])).size).toBe(a.over90.over90);
      expect(over90Sheet.map((l) => String(l['合同编号'])).sort()).toEqual(numbers(over90));

      // Collected this month: one line per seller in scope who collected, each = its payments = the 本月回款 sheet.
      expect(a.collectedThisMonth.map((c: { seller: { id: string } }) => c.seller.id).sort()).toEqual(scope.sellers.map((s) => sellers[s]).sort());
      for (const line of a.collectedThisMonth) {
        const drill = await json(scope.user, `/api/receivables/ageing/collected?asOf=${AS_OF}&sellerId=${line.seller.id}`);
        expect(drill).toMatchObject({ asOf: AS_OF, from: '2026-12-01', to: AS_OF, sellerId: line.seller.id });
        expect(drill.items.length).toBeGreaterThan(0);
        for (const p of drill.items) expect(p).toMatchObject({ seller: { id: line.seller.id } });
        expect(drill.items.every((p: { receivedOn: string }) => p.receivedOn >= '2026-12-01' && p.receivedOn <= AS_OF)).toBe(true);
        expect(sum(drill.items.map((p: { amountFen: number }) => p.amountFen))).toBe(line.collectedFen);
        const sheet = (await workbook(scope.user, `asOf=${AS_OF}&groupBy=team&sellerId=${line.seller.id}`))['本月回款'].rows;
        expect(sheet).toHaveLength(drill.items.length);
        expect(sum(sheet.map((r) => fenOf(r['金额（元）'])))).toBe(line.collectedFen);
        expect(sheet.map((r) => r['合同编号']).sort()).toEqual(numbers(drill.items));
      }
      if (scope.sellers.includes('seller_a')) {
        const a1 = (await json(scope.user, `/api/receivables/ageing/collected?asOf=${AS_OF}&sellerId=${sellers.seller_a}`)).items;
        // 30k and 10k received, the 10k reversed on Dec 8: three rows, the reversal negative; November's 20k is not in.
        expect(a1.map((p: { kind: string; amountFen: number }) => [p.kind, p.amountFen])).toEqual([['payment', 30_000], ['payment', 10_000], ['reversal', -10_000]]);
      }
      // Someone outside the scope: no rows, even when asked by id.
      if (!scope.sellers.includes('seller_b')) expect((await json(scope.user, `/api/receivables/ageing/collected?asOf=${AS_OF}&sellerId=${sellers.seller_b}`)).items).toEqual([]);

      // DSO: its receivables are the totals' drill-down; its sales are the contracts signed in the window.
      const sales = await json(scope.user, `/api/receivables/ageing/sales?asOf=${AS_OF}`);
      expect(sales).toMatchObject({ asOf: AS_OF, from: '2026-09-17', to: AS_OF });
      expect(sum(sales.items.map((s: { amountFen: number }) => s.amountFen))).toBe(a.dso.salesFen);
      const expected = ['a2', 'e2', 'b'].filter((k) => scope.sellers.map((s) => sellers[s]).includes(contracts[k].owner)).map((k) => contracts[k].id).sort();
      expect(sales.items.map((s: Row) => s.contract.id).sort()).toEqual(expected);
      const sheets = await workbook(scope.user, `asOf=${AS_OF}&groupBy=team`);
      expect(sheets['DSO销售额'].rows.map((r) => r['合同编号']).sort()).toEqual(numbers(sales.items));
      expect(sum(sheets['DSO销售额'].rows.map((r) => fenOf(r['合同金额（元）'])))).toBe(a.dso.salesFen);
      // The unfiltered export: every group, every open instalment (= DSO's receivables), every payment of the month.
      expect(sum(sheets['明细'].rows.map((r) => fenOf(r['未收（元）'])))).toBe(a.dso.receivablesFen);
      expect(sum(sheets['本月回款'].rows.map((r) => fenOf(r['金额（元）'])))).toBe(sum(a.collectedThisMonth.map((c: { collectedFen: number }) => c.collectedFen)));
      expect(sheets['账龄汇总'].rows).toHaveLength(a.groups.length);
    });
  }

  it('support gets 403 on the figures, every drill-down and the export', async () => {
    const support = await t.as('support');
    for (const url of ['/api/receivables/ageing', '/api/receivables/ageing/instalments', '/api/receivables/ageing/collected', '/api/receivables/ageing/sales', '/api/receivables/ageing/export']) {
      const res = await support({ method: 'GET', url: `${url}?asOf=${AS_OF}` });
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toMatch(/amountFen|outstandingFen/);
    }
  });

  it('an invalid asOf is a 400 naming the field, on the figures, the drill-downs and the export', async () => {
    const finance = await t.as('finance');
    for (const url of ['/api/receivables/ageing', '/api/receivables/ageing/instalments', '/api/receivables/ageing/collected', '/api/receivables/ageing/sales', '/api/receivables/ageing/export']) {
      for (const bad of ['2026-02-30', '2026-13-01', 'yesterday']) {
        const res = await finance({ method: 'GET', url: `${url}?asOf=${bad}` });
        expect(res.statusCode, `${url} ${bad}`).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'asOf' })] });
      }
    }
    const res = await finance({ method: 'GET', url: `/api/receivables/ageing/instalments?asOf=${AS_OF}&bucket=d100` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('bucket');
  });
});
