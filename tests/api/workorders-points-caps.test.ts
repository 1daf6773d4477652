/**
 * Assist-point caps and the deal-won rule, on both databases. The ledger is append-only: a grant the weekly cap
 * trims is written with the points that fit, one that does not fit is not written, and nothing is ever edited; the
 * cap is derived from the ledger (the helper's net points of the ISO week, reversals included). `deal_won_within`
 * grants when the supported deal is won within N days of the resolution, dated when it was won.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runWorkOrders } from '../../server/modules/workorders/escalation.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';
import { addPresales, addType } from '../support/workorders.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('assist points: weekly cap per helper, deal won within N days', { timeout: 60_000 }, () => {
  let t: TestContext;
  let customerId: string;
  afterEach(() => t?.close());

  async function setup(rules: unknown[], caps: Record<string, number | null>) {
    t = await setupTestApp({ start: sh('2026-11-02T09:00:00'), config: { sessionTtlHours: 24 * 365 } }); // Monday
    await addPresales(t);
    await addType(t, { key: 'legal', name: '法务', team: '售前支持部', response: '2bh', resolution: '4bh' });
    const admin = await t.as('admin');
    const set = await admin({ method: 'POST', url: '/api/assist-point-rules', payload: { effectiveFrom: '2026-11-02', rules, caps } });
    expect(set.statusCode, set.body).toBe(201);
    customerId = (await (await t.as('seller_a'))({ method: 'POST', url: '/api/customers', payload: { name: '嘉兴第二医院' } })).json().id;
  }
  const deal = () => insertDeal(t, customerId, t.org.users.sellerA.id);
  const create = async (dealId: string, title: string) => {
    const res = await (await t.as('seller_a'))({ method: 'POST', url: '/api/work-orders', payload: { type: 'legal', subject: { type: 'deal', id: dealId }, title } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const patch = async (username: string, id: string, payload: Record<string, unknown>) => {
    const res = await (await t.as(username))({ method: 'PATCH', url: `/api/work-orders/${id}`, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const ledger = async (username: string) => (await (await t.as(username))({ method: 'GET', url: '/api/assist-points?month=2026-11' })).json();
  const rowsOf = (entries: Array<{ order: { id: string }; ruleKey: string; kind: string; points: number }>, id: string) => entries.filter((e) => e.order.id === id).map((e) => `${e.ruleKey}:${e.kind}:${e.points}`);
  const ledgerRows = () => t.db.selectFrom('assist_points').select(['id', 'points', 'kind', 'week']).orderBy('at').orderBy('id').execute();

  it('caps a helper per ISO week from the ledger: trims, then writes nothing; a reversal frees room; a new week starts afresh', async () => {
    await setup([{ key: 'fast', kind: 'response_in_sla', points: 5 }, { key: 'solved', kind: 'resolution_in_sla', points: 4 }], { perOrder: null, perHelperWeek: 12 });
    const [o1, o2, o3, o4] = [await create(await deal(), '一'), await create(await deal(), '二'), await create(await deal(), '三'), await create(await deal(), '四')];
    await patch('presales_1', o1, { status: 'in_progress' }); // 5
    t.clock.set(sh('2026-11-02T10:00:00'));
    await patch('presales_1', o1, { status: 'resolved' }); // 4 → 9
    t.clock.set(sh('2026-11-02T10:05:00'));
    expect((await patch('presales_1', o2, { status: 'in_progress' })).points.map((p: { points: number }) => p.points)).toEqual([3]); // trimmed to 12
    await patch('presales_1', o2, { status: 'resolved' }); // capped out: no row
    let mine = await ledger('presales_1');
    expect(rowsOf(mine.entries, o2)).toEqual(['fast:grant:3']);
    expect(mine.total).toBe(12);

    // Another helper has a cap of their own.
    t.clock.set(sh('2026-11-02T10:10:00'));
    expect((await patch('presales_2', o4, { status: 'in_progress' })).points).toMatchObject([{ points: 5 }]);

    // Reopening o1 reverses its resolution (a new row, −4): the week's net is 8, so o3's response earns 4.
    t.clock.set(sh('2026-11-02T10:30:00')); // o3's response is still within its 2 business hours
    await patch('seller_a', o1, { status: 'reopened' });
    t.clock.set(sh('2026-11-02T10:31:00'));
    await patch('presales_1', o3, { status: 'in_progress' });
    mine = await ledger('presales_1');
    expect(rowsOf(mine.entries, o1)).toEqual(['fast:grant:5', 'solved:grant:4', 'solved:reversal:-4']);
    expect(rowsOf(mine.entries, o3)).toEqual(['fast:grant:4']);
    expect(mine.total).toBe(12);

    // Next Monday: a new ISO week, the full 5 again.
    t.clock.set(sh('2026-11-09T09:00:00'));
    const o5 = await create(await deal(), '五');
    await patch('presales_1', o5, { status: 'in_progress' });
    mine = await ledger('presales_1');
    expect(rowsOf(mine.entries, o5)).toEqual(['fast:grant:5']);
    expect(mine.total).toBe(17);

    // Append-only: every row is a grant or its reversal, none has zero points, and the weeks are the facts' weeks.
    const rows = await ledgerRows();
    expect(rows.map((r) => [Number(r.points), r.kind, r.week])).toEqual([
      [5, 'grant', '2026-W45'],
      [4, 'grant', '2026-W45'],
      [3, 'grant', '2026-W45'],
      [5, 'grant', '2026-W45'],
      [-4, 'reversal', '2026-W45'],
      [4, 'grant', '2026-W45'],
      [5, 'grant', '2026-W46'],
    ]);
  });

  it('deal_won_within: points when the helped deal is won within N days of the resolution, dated then, under the weekly cap, once', async () => {
    await setup([{ key: 'won', kind: 'deal_won_within', days: 7, points: 10 }], { perOrder: null, perHelperWeek: 12 });
    const [dA, dB, dC] = [await deal(), await deal(), await deal()];
    const [oA, oB] = [await create(dA, '甲'), await create(dB, '乙')];
    const oC = await create(dC, '丙');
    for (const [who, id] of [['presales_1', oA], ['presales_1', oB], ['presales_2', oC]] as const) {
      await patch(who, id, { status: 'in_progress' });
      await patch(who, id, { status: 'resolved' });
    }
    const won = (dealId: string, local: string) => t.db.updateTable('deals').set({ status: 'won', stage_entered_at: sh(local) }).where('id', '=', dealId).execute();
    const deps = () => ({ db: t.db, dialect: t.dialect, config: t.config, clock: t.clock });

    // A and B won on Friday (4 days after), C eight days after its resolution (over the 7-day window).
    await won(dA, '2026-11-06T15:00:00');
    await won(dB, '2026-11-06T16:00:00');
    await won(dC, '2026-11-10T10:00:00');
    t.clock.set(sh('2026-11-06T15:30:00'));
    await runWorkOrders(deps()); // B is won later than "now": not yet
    expect(rowsOf((await ledger('presales_1')).entries, oB)).toEqual([]);
    t.clock.set(sh('2026-11-11T09:00:00'));
    await runWorkOrders(deps());
    await runWorkOrders(deps());
    const mine = await ledger('presales_1');
    expect(mine.entries.map((e: { order: { id: string }; points: number; at: string }) => [e.order.id, e.points, e.at])).toEqual([
      [oA, 10, sh('2026-11-06T15:00:00')],
      [oB, 2, sh('2026-11-06T16:00:00')], // the week's cap of 12 leaves 2
    ]);
    expect((await ledger('presales_2')).entries).toEqual([]);
    expect(await ledgerRows()).toHaveLength(2);
  });
});
