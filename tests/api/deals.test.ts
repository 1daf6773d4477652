import { systemActor } from '../../server/core/policy.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { importPipelineYaml, installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const SYSTEM = systemActor('cli');

const gateDemoYaml = `key: gate_demo
name: 通关演示
stages:
  - key: start
    name: 开始
    probability: 10
    gate:
      requiredFields: [amountFen, expectedCloseDate, custom.hospital_level]
      evidence:
        - { kind: quote, label: 报价单, min: 2 }
      checklist:
        - { key: decision_power, label: 决策权核实, hint: 职务/决策权 }
  - key: next
    name: 下一步
    probability: 50
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

describe('deals API', () => {
  let t: TestContext;
  let sellerA: Requester, sellerB: Requester, lead: Requester, support: Requester, admin: Requester;
  const customers: Record<'a' | 'a2' | 'b', string> = { a: '', a2: '', b: '' };

  async function insertCustomer(name: string, ownerId: string) {
    const owner = await t.db.selectFrom('users').select('team_path').where('id', '=', ownerId).executeTakeFirstOrThrow();
    const now = t.clock.now().toISOString();
    const id = newId();
    await t.db
      .insertInto('customers')
      .values({ id, kind: 'company', name, phone: null, phone_normalized: null, region: '华东', industry: '医疗', source: null, level: null, credit_code: null, owner_id: ownerId, team_path: owner.team_path, custom: '{}', created_at: now, updated_at: now, deleted_at: null })
      .execute();
    return id;
  }

  async function attach(dealId: string, kind: string) {
    await t.db
      .insertInto('attachments')
      .values({ id: newId(), entity: 'deal', entity_id: dealId, kind, filename: `${kind}.pdf`, mime: 'application/pdf', size: 10, sha256: 'x', uploaded_by: t.org.users.sellerA.id, created_at: t.clock.now().toISOString() })
      .execute();
  }

  const create = (who: Requester, payload: Record<string, unknown>) => who({ method: 'POST', url: '/api/deals', payload });
  const move = (who: Requester, id: string, payload: Record<string, unknown>) => who({ method: 'POST', url: `/api/deals/${id}/move`, payload });
  const tick = (who: Requester, id: string, item: string, done = true) => who({ method: 'POST', url: `/api/deals/${id}/checklist`, payload: { item, done } });
  const fieldsOf = (res: { json(): { error: { fields?: { field: string }[] } } }) => (res.json().error.fields ?? []).map((f) => f.field);

  beforeAll(async () => {
    t = await setupTestApp();
    await installTemplate(t.db, t.clock, SYSTEM, 'b2b_six_step');
    await installTemplate(t.db, t.clock, SYSTEM, 'hospital_seven_step');
    await importPipelineYaml(t.db, t.clock, SYSTEM, gateDemoYaml);
    await t.db
      .insertInto('custom_field_defs')
      .values({ id: newId(), entity: 'deal', key: 'hospital_level', label: '医院等级', label_en: 'Hospital level', type: 'select', options: JSON.stringify([{ value: 'tertiary', label: '三甲' }, { value: 'secondary', label: '二级' }]), required: 0, created_at: t.clock.now().toISOString() })
      .execute();
    customers.a = await insertCustomer('浙一医院', t.org.users.sellerA.id);
    customers.a2 = await insertCustomer('邵逸夫医院', t.org.users.sellerA2.id);
    customers.b = await insertCustomer('中山一院', t.org.users.sellerB.id);
    [sellerA, sellerB, lead, support, admin] = await Promise.all(['seller_a', 'seller_b', 'lead_east1', 'support', 'admin'].map((u) => t.as(u)));
  });
  afterAll(async () => t?.close());

  it('creates a deal in the first stage with history, audit and a deal.created event', async () => {
    const res = await create(sellerA, { title: '骨科耗材年度采购', customerId: customers.a, pipelineId: 'b2b_six_step', amountFen: 12_000_000, expectedCloseDate: '2026-12-31' });
    expect(res.statusCode).toBe(201);
    const deal = res.json();
    expect(deal).toMatchObject({
      title: '骨科耗材年度采购',
      status: 'open',
      customer: { id: customers.a, name: '浙一医院' },
      owner: { id: t.org.users.sellerA.id, name: 'seller_a' },
      pipeline: { key: 'b2b_six_step' },
      stage: { key: 'lead_assignment', name: '线索分配' },
      amountFen: 12_000_000,
      stageEnteredAt: t.clock.now().toISOString(),
      gate: { stageKey: 'lead_assignment', unmet: [{ code: 'CHECKLIST_INCOMPLETE' }, { code: 'CHECKLIST_INCOMPLETE' }] },
    });
    expect(deal.history).toEqual([expect.objectContaining({ stageKey: 'lead_assignment', direction: 'created', leftAt: null, enteredBy: { id: t.org.users.sellerA.id, name: 'seller_a' } })]);
    const row = await t.db.selectFrom('deals').select('team_path').where('id', '=', deal.id).executeTakeFirstOrThrow();
    const owner = await t.db.selectFrom('users').select('team_path').where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    expect(row.team_path).toBe(owner.team_path);
    const events = await t.db.selectFrom('events').selectAll().where('entity_id', '=', deal.id).execute();
    expect(events.map((e) => e.type)).toEqual(['deal.created']);
    const audit = await sellerA({ method: 'GET', url: `/api/audit?entity=deal&id=${deal.id}` });
    expect(audit.json().items[0]).toMatchObject({ action: 'create', actor: { id: t.org.users.sellerA.id } });
  });

  it('names the field for every bad create input', async () => {
    const ok = { title: 't', customerId: customers.a, pipelineId: 'b2b_six_step' };
    const cases: [Record<string, unknown>, string, number][] = [
      [{ ...ok, title: '' }, 'title', 400],
      [{ customerId: customers.a, pipelineId: 'b2b_six_step' }, 'title', 400],
      [{ ...ok, customerId: customers.b }, 'customerId', 400],
      [{ ...ok, pipelineId: 'nope' }, 'pipelineId', 400],
      [{ ...ok, stageKey: 'nope' }, 'stageKey', 400],
      [{ ...ok, stageKey: 'signing_delivery' }, 'stageKey', 400],
      [{ ...ok, amountFen: -1 }, 'amountFen', 400],
      [{ ...ok, amountFen: 1.5 }, 'amountFen', 400],
      [{ ...ok, expectedCloseDate: '2026-02-30' }, 'expectedCloseDate', 400],
      [{ ...ok, ownerId: t.org.users.sellerA2.id }, 'ownerId', 403],
      [{ ...ok, custom: { nope: 1 } }, 'custom.nope', 400],
      [{ ...ok, custom: { hospital_level: 'quaternary' } }, 'custom.hospital_level', 400],
    ];
    for (const [payload, field, status] of cases) {
      const res = await create(sellerA, payload);
      expect([res.statusCode, fieldsOf(res)], JSON.stringify(payload)).toEqual([status, [field]]);
    }
    const leadOther = await create(lead, { ...ok, ownerId: t.org.users.sellerB.id });
    expect([leadOther.statusCode, fieldsOf(leadOther)]).toEqual([400, ['ownerId']]);
    const supportAmount = await create(support, { ...ok, amountFen: 5 });
    expect([supportAmount.statusCode, fieldsOf(supportAmount)]).toEqual([403, ['amountFen']]);
  });

  it('refuses a forward move listing every unmet requirement, then succeeds once they are fixed', async () => {
    const deal = (await create(sellerA, { title: '通关', customerId: customers.a, pipelineId: 'gate_demo' })).json();
    const refused = await move(sellerA, deal.id, { toStage: 'next' });
    expect(refused.statusCode).toBe(422);
    const error = refused.json().error;
    expect(error.code).toBe('GATE_UNMET');
    expect(error.message).toContain('开始');
    expect(error.unmet.map((u: { code: string; requirement: unknown }) => [u.code, u.requirement])).toEqual([
      ['FIELD_REQUIRED', { kind: 'field', field: 'amountFen' }],
      ['FIELD_REQUIRED', { kind: 'field', field: 'expectedCloseDate' }],
      ['FIELD_REQUIRED', { kind: 'field', field: 'custom.hospital_level' }],
      ['EVIDENCE_REQUIRED', { kind: 'evidence', evidenceKind: 'quote', min: 2, have: 0 }],
      ['CHECKLIST_INCOMPLETE', { kind: 'checklist', item: 'decision_power' }],
    ]);
    for (const u of error.unmet) expect(u.label && u.hint).toBeTruthy();
    expect(error.unmet[2].label).toBe('医院等级');
    // Refusal changed nothing.
    const after = (await sellerA({ method: 'GET', url: `/api/deals/${deal.id}` })).json();
    expect(after.stageKey).toBe('start');
    expect(after.history).toHaveLength(1);

    const patched = await sellerA({ method: 'PATCH', url: `/api/deals/${deal.id}`, payload: { amountFen: 500_000, expectedCloseDate: '2027-01-15', custom: { hospital_level: 'tertiary' } } });
    expect(patched.statusCode).toBe(200);
    await attach(deal.id, 'quote');
    expect(patched.json().gate.unmet.map((u: { code: string }) => u.code)).toEqual(['EVIDENCE_REQUIRED', 'CHECKLIST_INCOMPLETE']);
    const stillShort = await move(sellerA, deal.id, { toStage: 'next' });
    expect(stillShort.json().error.unmet).toEqual([
      expect.objectContaining({ code: 'EVIDENCE_REQUIRED', requirement: expect.objectContaining({ have: 1 }) }),
      expect.objectContaining({ code: 'CHECKLIST_INCOMPLETE' }),
    ]);
    await attach(deal.id, 'quote');
    const ticked = await tick(sellerA, deal.id, 'decision_power');
    expect(ticked.json().checklist.decision_power).toMatchObject({ done: true, by: t.org.users.sellerA.id });
    expect(ticked.json().gate.unmet).toEqual([]);
    t.clock.advance(3_600_000);
    const ok = await move(sellerA, deal.id, { toStage: 'next' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ stageKey: 'next', stage: { name: '下一步' }, stageEnteredAt: t.clock.now().toISOString() });
    const won = await move(sellerA, deal.id, { toStage: 'won' });
    expect(won.json()).toMatchObject({ status: 'won', stageKey: 'won' });
  });

  it('enforces the hospital clinical trial gate on evidence kinds', async () => {
    // Creating straight into the trial stage is refused (earlier gates are not skippable): place it there as an import would.
    expect((await create(sellerA, { title: '关节置换耗材试用', customerId: customers.a, pipelineId: 'hospital_seven_step', stageKey: 'clinical_trial' })).statusCode).toBe(422);
    const deal = (await create(sellerA, { title: '关节置换耗材试用', customerId: customers.a, pipelineId: 'hospital_seven_step' })).json();
    await t.db.updateTable('deals').set({ stage_key: 'clinical_trial' }).where('id', '=', deal.id).execute();
    const refused = await move(sellerA, deal.id, { toStage: 'price_negotiation' });
    expect(refused.statusCode).toBe(422);
    const kinds = refused.json().error.unmet.filter((u: { code: string }) => u.code === 'EVIDENCE_REQUIRED').map((u: { requirement: { evidenceKind: string } }) => u.requirement.evidenceKind);
    expect(kinds).toEqual(['trial_agreement', 'signature_page']);
    await attach(deal.id, 'trial_agreement');
    await attach(deal.id, 'signature_page');
    await attach(deal.id, 'other');
    await tick(sellerA, deal.id, 'trial_feedback_collected');
    expect((await move(sellerA, deal.id, { toStage: 'price_negotiation' })).statusCode).toBe(200);
  });

  it('skips with a recorded reason, refuses a skip without one or over a stage that forbids it, and records backward moves', async () => {
    const deal = (await create(sellerA, { title: '客户主动来电', customerId: customers.a, pipelineId: 'b2b_six_step' })).json();
    await tick(sellerA, deal.id, 'lead_accepted');
    await tick(sellerA, deal.id, 'lead_source_recorded');
    const noReason = await move(sellerA, deal.id, { toStage: 'needs_diagnosis' });
    expect([noReason.statusCode, fieldsOf(noReason)]).toEqual([400, ['skipReason']]);
    const forbidden = await move(sellerA, deal.id, { toStage: 'proposal', skipReason: '着急' });
    expect(forbidden.statusCode).toBe(422);
    expect(forbidden.json().error).toMatchObject({ code: 'SKIP_NOT_ALLOWED', stages: ['needs_diagnosis'] });

    t.clock.advance(60_000);
    const skipped = await move(sellerA, deal.id, { toStage: 'needs_diagnosis', skipReason: '客户主动来电，需求明确' });
    expect(skipped.statusCode).toBe(200);
    expect(skipped.json().history.at(-1)).toMatchObject({ stageKey: 'needs_diagnosis', direction: 'skip', skipReason: '客户主动来电，需求明确', leftAt: null });
    expect(skipped.json().history[0].leftAt).toBe(t.clock.now().toISOString());

    t.clock.advance(60_000);
    const back = await move(sellerA, deal.id, { toStage: 'first_touch' });
    expect(back.statusCode).toBe(200);
    const history = back.json().history;
    expect(history.map((h: { stageKey: string; direction: string }) => [h.stageKey, h.direction])).toEqual([
      ['lead_assignment', 'created'],
      ['needs_diagnosis', 'skip'],
      ['first_touch', 'backward'],
    ]);
    expect(history.filter((h: { leftAt: string | null }) => h.leftAt === null)).toHaveLength(1);

    const events = await t.db.selectFrom('events').selectAll().where('entity_id', '=', deal.id).where('type', '=', 'deal.stage_changed').orderBy('seq').execute();
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      expect.objectContaining({ from: 'lead_assignment', to: 'needs_diagnosis', direction: 'skip', pipelineId: deal.pipelineId }),
      expect.objectContaining({ from: 'needs_diagnosis', to: 'first_touch', direction: 'backward' }),
    ]);
    const audit = (await sellerA({ method: 'GET', url: `/api/audit?entity=deal&id=${deal.id}` })).json().items;
    expect(audit.filter((a: { action: string }) => a.action === 'move').map((a: { after: { direction: string } }) => a.after.direction)).toEqual(['backward', 'skip']);
    expect(audit.filter((a: { action: string }) => a.action === 'checklist')).toHaveLength(2);

    const lost = await move(sellerA, deal.id, { toStage: 'lost', lostReason: 'budget_cancelled' });
    expect(lost.json()).toMatchObject({ status: 'lost', stageKey: 'lost' });
    const reopen = await move(sellerA, deal.id, { toStage: 'signing_delivery' });
    expect(reopen.statusCode).toBe(422);
  });

  it('names the field on bad move and checklist input', async () => {
    const deal = (await create(sellerA, { title: 'x', customerId: customers.a, pipelineId: 'b2b_six_step' })).json();
    expect(fieldsOf(await move(sellerA, deal.id, {}))).toEqual(['toStage']);
    expect(fieldsOf(await move(sellerA, deal.id, { toStage: 'nowhere' }))).toEqual(['toStage']);
    const same = await move(sellerA, deal.id, { toStage: 'lead_assignment' });
    expect([same.statusCode, fieldsOf(same)]).toEqual([422, ['toStage']]);
    const wrongItem = await tick(sellerA, deal.id, 'identity_verified');
    expect([wrongItem.statusCode, fieldsOf(wrongItem)]).toEqual([400, ['item']]);
    const noDone = await sellerA({ method: 'POST', url: `/api/deals/${deal.id}/checklist`, payload: { item: 'lead_accepted' } });
    expect([noDone.statusCode, fieldsOf(noDone)]).toEqual([400, ['done']]);
    const badPatch = await sellerA({ method: 'PATCH', url: `/api/deals/${deal.id}`, payload: { expectedCloseDate: 'soon' } });
    expect([badPatch.statusCode, fieldsOf(badPatch)]).toEqual([400, ['expectedCloseDate']]);
    const badOwner = await sellerA({ method: 'PATCH', url: `/api/deals/${deal.id}`, payload: { ownerId: t.org.users.sellerB.id } });
    expect([badOwner.statusCode, fieldsOf(badOwner)]).toEqual([403, ['ownerId']]);
    expect((await sellerA({ method: 'GET', url: `/api/deals/${newId()}` })).statusCode).toBe(404);
  });

  it('applies scope: other sellers get 404, the lead sees the team, support sees no amounts', async () => {
    const mine = (await create(sellerA, { title: '华东机会', customerId: customers.a, pipelineId: 'b2b_six_step', amountFen: 100 })).json();
    const teammate = (await create(await t.as('seller_a2'), { title: '队友机会', customerId: customers.a2, pipelineId: 'b2b_six_step' })).json();
    const south = (await create(sellerB, { title: '华南机会', customerId: customers.b, pipelineId: 'b2b_six_step' })).json();

    for (const req of [
      { method: 'GET' as const, url: `/api/deals/${mine.id}` },
      { method: 'PATCH' as const, url: `/api/deals/${mine.id}`, payload: { title: 'stolen' } },
      { method: 'POST' as const, url: `/api/deals/${mine.id}/move`, payload: { toStage: 'first_touch' } },
      { method: 'POST' as const, url: `/api/deals/${mine.id}/checklist`, payload: { item: 'lead_accepted', done: true } },
    ]) {
      const res = await sellerB(req);
      expect([req.method, req.url, res.statusCode]).toEqual([req.method, req.url, 404]);
    }
    expect((await sellerA({ method: 'GET', url: `/api/deals/${mine.id}` })).json().title).toBe('华东机会');

    const leadList = (await lead({ method: 'GET', url: '/api/deals?pageSize=200' })).json();
    const leadIds = leadList.items.map((d: { id: string }) => d.id);
    expect(leadIds).toEqual(expect.arrayContaining([mine.id, teammate.id]));
    expect(leadIds).not.toContain(south.id);
    expect(leadList.total).toBe(leadIds.length);
    const sellerIds = (await sellerA({ method: 'GET', url: '/api/deals?pageSize=200' })).json().items.map((d: { id: string }) => d.id);
    expect(sellerIds).not.toContain(teammate.id);
    expect((await lead({ method: 'GET', url: `/api/deals/${teammate.id}` })).statusCode).toBe(200);
    expect((await lead({ method: 'GET', url: `/api/deals/${south.id}` })).statusCode).toBe(404);

    const reassigned = await lead({ method: 'PATCH', url: `/api/deals/${teammate.id}`, payload: { ownerId: t.org.users.sellerA.id } });
    expect(reassigned.json().owner.id).toBe(t.org.users.sellerA.id);

    const supportDetail = (await support({ method: 'GET', url: `/api/deals/${mine.id}` })).json();
    expect(supportDetail.title).toBe('华东机会');
    expect(supportDetail).not.toHaveProperty('amountFen');
    const supportList = (await support({ method: 'GET', url: '/api/deals' })).json();
    expect(supportList.items.length).toBeGreaterThan(0);
    for (const item of supportList.items) expect(item).not.toHaveProperty('amountFen');
    const supportSort = await support({ method: 'GET', url: '/api/deals?sort=-amountFen' });
    expect([supportSort.statusCode, fieldsOf(supportSort)]).toEqual([400, ['sort']]);
    const board = (await support({ method: 'GET', url: '/api/pipelines/b2b_six_step/board' })).json();
    expect(JSON.stringify(board.columns)).not.toContain('amountFen');
    expect(board.columns.some((c: { count: number }) => c.count > 0)).toBe(true);
  });

  it('paginates, sorts, filters and refuses a bad sort naming sort', async () => {
    const pid = (await admin({ method: 'GET', url: '/api/pipelines/hospital_seven_step' })).json().id;
    for (const [title, amountFen] of [['排序C', 300], ['排序A', 100], ['排序B', 200]] as const) {
      t.clock.advance(1000);
      await create(sellerA, { title, customerId: customers.a, pipelineId: pid, amountFen });
    }
    const page1 = (await sellerA({ method: 'GET', url: `/api/deals?pipelineId=${pid}&q=排序&sort=title&pageSize=2` })).json();
    expect(page1.total).toBe(3);
    expect(page1.items.map((d: { title: string }) => d.title)).toEqual(['排序A', '排序B']);
    const page2 = (await sellerA({ method: 'GET', url: `/api/deals?pipelineId=${pid}&q=排序&sort=title&pageSize=2&page=2` })).json();
    expect(page2.items.map((d: { title: string }) => d.title)).toEqual(['排序C']);
    const byAmount = (await sellerA({ method: 'GET', url: `/api/deals?q=排序&sort=-amountFen` })).json();
    expect(byAmount.items.map((d: { amountFen: number }) => d.amountFen)).toEqual([300, 200, 100]);
    const newest = (await sellerA({ method: 'GET', url: `/api/deals?q=排序` })).json();
    expect(newest.items[0].title).toBe('排序B');
    const byCustomer = (await sellerA({ method: 'GET', url: `/api/deals?q=浙一&stage=lead_assignment&status=open&customerId=${customers.a}` })).json();
    expect(byCustomer.total).toBeGreaterThan(0);
    for (const d of byCustomer.items) expect(d).toMatchObject({ customer: { name: '浙一医院' }, stageKey: 'lead_assignment', status: 'open' });
    for (const [query, field] of [['sort=colour', 'sort'], ['pageSize=0', 'pageSize'], ['page=0', 'page'], ['status=maybe', 'status']]) {
      const res = await sellerA({ method: 'GET', url: `/api/deals?${query}` });
      expect([query, res.statusCode, fieldsOf(res)]).toEqual([query, 400, [field]]);
    }
  });

  it('serves the kanban board per pipeline with counts, amounts and scoped cards', async () => {
    const res = await lead({ method: 'GET', url: '/api/pipelines/b2b_six_step/board' });
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.pipeline).toMatchObject({ key: 'b2b_six_step', name: 'B2B 六步销售流程' });
    expect(board.pipeline.stages[1]).toMatchObject({ key: 'first_touch', allowSkip: true });
    expect(board.columns.map((c: { stageKey: string }) => c.stageKey)).toEqual(board.pipeline.stages.map((s: { key: string }) => s.key));
    const first = board.columns[0];
    expect(first.count).toBe(first.deals.length);
    expect(first.amountFen).toBe(first.deals.reduce((sum: number, d: { amountFen: number }) => sum + d.amountFen, 0));
    const all = board.columns.flatMap((c: { deals: { owner: { id: string } }[] }) => c.deals);
    expect(all.some((d: { owner: { id: string } }) => d.owner.id === t.org.users.sellerB.id)).toBe(false);
    const updated = first.deals.map((d: { updatedAt: string }) => d.updatedAt);
    expect([...updated].sort().reverse()).toEqual(updated);

    const sellerBoard = (await sellerA({ method: 'GET', url: `/api/pipelines/b2b_six_step/board?q=华东机会` })).json();
    expect(sellerBoard.columns.flatMap((c: { deals: { title: string }[] }) => c.deals.map((d) => d.title))).toEqual(['华东机会']);
    const byOwner = (await lead({ method: 'GET', url: `/api/pipelines/b2b_six_step/board?ownerId=${t.org.users.sellerA2.id}` })).json();
    expect(byOwner.columns.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(0);
    expect((await lead({ method: 'GET', url: '/api/pipelines/nope/board' })).statusCode).toBe(404);
  });
});
