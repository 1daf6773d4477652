/**
 * Approval routing beyond the amount, on both databases: a 会签 (all-of) step where every approver must approve and
 * one rejection rejects; branches chosen on the customer level, the pipeline and the line discount; a named approver
 * (`user:`); a request pinned to the route version it was submitted under while the route is edited and published
 * again; and the preview limited to the 50 most recent requests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

const ROUTE = {
  kind: 'quote',
  name: '报价审批（分层）',
  branches: [
    {
      name: 'A 类客户会签',
      when: { and: [{ '==': [{ var: 'customerLevel' }, 'A'] }, { '==': [{ var: 'pipeline' }, 'leads-test'] }] },
      steps: [{ name: '大区与财务会签', approvers: ['requester.regional_manager', 'role:finance'], mode: 'all' }],
    },
    {
      name: '行折扣大',
      when: { '>': [{ var: 'lineDiscountFen' }, 500_000] },
      steps: [{ name: '总监指定审批', approvers: ['user:director'] }],
    },
    { name: '其他', steps: [{ name: '主管审批', approvers: ['requester.lead'] }] },
  ],
};

// PostgreSQL on a loaded machine: each test makes tens of requests.
describe('approval routing: 会签, facts beyond the amount, named approvers, pinned versions, preview', { timeout: 60_000 }, () => {
  let t: TestContext;
  afterEach(() => t?.close());
  let seller: Requester, admin: Requester, rm: Requester, finance: Requester;

  async function setup() {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' }); // Monday 10:00 Shanghai
    [seller, admin, rm, finance] = await Promise.all(['seller_a', 'admin', 'rm_east', 'finance'].map((u) => t.as(u)));
    expect((await admin({ method: 'PUT', url: '/api/approval-routes/quote/draft', payload: ROUTE })).statusCode).toBe(200);
    expect((await admin({ method: 'POST', url: '/api/approval-routes/quote/publish' })).json().publishedVersion).toBe(2);
  }

  async function dealFor(level: string | null) {
    const res = await seller({ method: 'POST', url: '/api/customers', payload: { name: `客户${newId().slice(0, 6)}` } });
    expect(res.statusCode, res.body).toBe(201);
    await t.db.updateTable('customers').set({ level }).where('id', '=', res.json().id).execute();
    return insertDeal(t, res.json().id, t.org.users.sellerA.id);
  }
  async function submit(dealId: string, values: Record<string, unknown>) {
    const res = await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const decide = (as: Requester, id: string, decision = 'approve', comment = '意见') => as({ method: 'POST', url: `/api/approvals/${id}/decision`, payload: { decision, comment } });
  const ids = (a: { steps: Array<{ approvers: Array<{ user: { id: string } }> }> }) => a.steps.map((s) => s.approvers.map((x) => x.user.id).sort());

  it('chooses the branch on customer level and pipeline, then on the line discount, else the last; a named approver decides', async () => {
    await setup();
    const u = t.org.users;
    const a = await submit(await dealFor('A'), { netPriceFen: 1_000_000 });
    expect(a).toMatchObject({ routeVersion: 2, branch: 'A 类客户会签', facts: { customerLevel: 'A', pipeline: 'leads-test' }, steps: [{ mode: 'all' }] });
    expect(ids(a)).toEqual([[u.finance.id, u.rmEast.id].sort()]);

    // Level B: not the 会签 branch. Lines discounted by ¥6,000 in total (list 2 × 10,000, net 2 × 7,000) → the
    // named approver `user:director`; a ¥4,000 line discount falls through to the requester's lead.
    const lines = (net: number) => ({ lines: [{ name: '监护仪', quantity: 2, listPriceFen: 1_000_000, netPriceFen: net }] });
    const big = await submit(await dealFor('B'), lines(700_000));
    expect(big).toMatchObject({ branch: '行折扣大', facts: { lineDiscountFen: 600_000, customerLevel: 'B' } });
    expect(ids(big)).toEqual([[u.director.id]]);
    const small = await submit(await dealFor('B'), lines(800_000));
    expect(small).toMatchObject({ branch: '其他', facts: { lineDiscountFen: 400_000 } });
    expect(ids(small)).toEqual([[u.leadEast1.id]]);
    // A document discount is not a line discount: ¥6,000 off the whole document keeps the line discount at 0.
    const doc = await submit(await dealFor(null), { listPriceFen: 2_000_000, netPriceFen: 2_000_000, documentDiscountFen: 600_000 });
    expect(doc).toMatchObject({ branch: '其他', facts: { lineDiscountFen: 0, documentDiscountFen: 600_000, customerLevel: null } });

    // Only the named user decides; the regional manager is not an approver here.
    expect((await decide(rm, big.id)).statusCode).toBe(403);
    expect((await decide(await t.as('director'), big.id)).json().status).toBe('approved');
  });

  it('会签: the step waits for every approver; one rejection rejects the request and voids the rest', async () => {
    await setup();
    const a = await submit(await dealFor('A'), { netPriceFen: 1_000_000 });
    const one = await decide(rm, a.id);
    expect(one.json()).toMatchObject({ status: 'pending', steps: [{ status: 'pending' }] });
    expect(one.json().steps[0].approvers.find((x: { user: { id: string } }) => x.user.id === t.org.users.rmEast.id).status).toBe('approved');
    expect((await decide(rm, a.id)).statusCode).toBe(409); // already decided: no second vote
    expect((await decide(finance, a.id)).json()).toMatchObject({ status: 'approved', steps: [{ status: 'approved' }] });

    const b = await submit(await dealFor('A'), { netPriceFen: 2_000_000 });
    const rejected = (await decide(finance, b.id, 'reject', '账期过长')).json();
    expect(rejected).toMatchObject({ status: 'rejected', steps: [{ status: 'rejected' }] });
    const byUser = new Map(rejected.steps[0].approvers.map((x: { user: { id: string }; status: string }) => [x.user.id, x.status]));
    expect(byUser.get(t.org.users.finance.id)).toBe('rejected');
    expect(byUser.get(t.org.users.rmEast.id)).toBe('void');
    expect((await decide(rm, b.id)).statusCode).toBe(409);
  });

  it('a request stays on the route version it was submitted under while the route is edited and published', async () => {
    await setup();
    const a = await submit(await dealFor('A'), { netPriceFen: 1_000_000 });
    expect((await decide(rm, a.id)).statusCode).toBe(200);
    // Version 3: the same branch becomes "any of" with the director alone.
    const v3 = structuredClone(ROUTE);
    v3.branches[0].steps = [{ name: '总监审批', approvers: ['requester.director'], mode: 'any' }];
    expect((await admin({ method: 'PUT', url: '/api/approval-routes/quote/draft', payload: v3 })).statusCode).toBe(200);
    // A draft alone changes nothing, and neither does publishing.
    for (const step of ['draft', 'publish'] as const) {
      if (step === 'publish') expect((await admin({ method: 'POST', url: '/api/approval-routes/quote/publish' })).json().publishedVersion).toBe(3);
      const still = (await seller({ method: 'GET', url: `/api/approvals/${a.id}` })).json();
      expect(still).toMatchObject({ routeVersion: 2, status: 'pending', steps: [{ name: '大区与财务会签', mode: 'all', status: 'pending' }] });
    }
    // The pinned step still needs finance (会签 of version 2); the director of version 3 cannot decide it.
    expect((await decide(await t.as('director'), a.id)).statusCode).toBe(403);
    expect((await decide(finance, a.id)).json().status).toBe('approved');
    // A new request takes version 3.
    expect(await submit(await dealFor('A'), { netPriceFen: 1_000_000 })).toMatchObject({ routeVersion: 3, steps: [{ name: '总监审批', mode: 'any' }] });
  });

  it('previews the draft over the 50 most recent requests only, newest first', async () => {
    await setup();
    const first = await submit(await dealFor(null), { netPriceFen: 1_000_000 });
    const row = await t.db.selectFrom('approval_requests').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    // 54 more submitted requests, one minute apart after the first (copies of its row: the preview reads rows only).
    const base = new Date(row.submitted_at!).getTime();
    const later = Array.from({ length: 54 }, (_, i) => ({ ...row, id: newId(), status: 'approved', submitted_at: new Date(base + (i + 1) * 60_000).toISOString() }));
    await t.db.insertInto('approval_requests').values(later).execute();
    const draft = structuredClone(ROUTE);
    draft.branches[2].steps = [{ name: '大区经理审批', approvers: ['requester.regional_manager'] }];
    expect((await admin({ method: 'PUT', url: '/api/approval-routes/quote/draft', payload: draft })).statusCode).toBe(200);
    const preview = (await admin({ method: 'GET', url: '/api/approval-routes/quote/preview' })).json();
    expect(preview.usingDraft).toBe(true);
    expect(preview.items).toHaveLength(50);
    expect(preview.items[0].id).toBe(later[53].id);
    expect(preview.items.map((i: { id: string }) => i.id)).not.toContain(first.id);
    expect(preview.items[0]).toMatchObject({ current: { version: 2, branch: '其他' }, draft: { branch: '其他', steps: [{ name: '大区经理审批', approvers: [{ id: t.org.users.rmEast.id }] }] } });
  });
});
