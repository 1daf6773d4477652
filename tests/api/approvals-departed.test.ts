/**
 * No request is left without a possible approver when one leaves: deactivating a user hands their undecided places
 * on open steps (active or still waiting) to the step's fallback, trailed and audited; a password change does not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

describe('approvals when an approver is deactivated', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  async function submitLarge(): Promise<string> {
    const seller = await t.as('seller_a');
    const customer = await seller({ method: 'POST', url: '/api/customers', payload: { name: '仁济医院', phone: '13900007777' } });
    expect(customer.statusCode, customer.body).toBe(201);
    const dealId = await insertDeal(t, customer.json().id, t.org.users.sellerA.id);
    // ¥80,000 on the default route: the regional manager (fallback: a director), then the director (fallback: admin).
    const res = await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 8_000_000 } } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  const pendingFor = async (as: Requester) => (await as({ method: 'GET', url: '/api/approvals?status=pending&assignee=me' })).json().items.map((i: { id: string }) => i.id);
  const approverOf = (a: { steps: Array<{ approvers: Array<{ user: { id: string }; status: string }> }> }) => a.steps.map((s) => s.approvers.map((x) => `${x.user.id}:${x.status}`));

  it('the active step goes to its fallback, who is told and decides; a password change alone moves nothing', async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    const u = t.org.users;
    const id = await submitLarge();
    const admin = await t.as('admin');
    const director = await t.as('director');
    expect((await admin({ method: 'PATCH', url: `/api/users/${u.rmEast.id}`, payload: { password: 'a-new-password-1' } })).statusCode).toBe(200);
    expect(await pendingFor(director)).toEqual([]);

    const off = await admin({ method: 'PATCH', url: `/api/users/${u.rmEast.id}`, payload: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    const after = (await admin({ method: 'GET', url: `/api/approvals/${id}` })).json();
    expect(approverOf(after)).toEqual([[`${u.rmEast.id}:void`, `${u.director.id}:pending`], [`${u.director.id}:pending`]]);
    expect(after.trail.at(-1)).toMatchObject({ action: 'reassigned', stepIdx: 0, actor: null, onBehalfOf: { id: u.rmEast.id }, detail: { reason: 'deactivated', to: [u.director.id] } });
    const told = await t.db.selectFrom('notifications').select('link').where('user_id', '=', u.director.id).execute();
    expect(told.map((n) => n.link)).toContain(`/approvals/${id}`);
    const audit = await t.db.selectFrom('audit_log').select(['entity', 'entity_id']).where('entity', '=', 'approval').where('entity_id', '=', id).where('action', '=', 'update').execute();
    expect(audit).toHaveLength(1);

    expect(await pendingFor(director)).toEqual([id]);
    const done = await director({ method: 'POST', url: `/api/approvals/${id}/decision`, payload: { decision: 'approve', comment: '代大区经理审批' } });
    expect(done.statusCode, done.body).toBe(200);
    // The director's second step follows at once as a consecutive duplicate approver.
    expect(done.json()).toMatchObject({ status: 'approved', steps: [{ status: 'approved' }, { status: 'approved' }] });
  });

  it('a waiting step is handed over too: after the first step, the fallback finds it waiting for them', async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    const u = t.org.users;
    const id = await submitLarge();
    const admin = await t.as('admin');
    expect((await admin({ method: 'PATCH', url: `/api/users/${u.director.id}`, payload: { active: false } })).statusCode).toBe(200);
    const after = (await admin({ method: 'GET', url: `/api/approvals/${id}` })).json();
    expect(approverOf(after)).toEqual([[`${u.rmEast.id}:pending`], [`${u.director.id}:void`, `${u.admin.id}:pending`]]);
    // Not active yet: nobody is told before the step starts.
    expect(await t.db.selectFrom('notifications').select('id').where('user_id', '=', u.admin.id).where('link', '=', `/approvals/${id}`).execute()).toEqual([]);
    expect(await pendingFor(admin)).toEqual([]);

    const rm = await t.as('rm_east');
    expect((await rm({ method: 'POST', url: `/api/approvals/${id}/decision`, payload: { decision: 'approve' } })).json()).toMatchObject({ status: 'pending', currentStep: 1 });
    expect(await pendingFor(admin)).toEqual([id]);
    const done = await admin({ method: 'POST', url: `/api/approvals/${id}/decision`, payload: { decision: 'approve' } });
    expect(done.json().status).toBe('approved');
  });
});
