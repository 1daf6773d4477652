/**
 * Approvals over HTTP on both databases: routing of the default quote route at the ¥50,000 boundary and with
 * document-level discounts, decisions through the chain, reject / withdraw / resubmit, consecutive duplicate
 * approvers, concurrent decisions (exactly one transition, the other 409), scope and bad input.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

describe('approvals', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  async function setup() {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' }); // Monday 10:00 Shanghai
  }

  async function dealOf(username: 'seller_a' | 'seller_b') {
    const as = await t.as(username);
    const res = await as({ method: 'POST', url: '/api/customers', payload: { name: `客户${Math.random().toString(36).slice(2, 8)}`, phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` } });
    expect(res.statusCode, res.body).toBe(201);
    const user = username === 'seller_a' ? t.org.users.sellerA : t.org.users.sellerB;
    return insertDeal(t, res.json().id, user.id);
  }

  async function submit(as: Requester, dealId: string, values: Record<string, unknown>, status = 201) {
    const res = await as({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values } });
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  }

  const approverIds = (a: { steps: Array<{ approvers: Array<{ user: { id: string } }> }> }) => a.steps.map((s) => s.approvers.map((x) => x.user.id));

  it('routes the default quote route at the ¥50,000 boundary: 49,999.99 to the regional manager alone, 50,000.00 on to the director', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const below = await submit(seller, await dealOf('seller_a'), { netPriceFen: 4_999_999 });
    expect(below).toMatchObject({ status: 'pending', routeVersion: 1, currentStep: 0, facts: { amountFen: 4_999_999, netPriceFen: 4_999_999, discountBp: 0 } });
    expect(approverIds(below)).toEqual([[t.org.users.rmEast.id]]);
    expect(below.steps[0]).toMatchObject({ name: '大区经理审批', status: 'pending', mode: 'any' });

    const at = await submit(seller, await dealOf('seller_a'), { netPriceFen: 5_000_000 });
    expect(approverIds(at)).toEqual([[t.org.users.rmEast.id], [t.org.users.director.id]]);
    expect(at.steps.map((s: { status: string }) => s.status)).toEqual(['pending', 'waiting']);
    expect(at.branch).toBe('大额报价（¥50,000 及以上）');
  });

  it('counts a document-level discount into the net and the effective discount (computed once, in fen, rounded up)', async () => {
    await setup();
    const seller = await t.as('seller_a');
    // Lines: 2 × ¥30,000 list at ¥26,000 net = ¥52,000; a ¥2,000.01 document discount brings it to ¥49,999.99.
    const values = { lines: [{ name: '监护仪', quantity: 2, listPriceFen: 3_000_000, netPriceFen: 2_600_000 }], documentDiscountFen: 200_001 };
    const a = await submit(seller, await dealOf('seller_a'), values);
    // 1 − 4,999,999 / 6,000,000 = 16.6666833…% → 1667 bp (rounded up).
    expect(a.facts).toMatchObject({ listPriceFen: 6_000_000, netPriceFen: 4_999_999, lineDiscountFen: 800_000, documentDiscountFen: 200_001, discountBp: 1667, requestedDiscountBp: 1667, amountFen: 4_999_999 });
    expect(a.steps).toHaveLength(1);
    // One fen less document discount: ¥50,000.00 → the director too.
    const b = await submit(seller, await dealOf('seller_a'), { ...values, documentDiscountFen: 200_000 });
    expect(b.facts).toMatchObject({ netPriceFen: 5_000_000, discountBp: 1667 });
    expect(b.steps).toHaveLength(2);
    // Asking for headroom in the envelope routes on the headroom: that is what gets approved.
    const c = await submit(seller, await dealOf('seller_a'), { netPriceFen: 4_500_000, listPriceFen: 5_000_000, envelope: { maxAmountFen: 5_200_000 } });
    expect(c.envelope).toMatchObject({ maxAmountFen: 5_200_000, maxDiscountBp: 1000, listPriceFen: 5_000_000 });
    expect(c.steps).toHaveLength(2);
  });

  it('goes through the chain: the regional manager, then the director; each sees it in "pending for me"', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const rm = await t.as('rm_east');
    const director = await t.as('director');
    const a = await submit(seller, await dealOf('seller_a'), { netPriceFen: 8_000_000, listPriceFen: 9_000_000, paymentTerms: '预付 30%', validUntil: '2026-12-31' });

    const mine = async (as: Requester) => (await as({ method: 'GET', url: '/api/approvals?status=pending&assignee=me' })).json();
    expect((await mine(rm)).items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect((await mine(director)).items).toEqual([]);
    expect((await mine(rm)).items[0].can.decide).toBe(true);

    const first = await rm({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'approve', comment: '同意' } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'pending', currentStep: 1, steps: [{ status: 'approved' }, { status: 'pending' }] });
    expect((await mine(rm)).items).toEqual([]);
    const waiting = (await mine(director)).items;
    expect(waiting.map((i: { id: string }) => i.id)).toEqual([a.id]);
    // The director decides from the list: it carries the history, the regional manager's approval and comment included.
    expect(waiting[0].trail.map((x: { action: string }) => x.action)).toEqual(['submitted', 'approved']);
    expect(waiting[0].trail[1]).toMatchObject({ stepIdx: 0, actor: { id: t.org.users.rmEast.id }, comment: '同意', at: expect.any(String) });
    expect(waiting[0].steps[0].approvers[0]).toMatchObject({ status: 'approved', comment: '同意', decidedAt: expect.any(String) });

    const second = await director({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'approve' } });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ status: 'approved', currentStep: -1, envelope: { maxAmountFen: 8_000_000, paymentTerms: '预付 30%', validUntil: '2026-12-31' } });
    expect(second.json().trail.map((x: { action: string }) => x.action)).toEqual(['submitted', 'approved', 'approved', 'completed']);
    // A third decision on a finished request: 409.
    const late = await director({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'approve' } });
    expect(late.statusCode).toBe(409);
    // The requester is told, with a link that opens the item.
    const inbox = await t.db.selectFrom('notifications').selectAll().where('user_id', '=', t.org.users.sellerA.id).execute();
    expect(inbox.map((n) => [n.title, n.link])).toContainEqual([expect.stringContaining('审批已通过'), `/approvals/${a.id}`]);
    const assigned = await t.db.selectFrom('notifications').selectAll().where('user_id', '=', t.org.users.director.id).execute();
    expect(assigned.map((n) => n.link)).toContain(`/approvals/${a.id}`);
  });

  it('rejects with a required comment; the requester resubmits; withdrawing is only possible before the first decision', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const rm = await t.as('rm_east');
    const a = await submit(seller, await dealOf('seller_a'), { netPriceFen: 3_000_000 });
    const noComment = await rm({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'reject' } });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['comment']);
    const rejected = await rm({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'reject', comment: '折扣过大' } });
    expect(rejected.json()).toMatchObject({ status: 'rejected', can: { resubmit: false } });
    expect((await seller({ method: 'GET', url: `/api/approvals/${a.id}` })).json().can).toEqual({ decide: false, withdraw: false, resubmit: true });

    const again = await seller({ method: 'POST', url: `/api/approvals/${a.id}/resubmit`, payload: { values: { netPriceFen: 3_200_000 } } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'pending', round: 2, facts: { netPriceFen: 3_200_000 }, steps: [{ status: 'pending' }] });
    // Someone else may not withdraw it; the requester may, as long as nobody decided.
    expect((await rm({ method: 'POST', url: `/api/approvals/${a.id}/withdraw`, payload: {} })).statusCode).toBe(403);
    const withdrawn = await seller({ method: 'POST', url: `/api/approvals/${a.id}/withdraw`, payload: { comment: '客户暂缓' } });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', currentStep: -1, steps: [{ status: 'cancelled' }] });
    expect((await rm({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'approve' } })).statusCode).toBe(409);

    const b = await submit(seller, await dealOf('seller_a'), { netPriceFen: 6_000_000 });
    await rm({ method: 'POST', url: `/api/approvals/${b.id}/decision`, payload: { decision: 'approve' } });
    const refused = await seller({ method: 'POST', url: `/api/approvals/${b.id}/withdraw`, payload: {} });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.reason).toBe('approval_already_decided');
    // Only one open request of a kind per deal.
    const dup = await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: b.subject.id }, values: { netPriceFen: 1 } } });
    expect(dup.statusCode).toBe(409);
  });

  it('approves a consecutive duplicate approver automatically, with a trail note', async () => {
    await setup();
    // 华南 has no regional manager: the first step walks up to the director, who is also step 2.
    const sellerB = await t.as('seller_b');
    const a = await submit(sellerB, await dealOf('seller_b'), { netPriceFen: 7_000_000 });
    expect(approverIds(a)).toEqual([[t.org.users.director.id], [t.org.users.director.id]]);
    const director = await t.as('director');
    const done = await director({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'approve', comment: '可以' } });
    expect(done.json()).toMatchObject({ status: 'approved', steps: [{ status: 'approved', approvers: [{ status: 'approved' }] }, { status: 'approved', approvers: [{ status: 'auto_approved' }] }] });
    const auto = done.json().trail.find((x: { action: string }) => x.action === 'auto_approved');
    expect(auto).toMatchObject({ stepIdx: 1, onBehalfOf: { id: t.org.users.director.id }, detail: { reason: 'consecutive_duplicate' } });
  });

  it('gives exactly one transition when two approvers of an "any of" step decide at the same time; the other gets 409', async () => {
    await setup();
    // A route whose step is decided by any one of two finance users.
    const admin = await t.as('admin');
    const finance2 = await t.db.selectFrom('users').selectAll().where('id', '=', t.org.users.finance.id).executeTakeFirstOrThrow();
    await t.db.insertInto('users').values({ ...finance2, id: '00000000-0000-4000-8000-00000000f002', username: 'finance2', display_name: 'finance2' }).execute();
    const draft = await admin({
      method: 'PUT',
      url: '/api/approval-routes/quote/draft',
      payload: { kind: 'quote', name: '报价审批', branches: [{ name: '财务', steps: [{ name: '财务审批', approvers: ['role:finance'], mode: 'any' }] }] },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await admin({ method: 'POST', url: '/api/approval-routes/quote/publish', payload: {} })).statusCode).toBe(200);
    const seller = await t.as('seller_a');
    const a = await submit(seller, await dealOf('seller_a'), { netPriceFen: 1_000_000 });
    expect(a.routeVersion).toBe(2);
    expect(approverIds(a)[0].sort()).toEqual([t.org.users.finance.id, '00000000-0000-4000-8000-00000000f002'].sort());
    const [f1, f2] = [await t.as('finance'), await t.as('finance2')];
    const answers = await Promise.all([
      f1({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'approve', comment: 'f1' } }),
      f2({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'reject', comment: 'f2' } }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = (await seller({ method: 'GET', url: `/api/approvals/${a.id}` })).json();
    const decisions = after.trail.filter((x: { action: string }) => x.action === 'approved' || x.action === 'rejected');
    expect(decisions).toHaveLength(1);
    expect(after.status).toBe(decisions[0].action);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'approval').where('entity_id', '=', a.id).where('action', '=', 'decide').execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps requests out of sight outside the scope and lets only the current approvers decide', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const a = await submit(seller, await dealOf('seller_a'), { netPriceFen: 2_000_000 });
    for (const name of ['seller_b', 'seller_a2']) {
      const other = await t.as(name);
      expect((await other({ method: 'GET', url: `/api/approvals/${a.id}` })).statusCode, name).toBe(404);
      expect((await other({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'approve' } })).statusCode, name).toBe(404);
      expect((await other({ method: 'GET', url: '/api/approvals' })).json().items, name).toEqual([]);
    }
    // The team lead sees it (subtree) but is not an approver of this step.
    const lead = await t.as('lead_east1');
    expect((await lead({ method: 'GET', url: `/api/approvals/${a.id}` })).statusCode).toBe(200);
    const notYours = await lead({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'approve' } });
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().error.reason).toBe('approval_not_yours');
    // A deal out of scope cannot be the subject of my request.
    const dealB = await dealOf('seller_b');
    expect((await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealB }, values: {} } })).statusCode).toBe(404);
    // Support sees the request org-wide, but not its prices.
    const support = await t.as('support');
    const seen = await support({ method: 'GET', url: `/api/approvals/${a.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('2000000');
    expect(seen.json().facts.netPriceFen).toBeUndefined();
  });

  it('exports the full trail as CSV and xlsx, scoped, without prices for roles that may not see amounts', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const a = await submit(seller, await dealOf('seller_a'), { netPriceFen: 2_345_678 });
    await (await t.as('rm_east'))({ method: 'POST', url: `/api/approvals/${a.id}/decision`, payload: { decision: 'reject', comment: '价格太低, "再谈"' } });
    const csv = await seller({ method: 'GET', url: '/api/approvals/export?format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('成交价（分）');
    expect(lines.slice(1).map((l) => l.split(',')[10])).toEqual(['submitted', 'rejected']);
    expect(lines[2]).toContain('2345678');
    expect(lines[2]).toContain('"价格太低, ""再谈"""');
    const xlsx = await seller({ method: 'GET', url: '/api/approvals/export?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await (await t.as('seller_b'))({ method: 'GET', url: '/api/approvals/export?format=csv' })).body).not.toContain(a.id);
    const support = await (await t.as('support'))({ method: 'GET', url: '/api/approvals/export?format=csv' });
    expect(support.body).toContain(a.id);
    expect(support.body).not.toContain('2345678');
    expect((await seller({ method: 'GET', url: '/api/approvals/export?format=pdf' })).statusCode).toBe(400);
  });

  it('answers bad input with 400 naming the field, and writes nothing', async () => {
    await setup();
    const seller = await t.as('seller_a');
    const dealId = await dealOf('seller_a');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ subject: { type: 'deal', id: dealId }, values: {} }, 'kind'],
      [{ kind: 'Quote!', subject: { type: 'deal', id: dealId }, values: {} }, 'kind'],
      [{ kind: 'nothing', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 1 } }, 'kind'],
      [{ kind: 'quote', subject: { type: 'customer', id: dealId }, values: {} }, 'subject.type'],
      [{ kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: -1 } }, 'values.netPriceFen'],
      [{ kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 1.5 } }, 'values.netPriceFen'],
      [{ kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 100, documentDiscountFen: 101 } }, 'values.documentDiscountFen'],
      [{ kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 100, envelope: { maxAmountFen: 99 } } }, 'values.envelope.maxAmountFen'],
      [{ kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 100, validUntil: '2026-02-30' } }, 'values.validUntil'],
      [{ kind: 'quote', subject: { type: 'deal', id: dealId }, values: { bogus: 1 } }, 'values'],
      // The deal has no amount and none was given.
      [{ kind: 'quote', subject: { type: 'deal', id: dealId }, values: {} }, 'values.netPriceFen'],
    ];
    for (const [payload, field] of cases) {
      const res = await seller({ method: 'POST', url: '/api/approvals', payload });
      expect(res.statusCode, `${JSON.stringify(payload)} ${res.body}`).toBe(400);
      expect(res.json().error.fields.map((f: { field: string }) => f.field), JSON.stringify(payload)).toContain(field);
    }
    const decision = await (await t.as('rm_east'))({ method: 'POST', url: '/api/approvals/x/decision', payload: { decision: 'maybe' } });
    expect(decision.statusCode).toBe(400);
    expect(decision.json().error.fields[0].field).toBe('decision');
    expect(await t.db.selectFrom('approval_requests').selectAll().execute()).toEqual([]);
  });
});
