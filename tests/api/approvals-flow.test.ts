/**
 * Approvals with the rest of the system, on both databases: a stage gate that needs an approved quote (GATE_UNMET
 * lists it like any unmet item), envelope edits inside and outside (the `deal.updated` consumer), a route version
 * published while requests are in flight and their explicit migration, delegation, the step SLA on the shared clock
 * replayed by `tick --at`, and the `require_approval` rule action.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tickAt } from '../../server/cli/tick.js';
import { systemActor } from '../../server/core/policy.js';
import { processDealEdits } from '../../server/modules/approvals/job.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

const PIPELINE = `key: quote_gate
name: 报价流程
stages:
  - key: negotiate
    name: 价格谈判
    probability: 50
    gate:
      approvals:
        - { kind: quote, label: 报价审批, labelEn: Quote approval }
  - key: contract
    name: 签约
    probability: 80
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

describe('approvals in the flow', () => {
  let t: TestContext;
  afterEach(() => t?.close());
  let seller: Requester, rm: Requester, director: Requester, admin: Requester;
  let customerId: string;

  async function setup() {
    // Sessions outlive the clock jumps of the delegation test.
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00'), config: { sessionTtlHours: 24 * 30 } }); // Monday
    await importPipelineYaml(t.db, t.clock, systemActor('cli'), PIPELINE);
    [seller, rm, director, admin] = await Promise.all(['seller_a', 'rm_east', 'director', 'admin'].map((u) => t.as(u)));
    const c = await seller({ method: 'POST', url: '/api/customers', payload: { name: '瑞金医院', phone: '13900002222' } });
    customerId = c.json().id;
  }
  const deps = () => ({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config });

  async function deal(amountFen: number) {
    const res = await seller({ method: 'POST', url: '/api/deals', payload: { title: `监护仪 ${amountFen}`, customerId, pipelineId: 'quote_gate', amountFen } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  async function submit(dealId: string, values: Record<string, unknown>) {
    const res = await seller({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const decide = (as: Requester, id: string, decision = 'approve', comment?: string) => as({ method: 'POST', url: `/api/approvals/${id}/decision`, payload: { decision, comment } });
  const move = (dealId: string) => seller({ method: 'POST', url: `/api/deals/${dealId}/move`, payload: { toStage: 'contract' } });
  const mine = async (as: Requester) => (await as({ method: 'GET', url: '/api/approvals?status=pending&assignee=me' })).json().items as Array<{ id: string; steps: Array<{ approvers: Array<{ label: string | null }> }> }>;

  it('refuses to leave the stage without an approved quote covering the deal, lists it in GATE_UNMET, then lets it pass', async () => {
    await setup();
    const dealId = await deal(6_000_000);
    const none = await move(dealId);
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatchObject({ code: 'GATE_UNMET', unmet: [{ code: 'APPROVAL_REQUIRED', label: '报价审批', requirement: { kind: 'approval', approvalKind: 'quote', status: null } }] });
    // The deal page lists it too.
    expect((await seller({ method: 'GET', url: `/api/deals/${dealId}` })).json().gate.unmet[0].code).toBe('APPROVAL_REQUIRED');

    const a = await submit(dealId, { listPriceFen: 6_600_000, netPriceFen: 6_000_000, envelope: { maxDiscountBp: 1200 } });
    const pending = await move(dealId);
    expect(pending.json().error.unmet[0]).toMatchObject({ requirement: { status: 'pending', requestId: a.id }, hint: expect.stringContaining('审批中') });
    expect((await decide(rm, a.id)).statusCode).toBe(200);
    expect((await decide(director, a.id)).json().status).toBe('approved');
    const passed = await move(dealId);
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json().stageKey).toBe('contract');
  });

  it('keeps the approval for an edit inside the envelope and sends it back to draft for one outside, naming the value', async () => {
    await setup();
    const dealId = await deal(6_000_000);
    const a = await submit(dealId, { listPriceFen: 6_600_000, netPriceFen: 6_000_000, envelope: { maxDiscountBp: 1200 } });
    await decide(rm, a.id);
    await decide(director, a.id);
    const patch = (amountFen: number) => seller({ method: 'PATCH', url: `/api/deals/${dealId}`, payload: { amountFen } });

    // ¥59,000: discount 1 − 59,000/66,000 = 10.61 % ≤ 12 %, amount ≤ ¥60,000 → inside.
    expect((await patch(5_900_000)).statusCode).toBe(200);
    expect(await processDealEdits(deps())).toBeGreaterThan(0);
    expect((await seller({ method: 'GET', url: `/api/approvals/${a.id}` })).json().status).toBe('approved');

    // ¥57,000: 13.64 % > 12 % → outside, named as the discount.
    expect((await patch(5_700_000)).statusCode).toBe(200);
    await processDealEdits(deps());
    const after = (await seller({ method: 'GET', url: `/api/approvals/${a.id}` })).json();
    expect(after).toMatchObject({ status: 'draft', invalidReason: { field: 'discount', value: 1364, limit: 1200 }, can: { resubmit: true } });
    expect(after.invalidReason.message).toContain('13.64 %');
    expect(after.trail.at(-1)).toMatchObject({ action: 'invalidated', actor: { id: t.org.users.sellerA.id } });
    const notes = await t.db.selectFrom('notifications').select(['title', 'link']).where('user_id', '=', t.org.users.sellerA.id).execute();
    expect(notes).toContainEqual({ title: expect.stringContaining('审批已失效'), link: `/approvals/${a.id}` });
    // The gate now says why; the same event is not processed twice.
    expect((await move(dealId)).json().error.unmet[0].requirement).toMatchObject({ status: 'draft' });
    expect(await processDealEdits(deps())).toBe(0);

    // Resubmitted at the new price and approved again; then an amount above the envelope invalidates it.
    const again = await seller({ method: 'POST', url: `/api/approvals/${a.id}/resubmit`, payload: { values: { listPriceFen: 6_600_000, netPriceFen: 5_700_000, envelope: { maxDiscountBp: 1400 } } } });
    expect(again.json()).toMatchObject({ status: 'pending', round: 2, steps: [{ status: 'pending' }, { status: 'waiting' }] });
    await decide(rm, a.id);
    await decide(director, a.id);
    await patch(5_800_000);
    await processDealEdits(deps());
    expect((await seller({ method: 'GET', url: `/api/approvals/${a.id}` })).json().invalidReason).toMatchObject({ field: 'amountFen', value: 5_800_000, limit: 5_700_000 });
  });

  it('refuses the move at once when the deal left its approved envelope, before the edit consumer has run; an expired quote too', async () => {
    await setup();
    const dealId = await deal(6_000_000);
    const a = await submit(dealId, { listPriceFen: 6_600_000, netPriceFen: 6_000_000, envelope: { maxDiscountBp: 1200 }, validUntil: '2026-11-06' });
    await decide(rm, a.id);
    expect((await decide(director, a.id)).json().status).toBe('approved');

    // ¥65,000 > the approved ¥60,000: no `processDealEdits` pass yet, the request still says approved, the gate refuses.
    expect((await seller({ method: 'PATCH', url: `/api/deals/${dealId}`, payload: { amountFen: 6_500_000 } })).statusCode).toBe(200);
    expect((await seller({ method: 'GET', url: `/api/approvals/${a.id}` })).json().status).toBe('approved');
    const refused = await move(dealId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'GATE_UNMET', unmet: [{ code: 'APPROVAL_REQUIRED', requirement: { approvalKind: 'quote', status: 'approved', requestId: a.id, reason: 'amountFen' } }] });
    expect(refused.json().error.unmet[0].hint).toContain('¥65,000.00 超出批准上限 ¥60,000.00');
    expect((await seller({ method: 'GET', url: `/api/deals/${dealId}` })).json().gate.unmet[0].requirement).toMatchObject({ reason: 'amountFen' });
    expect((await seller({ method: 'GET', url: `/api/deals/${dealId}` })).json().stageKey).toBe('negotiate');

    // Back inside (¥59,000, 10.61 % ≤ 12 %) the same approval covers it again — but not after it expired.
    await seller({ method: 'PATCH', url: `/api/deals/${dealId}`, payload: { amountFen: 5_900_000 } });
    t.clock.set(sh('2026-11-07T10:00:00'));
    const expired = await move(dealId);
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.unmet[0].requirement).toMatchObject({ status: 'approved', reason: 'validUntil' });
    // The injectable clock goes back to the last valid day: the same values now pass.
    t.clock.set(sh('2026-11-06T17:00:00'));
    const passed = await move(dealId);
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json().stageKey).toBe('contract');
  }, 60_000);

  it('keeps in-flight requests on their version when a new one is published, and migrates selected ones explicitly', async () => {
    await setup();
    const a = await submit(await deal(8_000_000), { netPriceFen: 8_000_000 });
    expect(a.routeVersion).toBe(1);
    expect((await decide(rm, a.id)).statusCode).toBe(200);

    // Bad drafts: the last branch must catch everything; a fallback must name someone; YAML errors carry lines.
    const bad = await admin({ method: 'PUT', url: '/api/approval-routes/quote/draft', payload: { kind: 'quote', name: 'x', branches: [{ name: 'b', when: { '>': [{ var: 'amountFen' }, 1] }, steps: [{ name: 's', approvers: ['requester.lead'] }] }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toContain('branches.0.when');
    const badVar = await admin({ method: 'PUT', url: '/api/approval-routes/quote/draft', payload: { kind: 'quote', name: 'x', branches: [{ name: 'a', when: { '>': [{ var: 'record.amount' }, 1] }, steps: [{ name: 's', approvers: ['boss'] }] }, { name: 'b', steps: [{ name: 's', approvers: ['requester.lead'] }] }] } });
    expect(badVar.json().error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['branches.0.when.>.0.var', 'branches.0.steps.0.approvers.0']));
    const yamlBad = await admin({ method: 'PUT', url: '/api/approval-routes/quote/draft/yaml', payload: { yaml: 'kind: quote\nname: 报价\nbranches:\n  - name: 全部\n    steps:\n      - name: 财务\n        approvers: [role:boss]\n' } });
    expect(yamlBad.statusCode).toBe(422);
    expect(yamlBad.json().error.errors[0]).toMatchObject({ line: 7, path: 'branches[0].steps[0].approvers[0]' });
    const ghost = await admin({ method: 'PUT', url: '/api/approval-routes/quote/draft', payload: { kind: 'quote', name: 'x', branches: [{ name: 'b', steps: [{ name: 's', approvers: ['requester.lead'], fallback: ['user:ghost'] }] }] } });
    expect(ghost.statusCode).toBe(200);
    const refused = await admin({ method: 'POST', url: '/api/approval-routes/quote/publish' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'branches.0.steps.0.fallback', code: 'approval_fallback_unresolvable' });

    // Version 2 (YAML): the regional manager, then finance instead of the director (a removed approver → fallback).
    const v2 = `kind: quote
name: 报价审批 v2
branches:
  - name: 全部报价
    steps:
      - name: 大区经理审批
        approvers: [requester.regional_manager]
      - name: 终审
        approvers: [user:nobody_here]
        fallback: [role:finance]
`;
    expect((await admin({ method: 'PUT', url: '/api/approval-routes/quote/draft/yaml', payload: { yaml: v2 } })).statusCode).toBe(200);
    const preview = (await admin({ method: 'GET', url: '/api/approval-routes/quote/preview' })).json();
    expect(preview.usingDraft).toBe(true);
    expect(preview.items[0]).toMatchObject({ id: a.id, current: { version: 1, branch: '大额报价（¥50,000 及以上）' }, draft: { branch: '全部报价', steps: [{ name: '大区经理审批' }, { name: '终审', approvers: [{ id: t.org.users.finance.id }] }] }, changed: true });
    const published = await admin({ method: 'POST', url: '/api/approval-routes/quote/publish' });
    expect(published.json()).toMatchObject({ publishedVersion: 2, draft: null, versions: [{ version: 2 }, { version: 1 }] });

    // The request in flight is untouched: still version 1, the director decides step 2.
    const still = (await seller({ method: 'GET', url: `/api/approvals/${a.id}` })).json();
    expect(still).toMatchObject({ routeVersion: 1, steps: [{ status: 'approved' }, { status: 'pending', approvers: [{ user: { id: t.org.users.director.id } }] }] });
    const b = await submit(await deal(1_000_000), { netPriceFen: 1_000_000 });
    expect(b).toMatchObject({ routeVersion: 2, steps: [{ name: '大区经理审批' }, { name: '终审', fallbackUsed: true, approvers: [{ user: { id: t.org.users.finance.id } }] }] });

    // Migration is explicit, admin-only, audited; the regional manager's approval is kept (the step still exists).
    expect((await rm({ method: 'POST', url: '/api/approval-routes/quote/migrate', payload: { ids: [a.id] } })).statusCode).toBe(403);
    const migrated = await admin({ method: 'POST', url: '/api/approval-routes/quote/migrate', payload: { ids: [a.id] } });
    expect(migrated.json()).toEqual({ items: [{ id: a.id, fromVersion: 1, toVersion: 2, kept: ['大区经理审批'] }] });
    const moved = (await seller({ method: 'GET', url: `/api/approvals/${a.id}` })).json();
    expect(moved).toMatchObject({ routeVersion: 2, round: 2, currentStep: 1, steps: [{ status: 'approved' }, { status: 'pending', approvers: [{ user: { id: t.org.users.finance.id } }] }] });
    expect(moved.trail.map((x: { action: string }) => x.action)).toContain('migrated');
    expect((await admin({ method: 'POST', url: '/api/approval-routes/quote/migrate', payload: { ids: [a.id] } })).statusCode).toBe(422);
    expect((await decide(director, a.id)).statusCode).toBe(403);
    expect((await decide(await t.as('finance'), a.id)).json().status).toBe('approved');
  });

  it('lets a delegate decide in the approver’s name during the range; pending items return when it ends; escalation stays with the approver’s manager', async () => {
    await setup();
    const lead = await t.as('lead_east1');
    const given = await rm({ method: 'POST', url: '/api/approval-delegations', payload: { toUserId: t.org.users.leadEast1.id, startsOn: '2026-11-02', endsOn: '2026-11-03', note: '休假' } });
    expect(given.statusCode, given.body).toBe(201);
    expect((await rm({ method: 'POST', url: '/api/approval-delegations', payload: { toUserId: t.org.users.director.id, startsOn: '2026-11-03', endsOn: '2026-11-05' } })).statusCode).toBe(409);
    expect((await rm({ method: 'POST', url: '/api/approval-delegations', payload: { toUserId: t.org.users.rmEast.id, startsOn: '2026-11-10', endsOn: '2026-11-11' } })).statusCode).toBe(400);

    const a = await submit(await deal(2_000_000), { netPriceFen: 2_000_000 });
    const b = await submit(await deal(3_000_000), { netPriceFen: 3_000_000 });
    const forLead = await mine(lead);
    expect(forLead.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(forLead[0].steps[0].approvers[0].label).toBe('lead_east1 代 rm_east 审批');
    const note = await t.db.selectFrom('notifications').select('title').where('user_id', '=', t.org.users.leadEast1.id).execute();
    expect(note.map((n) => n.title)).toContainEqual(expect.stringContaining('代 rm_east 审批'));

    const done = await decide(lead, a.id, 'approve', '代审同意');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().trail.at(-2)).toMatchObject({ action: 'approved', actor: { id: t.org.users.leadEast1.id }, onBehalfOf: { id: t.org.users.rmEast.id } });
    expect(done.json().steps[0].approvers[0]).toMatchObject({ user: { id: t.org.users.rmEast.id }, decidedBy: { id: t.org.users.leadEast1.id }, label: 'lead_east1 代 rm_east 审批' });

    // Wednesday: the range is over; b is the regional manager's again.
    t.clock.set(sh('2026-11-04T09:30:00'));
    expect(await mine(lead)).toEqual([]);
    expect((await mine(rm)).map((i) => i.id)).toEqual([b.id]);
    // The lead still sees it (his team's request) but it no longer waits for him.
    expect((await decide(lead, b.id)).statusCode).toBe(403);
  });

  it('reminds the approver at the remind share and escalates to the approver’s manager at the due time, once, on the team calendar (tick --at)', async () => {
    await setup();
    const lead = await t.as('lead_east1');
    // The regional manager is away and lets the lead decide; the escalation still goes to the director (rm's manager).
    await rm({ method: 'POST', url: '/api/approval-delegations', payload: { toUserId: t.org.users.leadEast1.id, startsOn: '2026-11-02', endsOn: '2026-11-02' } });
    const a = await submit(await deal(2_000_000), { netPriceFen: 2_000_000 });
    // 4 business hours from Monday 10:00: reminder after 2 h at 12:00, due after the lunch break at 15:30.
    expect(a.steps[0]).toMatchObject({ remindAt: sh('2026-11-02T12:00:00'), dueAt: sh('2026-11-02T15:30:00'), slaLevel: 0 });
    const base = { db: t.db, dialect: t.dialect, config: t.config };
    const approvalsFired = async (local: string) => (await tickAt(base, new Date(sh(local)))).filter((f) => f.kind.startsWith('approval.'));
    expect(await approvalsFired('2026-11-02T11:59:59')).toEqual([]);
    const reminder = await approvalsFired('2026-11-02T12:00:00');
    expect(reminder).toEqual([{ kind: 'approval.reminder', at: sh('2026-11-02T12:00:00'), subject: { type: 'approval', id: a.id }, step: '大区经理审批', recipients: [t.org.users.rmEast.id, t.org.users.leadEast1.id] }]);
    expect(await approvalsFired('2026-11-02T15:29:59')).toEqual([]);
    const escalation = await approvalsFired('2026-11-02T15:30:00');
    expect(escalation).toMatchObject([{ kind: 'approval.escalation', at: sh('2026-11-02T15:30:00'), recipients: [t.org.users.director.id] }]);
    expect(await approvalsFired('2026-11-02T16:00:00')).toEqual([]);
    const trail = (await lead({ method: 'GET', url: `/api/approvals/${a.id}` })).json().trail.map((x: { action: string }) => x.action);
    expect(trail).toEqual(['submitted', 'reminded', 'escalated']);
    const escalated = await t.db.selectFrom('notifications').select(['title', 'link']).where('user_id', '=', t.org.users.director.id).execute();
    expect(escalated).toEqual([{ title: expect.stringContaining('审批超时升级'), link: `/approvals/${a.id}` }]);
  });

  it('the require_approval rule action submits a quote approval for the deal owner once', async () => {
    await setup();
    const rule = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: { key: 'big_quote_approval', name: '大额报价需审批', trigger: { type: 'record.updated', entity: 'deal' }, conditions: { '>=': [{ var: 'record.amountFen' }, 5_000_000] }, actions: [{ type: 'require_approval', config: { kind: 'quote' } }] },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    t.clock.advance(60_000);
    const dealId = await deal(1_000_000);
    await seller({ method: 'PATCH', url: `/api/deals/${dealId}`, payload: { amountFen: 6_000_000 } });
    await seller({ method: 'PATCH', url: `/api/deals/${dealId}`, payload: { title: '监护仪 大单' } });
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    const list = (await seller({ method: 'GET', url: `/api/approvals?dealId=${dealId}` })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ requester: { id: t.org.users.sellerA.id }, status: 'pending', facts: { netPriceFen: 6_000_000 }, steps: [{}, {}] });
    expect(list.items[0].trail).toBeUndefined();
  });
});
