import { systemActor } from '../../server/core/policy.js';
import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { processCadenceEvents } from '../../server/modules/cadences/engine.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { setupTestApp, TEST_PASSWORD, type Requester, type TestContext } from '../support/app.js';

const SYSTEM = systemActor('cli');

// Qualify starts the golden seven days on entry; propose has none; won/lost close the deal.
const pipelineYaml = `key: cad_demo
name: 节奏演示
stages:
  - key: qualify
    name: 首次沟通
    probability: 10
    allowSkip: true
    cadences: [golden-seven-days]
  - key: propose
    name: 方案
    probability: 50
    allowSkip: true
  - key: won
    name: 成交
    probability: 100
    terminal: won
  - key: lost
    name: 输单
    probability: 0
    terminal: lost
`;

/** Shanghai wall-clock time → stored UTC instant. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('follow-up cadences', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  /** Sessions last 12 hours and the clock jumps days, so every request logs in afresh at the current instant. */
  const as =
    (username: string): Requester =>
    async (req) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
      return t.app.inject({ ...req, headers: { ...(req.headers ?? {}), cookie } } as InjectOptions);
    };
  const seller = as('seller_a');
  const admin = as('admin');
  const drain = () => processCadenceEvents({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config });

  async function setup(start: string) {
    t = await setupTestApp({ start });
    await importPipelineYaml(t.db, t.clock, SYSTEM, pipelineYaml);
  }
  async function newDeal(payload: Record<string, unknown> = {}) {
    const customer = await seller({ method: 'POST', url: '/api/customers', payload: { name: `工业设备客户${newId().slice(0, 6)}` } });
    expect(customer.statusCode, customer.body).toBe(201);
    const res = await seller({ method: 'POST', url: '/api/deals', payload: { title: '注塑机改造', customerId: customer.json().id, pipelineId: 'cad_demo', ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as string, customerId: customer.json().id as string };
  }
  const runs = async (dealId: string) => (await seller({ method: 'GET', url: `/api/deals/${dealId}/cadences` })).json().items;
  const taskStatuses = async (dealId: string) =>
    (await t.db.selectFrom('tasks').select(['title', 'status', 'due_at']).where('deal_id', '=', dealId).orderBy('due_at').execute()).map((r) => r.status);

  it('turns stage entry into T+1/T+3/T+5 working-day tasks across the National Day holiday, at 10:00 Shanghai, with guidance', async () => {
    await setup(sh('2026-09-29T15:20:00'));
    const deal = await newDeal();
    expect(await drain()).toBeGreaterThan(0);
    const [run] = await runs(deal.id);
    expect(run).toMatchObject({ cadence: { key: 'golden-seven-days' }, stageKey: 'qualify', status: 'active', startedBy: 'stage:qualify' });
    // Tue 9-29 → 9-30; Oct 1–7 off; 10-08, 10-09 → T+3; Sat 10-10 is a make-up working day, 10-12 → T+5.
    expect(run.steps.map((s: { key: string; dueAt: string }) => [s.key, s.dueAt])).toEqual([
      ['materials_pack', sh('2026-09-30T10:00:00')],
      ['second_touch', sh('2026-10-09T10:00:00')],
      ['book_demo', sh('2026-10-12T10:00:00')],
    ]);
    const tasks = await t.db.selectFrom('tasks').selectAll().where('deal_id', '=', deal.id).orderBy('due_at').execute();
    expect(tasks.map((x) => [x.title, x.due_at, x.assignee_id, x.status])).toEqual([
      ['发送资料包（技术参数 + 成功案例）', sh('2026-09-30T10:00:00'), t.org.users.sellerA.id, 'open'],
      ['二次触达：发送行业应用视频并解读痛点', sh('2026-10-09T10:00:00'), t.org.users.sellerA.id, 'open'],
      ['预约线上演示（提供两个时间段）', sh('2026-10-12T10:00:00'), t.org.users.sellerA.id, 'open'],
    ]);
    // Seller home: open steps with the talk script and the deliverable.
    const home = (await seller({ method: 'GET', url: '/api/cadences/steps' })).json();
    expect(home.items[0]).toMatchObject({ taskId: tasks[0].id, action: 'send_materials', deliverable: { attachments: { kind: 'materials_pack', min: 3 } } });
    expect(home.items[0].template).toContain('三份资料');
    expect(home.items[0].templateEn).toContain('three documents');
    // Consumed once: a second pass starts nothing more.
    expect(await drain()).toBe(0);
    expect(await taskStatuses(deal.id)).toHaveLength(3);
  });

  it('counts working days over a weekend from a Friday-evening start via the API', async () => {
    await setup(sh('2026-11-06T18:30:00'));
    const deal = await newDeal({ stageKey: 'propose' });
    const res = await seller({ method: 'POST', url: `/api/deals/${deal.id}/cadences`, payload: { cadence: 'golden-seven-days' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().steps.map((s: { dueAt: string }) => s.dueAt)).toEqual([sh('2026-11-09T10:00:00'), sh('2026-11-11T10:00:00'), sh('2026-11-13T10:00:00')]);
    const again = await seller({ method: 'POST', url: `/api/deals/${deal.id}/cadences`, payload: { cadence: 'golden-seven-days' } });
    expect(again.statusCode).toBe(409);
    const unknown = await seller({ method: 'POST', url: `/api/deals/${deal.id}/cadences`, payload: { cadence: 'no-such' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].field).toBe('cadence');
    const bad = await seller({ method: 'POST', url: `/api/deals/${deal.id}/cadences`, payload: { cadence: 'Bad Key' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('cadence');
    // Another seller's deal is out of scope: 404.
    const other = await as('seller_b')({ method: 'POST', url: `/api/deals/${deal.id}/cadences`, payload: { cadence: 'golden-seven-days' } });
    expect(other.statusCode).toBe(404);
  });

  it('counts back T-7 / T-3 from the trial end date field, and refuses while the date is empty', async () => {
    await setup(sh('2026-12-01T09:00:00'));
    const field = await admin({ method: 'POST', url: '/api/custom-fields', payload: { entity: 'deal', key: 'trial_end', label: '试用结束日', type: 'date' } });
    expect(field.statusCode, field.body).toBe(201);
    const empty = await newDeal({ stageKey: 'propose' });
    const refused = await seller({ method: 'POST', url: `/api/deals/${empty.id}/cadences`, payload: { cadence: 'trial-30-day' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].field).toBe('custom.trial_end');
    const deal = await newDeal({ stageKey: 'propose', custom: { trial_end: '2026-12-20' } });
    const res = await seller({ method: 'POST', url: `/api/deals/${deal.id}/cadences`, payload: { cadence: 'trial-30-day' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().steps.map((s: { key: string; dueAt: string; status: string }) => [s.key, s.dueAt, s.status])).toEqual([
      ['qa_booking', sh('2026-12-13T10:00:00'), 'open'],
      ['case_video', sh('2026-12-17T10:00:00'), 'open'],
    ]);
    // Started with only 5 days left: the T-7 moment has passed, so that step is skipped rather than born overdue.
    const late = await newDeal({ stageKey: 'propose', custom: { trial_end: '2026-12-06' } });
    const lateRun = (await seller({ method: 'POST', url: `/api/deals/${late.id}/cadences`, payload: { cadence: 'trial-30-day' } })).json();
    expect(lateRun.steps.map((s: { status: string; taskId: string | null }) => [s.status, s.taskId === null])).toEqual([
      ['skipped', true],
      ['open', false],
    ]);
  });

  it('stops when the deal leaves the stage, is won, or the customer opts out: open step tasks are cancelled', async () => {
    await setup(sh('2026-11-02T09:00:00'));
    const left = await newDeal();
    const won = await newDeal();
    const optedOut = await newDeal();
    await drain();
    // Complete one step first: done tasks stay done when the cadence stops.
    const firstTask = (await runs(left.id))[0].steps[0].taskId;
    await t.db.insertInto('attachments').values([1, 2, 3].map((i) => ({ id: newId(), entity: 'deal', entity_id: left.id, kind: 'materials_pack', filename: `f${i}.pdf`, mime: 'application/pdf', size: 10, sha256: `h${i}`, uploaded_by: t.org.users.sellerA.id, created_at: t.clock.now().toISOString() }))).execute();
    expect((await seller({ method: 'PATCH', url: `/api/tasks/${firstTask}`, payload: { status: 'done' } })).statusCode).toBe(200);

    expect((await seller({ method: 'POST', url: `/api/deals/${left.id}/move`, payload: { toStage: 'propose' } })).statusCode).toBe(200);
    expect((await seller({ method: 'POST', url: `/api/deals/${won.id}/move`, payload: { toStage: 'won', skipReason: '客户直接签约' } })).statusCode).toBe(200);
    const out = await seller({ method: 'POST', url: `/api/customers/${optedOut.customerId}/opt-out`, payload: { reason: '客户要求不再联系' } });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ optOut: true, stoppedRuns: 1, cancelledTasks: 3 });
    await drain();

    expect((await runs(left.id))[0]).toMatchObject({ status: 'stopped', stopReason: 'stage_left' });
    expect(await taskStatuses(left.id)).toEqual(['done', 'cancelled', 'cancelled']);
    expect((await runs(won.id))[0]).toMatchObject({ status: 'stopped', stopReason: 'won' });
    expect(await taskStatuses(won.id)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect((await runs(optedOut.id))[0]).toMatchObject({ status: 'stopped', stopReason: 'opted_out' });
    expect(await taskStatuses(optedOut.id)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    // The SLA engine sees task.updated for each cancellation (its timers stop from there).
    const cancelEvents = await t.db.selectFrom('events').select('entity_id').where('type', '=', 'task.updated').execute();
    expect(cancelEvents).toHaveLength(8);
    // Opted out: new cadences are refused until the opt-out is withdrawn.
    const refused = await seller({ method: 'POST', url: `/api/deals/${optedOut.id}/cadences`, payload: { cadence: 'fmcg-first-touch-24h' } });
    expect(refused.statusCode).toBe(422);
    expect((await seller({ method: 'DELETE', url: `/api/customers/${optedOut.customerId}/opt-out` })).json()).toEqual({ customerId: optedOut.customerId, optOut: false });
    expect((await seller({ method: 'POST', url: `/api/deals/${optedOut.id}/cadences`, payload: { cadence: 'fmcg-first-touch-24h' } })).statusCode).toBe(201);
    // Moving back into qualify (a day later) starts a fresh run for the new visit.
    t.clock.set(sh('2026-11-03T09:00:00'));
    expect((await seller({ method: 'POST', url: `/api/deals/${left.id}/move`, payload: { toStage: 'qualify' } })).statusCode).toBe(200);
    await drain();
    expect((await runs(left.id)).map((r: { status: string }) => r.status)).toEqual(['active', 'stopped']);
  });

  it('refuses to complete a step without its deliverable (422 with the unmet list) and completes it with one', async () => {
    await setup(sh('2026-11-02T09:00:00'));
    const deal = await newDeal();
    await drain();
    const [materials, touch, demo] = (await runs(deal.id))[0].steps.map((s: { taskId: string }) => s.taskId);

    const noFiles = await seller({ method: 'PATCH', url: `/api/tasks/${materials}`, payload: { status: 'done' } });
    expect(noFiles.statusCode).toBe(422);
    expect(noFiles.json().error).toMatchObject({ code: 'DELIVERABLE_MISSING', step: { key: 'materials_pack', cadence: 'golden-seven-days' } });
    expect(noFiles.json().error.unmet).toEqual([expect.objectContaining({ code: 'ATTACHMENTS_REQUIRED', label: '定制化资料', requirement: expect.objectContaining({ min: 3, have: 0 }) })]);
    expect(noFiles.json().error.unmet[0].hint).toContain('3');

    const noNote = await seller({ method: 'PATCH', url: `/api/tasks/${touch}`, payload: { status: 'done', deliverable: { note: '  ' } } });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.unmet.map((u: { code: string }) => u.code)).toEqual(['NOTE_REQUIRED']);
    const withNote = await seller({ method: 'PATCH', url: `/api/tasks/${touch}`, payload: { status: 'done', deliverable: { note: '换型停机 40 分钟是最大痛点' } } });
    expect(withNote.statusCode, withNote.body).toBe(200);
    expect(withNote.json().status).toBe('done');

    const oneSlot = await seller({ method: 'PATCH', url: `/api/tasks/${demo}`, payload: { status: 'done', deliverable: { timeSlots: [sh('2026-11-11T10:00:00'), sh('2026-11-11T10:00:00')] } } });
    expect(oneSlot.statusCode).toBe(422);
    expect(oneSlot.json().error.unmet[0]).toMatchObject({ code: 'TIME_SLOTS_REQUIRED', requirement: { min: 2, have: 1 } });
    const badSlot = await seller({ method: 'PATCH', url: `/api/tasks/${demo}`, payload: { status: 'done', deliverable: { timeSlots: ['tomorrow'] } } });
    expect(badSlot.statusCode).toBe(400);
    expect(badSlot.json().error.fields[0].field).toBe('deliverable.timeSlots.0');
    const twoSlots = await seller({ method: 'PATCH', url: `/api/tasks/${demo}`, payload: { status: 'done', deliverable: { timeSlots: [sh('2026-11-11T10:00:00'), sh('2026-11-12T15:00:00')] } } });
    expect(twoSlots.statusCode, twoSlots.body).toBe(200);

    // Files uploaded before the task existed do not count; three new ones do.
    await t.db.insertInto('attachments').values([1, 2, 3].map((i) => ({ id: newId(), entity: 'deal', entity_id: deal.id, kind: 'materials_pack', filename: `f${i}.pdf`, mime: 'application/pdf', size: 10, sha256: `h${i}`, uploaded_by: t.org.users.sellerA.id, created_at: t.clock.now().toISOString() }))).execute();
    const done = await seller({ method: 'PATCH', url: `/api/tasks/${materials}`, payload: { status: 'done' } });
    expect(done.statusCode, done.body).toBe(200);
    await drain();
    const [run] = await runs(deal.id);
    expect(run.status).toBe('completed');
    expect(run.steps.map((s: { status: string }) => s.status)).toEqual(['done', 'done', 'done']);
    expect(run.steps[2].deliverableGiven.timeSlots).toHaveLength(2);
    // Plain tasks are untouched by the check.
    const plain = (await seller({ method: 'POST', url: '/api/tasks', payload: { title: '回电话' } })).json();
    expect((await seller({ method: 'PATCH', url: `/api/tasks/${plain.id}`, payload: { status: 'done' } })).statusCode).toBe(200);
  });

  it('reports the on-time completion rate per seller and per cadence', async () => {
    await setup(sh('2026-11-02T09:00:00'));
    const a = await newDeal();
    const b = await newDeal();
    await drain();
    const [aSteps, bSteps] = [(await runs(a.id))[0].steps, (await runs(b.id))[0].steps];
    // a.second_touch on time (before 11-05 10:00), b.second_touch late (11-05 11:00), the rest left open.
    t.clock.set(sh('2026-11-05T09:00:00'));
    expect((await seller({ method: 'PATCH', url: `/api/tasks/${aSteps[1].taskId}`, payload: { status: 'done', deliverable: { note: '痛点：能耗' } } })).statusCode).toBe(200);
    t.clock.set(sh('2026-11-05T11:00:00'));
    expect((await seller({ method: 'PATCH', url: `/api/tasks/${bSteps[1].taskId}`, payload: { status: 'done', deliverable: { note: '痛点：维护' } } })).statusCode).toBe(200);
    t.clock.set(sh('2026-11-10T12:00:00'));
    const url = `/api/cadences/stats?from=${encodeURIComponent(sh('2026-11-01T00:00:00'))}&to=${encodeURIComponent(sh('2026-11-30T00:00:00'))}`;
    const stats = (await seller({ method: 'GET', url })).json();
    // Due by now: 2× materials (11-03), 2× second touch (11-05), 2× demo (11-09) = 6; on time: 1.
    expect(stats.overall).toEqual({ due: 6, onTime: 1, rate: 0.1667 });
    expect(stats.bySeller).toEqual([{ userId: t.org.users.sellerA.id, name: 'seller_a', due: 6, onTime: 1, rate: 0.1667 }]);
    expect(stats.byCadence).toEqual([expect.objectContaining({ cadence: 'golden-seven-days', name: '黄金七日跟进法', due: 6, onTime: 1 })]);
    // Another seller's scope sees nothing of sellerA's steps.
    expect((await as('seller_b')({ method: 'GET', url })).json().overall).toEqual({ due: 0, onTime: 0, rate: null });
    const bad = await seller({ method: 'GET', url: '/api/cadences/stats?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['from', 'to']);
  });

  it('starts a cadence from a rule action', async () => {
    await setup(sh('2026-11-02T09:00:00'));
    const rule = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: { key: 'trial_push', name: '进入方案阶段启动快消首触', trigger: { type: 'deal.stage_changed', to: 'propose' }, actions: [{ type: 'start_cadence', config: { cadence: 'fmcg-first-touch-24h' } }] },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const badRule = await admin({ method: 'POST', url: '/api/rules', payload: { key: 'bad', name: 'x', trigger: { type: 'deal.stage_changed' }, actions: [{ type: 'start_cadence', config: { cadence: 'Not A Key' } }] } });
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().error.fields[0].field).toBe('actions.0.config.cadence');
    const deal = await newDeal();
    await seller({ method: 'POST', url: `/api/deals/${deal.id}/move`, payload: { toStage: 'propose' } });
    const { processRuleEvents } = await import('../../server/modules/rules/engine.js');
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    const list = await runs(deal.id);
    const fmcg = list.find((r: { cadence: { key: string } }) => r.cadence.key === 'fmcg-first-touch-24h');
    expect(fmcg).toMatchObject({ status: 'active', stageKey: 'propose', startedBy: expect.stringMatching(/^rule:/) });
    // T+1 calendar day at the start time (no `at` on the step).
    expect(fmcg.steps[0].dueAt).toBe(sh('2026-11-03T09:00:00'));
  });
});

describe('cadence definitions', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  it('lists the shipped cadences, validates YAML with line numbers, imports, exports and round-trips; admin only', async () => {
    t = await setupTestApp();
    const admin = await t.as('admin');
    const seller = await t.as('seller_a');
    const list = (await seller({ method: 'GET', url: '/api/cadences' })).json();
    expect(list.items.map((c: { key: string }) => c.key)).toEqual(['fmcg-first-touch-24h', 'golden-seven-days', 'trial-30-day']);
    expect(list.items.find((c: { key: string }) => c.key === 'golden-seven-days').steps.map((s: { offset: string }) => s.offset)).toEqual(['T+1', 'T+3', 'T+5']);

    const broken = 'key: first-call\nname: 首呼\nsteps:\n  - key: call\n    offset: T+x\n    action: call\n    title: 打电话\n  - key: call\n    offset: T-2\n    action: fly\n    title: 飞过去\n';
    const validated = (await seller({ method: 'POST', url: '/api/cadences/validate', payload: { yaml: broken } })).json();
    expect(validated.ok).toBe(false);
    expect(validated.errors.map((e: { line: number; path: string }) => [e.line, e.path])).toEqual([
      [5, 'steps[0].offset'],
      [10, 'steps[1].action'],
    ]);
    // Cross-step checks once each step is well-formed: a duplicate key, and T- with no date to count back from.
    const crossed = broken.replace('T+x', 'T+1').replace('fly', 'visit');
    const second = (await seller({ method: 'POST', url: '/api/cadences/validate', payload: crossed, headers: { 'content-type': 'text/yaml' } })).json();
    expect(second.errors.map((e: { line: number; path: string }) => [e.line, e.path])).toEqual([
      [8, 'steps[1].key'],
      [9, 'steps[1].offset'],
    ]);
    // Every definition check has a catalogue code: the Chinese reader gets Chinese (tests/api/definition-errors.test.ts).
    expect(second.errors[1]).toMatchObject({ code: 'offset_needs_field_anchor' });
    expect(second.errors[1].message).toMatch(/^T-<天数> 从某个日期往前倒推/);
    const refused = await admin({ method: 'POST', url: '/api/cadences/import', payload: broken, headers: { 'content-type': 'text/yaml' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'YAML_INVALID', errors: expect.arrayContaining([expect.objectContaining({ line: 5 })]) });

    const good = 'key: first-call\nname: 首呼\nsteps:\n  - key: call\n    offset: T+0\n    at: "16:00"\n    action: call\n    title: 当天回电\n    deliverable: { note_required: true }\n';
    expect((await seller({ method: 'POST', url: '/api/cadences/import', payload: good, headers: { 'content-type': 'text/yaml' } })).statusCode).toBe(403);
    const created = await admin({ method: 'POST', url: '/api/cadences/import', payload: good, headers: { 'content-type': 'text/yaml' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ key: 'first-call', version: 1 });
    const exported = await seller({ method: 'GET', url: '/api/cadences/first-call/export' });
    expect(exported.headers['content-type']).toContain('text/yaml');
    const again = await admin({ method: 'POST', url: '/api/cadences/import', payload: exported.body, headers: { 'content-type': 'text/yaml' } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: 2, definition: created.json().definition });

    // JSON editor path: field-named 400s.
    const bad = await admin({ method: 'POST', url: '/api/cadences', payload: { key: 'x', name: '', anchor: { kind: 'field', field: 'phone' }, steps: [{ key: 's', offset: 'T+1', action: 'call', title: 't', at: '25:00' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['anchor.field', 'name', 'steps.0.at']);
    expect((await seller({ method: 'GET', url: '/api/cadences/nope' })).statusCode).toBe(404);
    expect((await seller({ method: 'GET', url: '/api/cadences/trial-30-day' })).json().definition.anchor).toEqual({ kind: 'field', field: 'custom.trial_end' });
  });
});
