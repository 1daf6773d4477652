import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { insertDeal } from '../support/leads.js';

/** Issue 15 point 2: marking a deal lost needs a reason from the admin-managed list, and above a set amount a manager. */
describe('lost reasons', () => {
  let t: TestContext;
  let sellerA: Requester, lead: Requester, admin: Requester;
  let customerId: string;

  beforeAll(async () => {
    t = await setupTestApp();
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    [sellerA, lead, admin] = await Promise.all(['seller_a', 'lead_east1', 'admin'].map((u) => t.as(u)));
    customerId = (await sellerA({ method: 'POST', url: '/api/customers', payload: { name: '输单测试医院' } })).json().id;
  });
  afterAll(async () => t?.close());

  const newDeal = async (amountFen: number) =>
    (await sellerA({ method: 'POST', url: '/api/deals', payload: { title: `输单 ${amountFen}`, customerId, pipelineId: 'b2b_six_step', amountFen } })).json();
  const move = (who: Requester, id: string, payload: Record<string, unknown>) => who({ method: 'POST', url: `/api/deals/${id}/move`, payload });

  it('ships the default reasons in Chinese, readable by every user', async () => {
    const res = await sellerA({ method: 'GET', url: '/api/dictionaries?kind=lost_reason' });
    expect(res.statusCode).toBe(200);
    const labels = res.json().items.map((e: { label: string }) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['价格', '竞品', '预算取消', '需求变化', '失联', '其他']));
  });

  it('refuses lost without a reason naming lostReason, and an unknown reason; stores a known one on the deal and in the history', async () => {
    const deal = await newDeal(500_000);
    const missing = await move(sellerA, deal.id, { toStage: 'lost' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([expect.objectContaining({ field: 'lostReason', code: 'lost_reason_required' })]);
    expect(missing.json().error.fields[0].message).toContain('价格');
    const unknown = await move(sellerA, deal.id, { toStage: 'lost', lostReason: 'weather' });
    expect([unknown.statusCode, unknown.json().error.fields[0].field]).toEqual([400, 'lostReason']);
    expect((await sellerA({ method: 'GET', url: `/api/deals/${deal.id}` })).json().status).toBe('open');

    // The label people see is accepted too and stored as the key.
    t.clock.advance(60_000);
    const lost = await move(sellerA, deal.id, { toStage: 'lost', lostReason: '竞品' });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json()).toMatchObject({ status: 'lost', lostReason: 'competitor', lostAt: t.clock.now().toISOString() });
    expect(lost.json().history.at(-1)).toMatchObject({ stageKey: 'lost', lostReason: 'competitor' });
    const row = await t.db.selectFrom('deals').select(['lost_reason', 'lost_at']).where('id', '=', deal.id).executeTakeFirstOrThrow();
    expect(row.lost_reason).toBe('competitor');

    // Reopening clears the deal's reason; the history keeps it.
    t.clock.advance(60_000);
    const reopened = await move(sellerA, deal.id, { toStage: 'lead_assignment' });
    expect(reopened.json()).toMatchObject({ status: 'open', lostReason: null, lostAt: null });
    expect(reopened.json().history.some((h: { lostReason: string | null }) => h.lostReason === 'competitor')).toBe(true);
  });

  it('lets admins add and retire reasons; sellers may not; a retired reason is refused', async () => {
    const forbidden = await sellerA({ method: 'POST', url: '/api/dictionaries', payload: { kind: 'lost_reason', key: 'policy', label: '政策变化' } });
    expect(forbidden.statusCode).toBe(403);
    const created = await admin({ method: 'POST', url: '/api/dictionaries', payload: { kind: 'lost_reason', key: 'policy', label: '政策变化', labelEn: 'Policy change' } });
    expect(created.statusCode, created.body).toBe(201);
    const taken = await admin({ method: 'POST', url: '/api/dictionaries', payload: { kind: 'lost_reason', key: 'policy', label: '重复' } });
    expect(taken.statusCode).toBe(409);
    const deal = await newDeal(100);
    await admin({ method: 'PATCH', url: `/api/dictionaries/${created.json().id}`, payload: { active: false } });
    const retired = await move(sellerA, deal.id, { toStage: 'lost', lostReason: 'policy' });
    expect([retired.statusCode, retired.json().error.fields[0].field]).toEqual([400, 'lostReason']);
    await admin({ method: 'PATCH', url: `/api/dictionaries/${created.json().id}`, payload: { active: true } });
    expect((await move(sellerA, deal.id, { toStage: 'lost', lostReason: 'policy' })).json().lostReason).toBe('policy');
  });

  it('above the configured amount a seller\'s lost move waits for the line manager\'s approval; the deal moves when it is granted', async () => {
    expect((await sellerA({ method: 'PUT', url: '/api/deal-settings', payload: { lostConfirmAboveFen: 100_000_00 } })).statusCode).toBe(403);
    const set = await admin({ method: 'PUT', url: '/api/deal-settings', payload: { lostConfirmAboveFen: 100_000_00 } });
    expect(set.json()).toMatchObject({ lostConfirmAboveFen: 100_000_00 });
    const small = await newDeal(99_999_00);
    expect((await move(sellerA, small.id, { toStage: 'lost', lostReason: 'price' })).statusCode).toBe(200);

    const big = await newDeal(100_000_01);
    const pending = await move(sellerA, big.id, { toStage: 'lost', lostReason: '价格' });
    expect(pending.statusCode, pending.body).toBe(202);
    expect(pending.json()).toMatchObject({ pendingApproval: { kind: 'lost_confirmation' }, deal: { id: big.id, status: 'open', stageKey: big.stageKey, lostReason: null } });
    const requestId = pending.json().pendingApproval.id;
    // The deal stays where it was until a manager decides; a second attempt meanwhile is a conflict, not a second request.
    expect((await sellerA({ method: 'GET', url: `/api/deals/${big.id}` })).json().status).toBe('open');
    const again = await move(sellerA, big.id, { toStage: 'lost', lostReason: 'price' });
    expect([again.statusCode, again.json().error.reason]).toEqual([409, 'approval_open_exists']);

    // The request sits with the seller's lead, who sees it among the approvals assigned to them.
    const mine = (await lead({ method: 'GET', url: '/api/approvals?assignee=me' })).json().items;
    expect(mine.map((r: { id: string }) => r.id)).toContain(requestId);
    expect((await sellerA({ method: 'POST', url: `/api/approvals/${requestId}/decision`, payload: { decision: 'approve' } })).statusCode).toBe(403);

    t.clock.advance(60_000);
    const granted = await lead({ method: 'POST', url: `/api/approvals/${requestId}/decision`, payload: { decision: 'approve', comment: '同意输单' } });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().status).toBe('approved');
    const after = (await sellerA({ method: 'GET', url: `/api/deals/${big.id}` })).json();
    expect(after).toMatchObject({ status: 'lost', stageKey: 'lost', lostReason: 'price', lostAt: t.clock.now().toISOString() });
    const history = await t.db.selectFrom('deal_stage_history').select(['stage_key', 'entered_by', 'lost_reason']).where('deal_id', '=', big.id).orderBy('entered_at', 'desc').executeTakeFirstOrThrow();
    expect(history).toEqual({ stage_key: 'lost', entered_by: t.org.users.leadEast1.id, lost_reason: 'price' });

    // Rejected: the deal stays open; the seller may ask again.
    const other = await newDeal(200_000_00);
    const asked = (await move(sellerA, other.id, { toStage: 'lost', lostReason: 'price' })).json();
    const rejected = await lead({ method: 'POST', url: `/api/approvals/${asked.pendingApproval.id}/decision`, payload: { decision: 'reject', comment: '再跟一下' } });
    expect(rejected.json().status).toBe('rejected');
    expect((await sellerA({ method: 'GET', url: `/api/deals/${other.id}` })).json().status).toBe('open');

    // A manager's own move is the confirmation.
    const confirmed = await move(lead, other.id, { toStage: 'lost', lostReason: 'price' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().lostReason).toBe('price');

    // Filed only by the move: a hand-made request would carry no move.
    const byHand = await sellerA({ method: 'POST', url: '/api/approvals', payload: { kind: 'lost_confirmation', subject: { type: 'deal', id: small.id } } });
    expect([byHand.statusCode, byHand.json().error.fields[0]]).toEqual([400, expect.objectContaining({ field: 'kind', code: 'approval_kind_by_move' })]);
    await admin({ method: 'PUT', url: '/api/deal-settings', payload: { lostConfirmAboveFen: null } });
  });

  it('the loss matrix can group on deals.lost_reason', async () => {
    const id = await insertDeal(t, customerId, t.org.users.sellerA.id);
    expect((await t.db.selectFrom('deals').select('lost_reason').where('id', '=', id).executeTakeFirstOrThrow()).lost_reason).toBeNull();
    const rows = await t.db.selectFrom('deals').select(['lost_reason', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'lost').groupBy('lost_reason').execute();
    expect(rows.map((r) => r.lost_reason).sort()).toEqual(['policy', 'price']);
  });
});
