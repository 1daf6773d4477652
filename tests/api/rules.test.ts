import { systemActor } from '../../server/core/policy.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { loadWorkCalendar } from '../../server/modules/calendar/settings.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { listRuleRuns, type presentRun } from '../../server/modules/rules/service.js';
import type { Queryable } from '../../server/db/index.js';
import { AbandonRun, processRuleEvents, runScheduledRules, type EngineDeps } from '../../server/modules/rules/engine.js';
import { definitionOf } from '../../server/modules/rules/repo.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const SYSTEM = systemActor('cli');

const pipelineYaml = `key: rules_demo
name: 规则演示
stages:
  - { key: qualify, name: 资格确认, probability: 10 }
  - { key: quote, name: 报价, probability: 50 }
  - { key: contract, name: 合同, probability: 80 }
  - { key: won, name: 成交, probability: 100, terminal: won }
`;

const bigDealRule = {
  key: 'big_deal_quote',
  name: '大单报价提醒总监',
  nameEn: 'Big deal at quote → director',
  trigger: { type: 'deal.stage_changed', pipeline: 'rules_demo', to: 'quote' },
  conditions: { '>=': [{ var: 'record.amountFen' }, 5_000_000] },
  actions: [{ type: 'notify', config: { recipients: ['owner.director'], title: '大单进入报价：{{record.title}} {{record.amountFen | yuan}}', body: '负责人 {{record.owner.displayName}}' } }],
};


/** A run as the API presents it, typed down to the parts of its input and outcome these tests read. */
type RunView = Omit<ReturnType<typeof presentRun>, 'input' | 'outcome'> & {
  input: { record: { id: string }; before?: Record<string, unknown>; event?: Record<string, unknown> };
  outcome: { actions: Array<Record<string, unknown>>; reason?: string; matched?: boolean };
};

describe('automation rules', () => {
  let t: TestContext;
  let admin: Requester, sellerA: Requester, director: Requester;
  let deps: EngineDeps;
  let customerA: string;

  const drain = () => processRuleEvents(deps);
  const later = () => t.clock.advance(60_000);
  const notificationsOf = (userId: string) => t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  const createRule = async (body: Record<string, unknown>) => {
    const res = await admin({ method: 'POST', url: '/api/rules', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; key: string; version: number };
  };
  const runsOf = async (ruleId: string) => (await admin({ method: 'GET', url: `/api/rules/${ruleId}/runs` })).json().items as RunView[];
  const createDeal = async (title: string, amountFen: number) => {
    const res = await sellerA({ method: 'POST', url: '/api/deals', payload: { title, customerId: customerA, pipelineId: 'rules_demo', amountFen } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const move = async (id: string, toStageKey: string) => {
    const res = await sellerA({ method: 'POST', url: `/api/deals/${id}/move`, payload: { toStage: toStageKey } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const fieldsOf = (res: { json(): { error: { fields?: Array<{ field: string }> } } }) => (res.json().error.fields ?? []).map((f: { field: string }) => f.field);

  beforeAll(async () => {
    t = await setupTestApp();
    deps = { db: t.db, clock: t.clock, config: t.config };
    await importPipelineYaml(t.db, t.clock, SYSTEM, pipelineYaml);
    const owner = await t.db.selectFrom('users').select('team_path').where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    customerA = newId();
    const now = t.clock.now().toISOString();
    await t.db
      .insertInto('customers')
      .values({ id: customerA, kind: 'company', name: '瑞金医院', phone: null, phone_normalized: null, region: '华东', industry: '医疗', source: null, level: null, credit_code: null, owner_id: t.org.users.sellerA.id, team_path: owner.team_path, custom: '{}', created_at: now, updated_at: now, deleted_at: null })
      .execute();
    [admin, sellerA, director] = await Promise.all(['admin', 'seller_a', 'director'].map((u) => t.as(u)));
  });
  afterAll(async () => t?.close());

  it('refuses bad rules with 400 naming each field, and non-admin writes with 403', async () => {
    // A bad cron and bad conditions in both attempts; the actions differ.
    const badBase = { key: 'bad_rule', name: '坏规则', trigger: { type: 'schedule', cron: '0 25 * * *' }, conditions: { and: [{ log: 'x' }, { '>': [{ var: 'amountFen' }, 1] }] } };
    const bad = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: {
        ...badBase,
        actions: [
          { type: 'notify', config: { recipients: ['role:director'], title: '{{record.title | shout}}' } },
          { type: 'notify', config: { recipients: ['role:director'] } },
          { type: 'set_field', config: { field: 'amountFen', value: 1 } },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['actions.1.config.title']));
    // Cross-field checks run once the shapes are right.
    const cross = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: {
        ...badBase,
        actions: [
          { type: 'notify', config: { recipients: ['role:director', 'owner'], title: '{{record.title | shout}}' } },
          { type: 'set_field', config: { field: 'amountFen', value: 1 } },
        ],
      },
    });
    expect(cross.statusCode).toBe(400);
    expect(fieldsOf(cross)).toEqual(
      expect.arrayContaining(['trigger.cron', 'conditions.and.0.log', 'conditions.and.1.>.0.var', 'actions.0.config.title', 'actions.0.config.recipients.1', 'actions.1.type']),
    );
    const unknownType = await admin({ method: 'POST', url: '/api/rules', payload: { ...bigDealRule, key: 'x1', actions: [{ type: 'sms_blast', config: {} }] } });
    expect(unknownType.statusCode).toBe(400);
    expect(fieldsOf(unknownType)).toContain('actions.0.type');
    const setField = await admin({ method: 'POST', url: '/api/rules', payload: { ...bigDealRule, key: 'x2', actions: [{ type: 'set_field', config: { field: 'stageKey', value: 'won' } }] } });
    expect(fieldsOf(setField)).toEqual(['actions.0.config.field']);
    const refs = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: { ...bigDealRule, key: 'x3', trigger: { type: 'deal.stage_changed', pipeline: 'rules_demo', to: 'quotation' }, actions: [{ type: 'notify', config: { recipients: ['user:nobody'], title: 'x' } }] },
    });
    expect(refs.statusCode).toBe(400);
    expect(fieldsOf(refs)).toEqual(['actions.0.config.recipients.0', 'trigger.to']);
    expect((await sellerA({ method: 'POST', url: '/api/rules', payload: bigDealRule })).statusCode).toBe(403);
    expect(await t.db.selectFrom('rules').selectAll().where('key', 'not like', 'health%').execute()).toHaveLength(0);
  });

  it('a stage-change rule with a condition notifies the director for matching deals only, and logs each run', async () => {
    const rule = await createRule(bigDealRule);
    const big = await createDeal('瑞金医院 CT 采购', 8_000_000);
    const small = await createDeal('瑞金医院 耗材', 2_000_000);
    await move(big, 'quote');
    await move(small, 'quote');
    await drain();
    await move(big, 'contract'); // another stage: the trigger's `to` filter ignores it
    await drain();

    const inbox = await notificationsOf(t.org.users.director.id);
    expect(inbox.map((n) => n.title)).toEqual(['大单进入报价：瑞金医院 CT 采购 ¥80,000.00']);
    expect(inbox[0]).toMatchObject({ body: '负责人 seller_a', link: `/deals/${big}`, subject_id: big });
    const apiInbox = await director({ method: 'GET', url: '/api/notifications' });
    expect(apiInbox.json().unread).toBe(1);

    const runs = await runsOf(rule.id);
    expect(runs).toHaveLength(2);
    const byDeal = Object.fromEntries(runs.map((r) => [r.input.record.id, r]));
    expect(byDeal[big]).toMatchObject({ status: 'succeeded', input: { record: { amountFen: 8_000_000, stageKey: 'quote' }, before: { stageKey: 'qualify' }, actor: { username: 'seller_a' } } });
    expect(byDeal[big].outcome.actions[0]).toMatchObject({ type: 'notify', recipients: [t.org.users.director.id], created: 1 });
    expect(byDeal[small]).toMatchObject({ status: 'skipped', outcome: { matched: false }, error: null });
    expect(typeof byDeal[big].durationMs).toBe('number');
    // Each (rule, event) runs once: draining again does nothing.
    expect(await drain()).toBe(0);
    expect(await notificationsOf(t.org.users.director.id)).toHaveLength(1);
  });

  it('a throwing rule is logged with its error, its partial writes roll back, and other rules still run', async () => {
    later();
    await drain();
    const broken = await createRule({
      key: 'broken',
      name: '出错的规则',
      trigger: { type: 'deal.stage_changed', to: 'contract' },
      actions: [
        { type: 'create_task', config: { title: '不应留下的任务 {{record.title}}', assignee: 'owner' } },
        { type: 'set_field', config: { field: 'amountFen', value: '{{record.title}}' } },
      ],
    });
    const healthy = await createRule({
      key: 'contract_task',
      name: '合同阶段建任务',
      trigger: { type: 'deal.stage_changed', to: 'contract' },
      actions: [{ type: 'create_task', config: { title: '准备合同：{{record.title}}', assignee: 'owner.lead', due: { workingDays: 2 } } }],
    });
    later();
    const deal = await createDeal('华山医院 MRI', 3_000_000);
    await move(deal, 'quote');
    await move(deal, 'contract');
    await drain();

    const [brokenRun] = await runsOf(broken.id);
    expect(brokenRun).toMatchObject({ status: 'failed', outcome: { matched: true, failedAction: 1, rolledBack: true } });
    expect(brokenRun.error).toMatch(/amountFen/);
    const tasks = await t.db.selectFrom('tasks').selectAll().where('deal_id', '=', deal).execute();
    expect(tasks.map((x) => x.title)).toEqual(['准备合同：华山医院 MRI']);
    expect(tasks[0].assignee_id).toBe(t.org.users.leadEast1.id);
    const calendar = await loadWorkCalendar(t.db, t.config.timeZone);
    expect(tasks[0].due_at).toBe(calendar.addWorkingDays(t.clock.now(), 2).toISOString());
    expect((await runsOf(healthy.id))[0]).toMatchObject({ status: 'succeeded' });
    const stored = await t.db.selectFrom('deals').select(['stage_key', 'amount_fen']).where('id', '=', deal).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ stage_key: 'contract', amount_fen: 3_000_000 });
    // The task the rule created is an event for other consumers, marked as caused by the rule.
    const created = await t.db.selectFrom('events').selectAll().where('type', '=', 'task.created').where('entity_id', '=', tasks[0].id).executeTakeFirstOrThrow();
    expect(JSON.parse(created.payload).source).toEqual({ ruleId: healthy.id, depth: 1 });
    for (const id of [broken.id, healthy.id]) expect((await admin({ method: 'PATCH', url: `/api/rules/${id}`, payload: { enabled: false } })).json().enabled).toBe(false);
  });

  it('a database error inside one rule rolls back to its savepoint; the event and the other rules still commit', async () => {
    later();
    await drain();
    const first = await createRule({ key: 'sql_fails', name: 'SQL 出错', trigger: { type: 'record.created', entity: 'deal' }, actions: [{ type: 'create_task', config: { title: 'A {{record.title}}' } }] });
    const second = await createRule({ key: 'sql_ok', name: '正常', trigger: { type: 'record.created', entity: 'deal' }, actions: [{ type: 'create_task', config: { title: 'B {{record.title}}' } }] });
    later();
    const deal = await createDeal('长海医院 PET', 9_000_000);
    // On PostgreSQL a failed statement aborts the transaction unless rolled back to the savepoint.
    const failing = { afterAction: async ({ ruleKey, db }: { ruleKey: string; db: Queryable }) => { if (ruleKey === 'sql_fails') await sql`select * from no_such_table`.execute(db); } };
    expect(await processRuleEvents(deps, failing)).toBeGreaterThan(0);
    const titles = (await t.db.selectFrom('tasks').select('title').where('deal_id', '=', deal).execute()).map((r) => r.title);
    expect(titles).toEqual(['B 长海医院 PET']);
    expect((await runsOf(first.id))[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/no_such_table/) });
    expect((await runsOf(second.id))[0]).toMatchObject({ status: 'succeeded' });
    for (const id of [first.id, second.id]) await admin({ method: 'DELETE', url: `/api/rules/${id}` });
  });

  it('a crash mid-run leaves nothing behind, and the resumed run acts exactly once', async () => {
    later();
    await drain();
    const rule = await createRule({
      key: 'won_followup',
      name: '成交后回访',
      trigger: { type: 'deal.stage_changed', to: 'won' },
      actions: [
        { type: 'create_followup', config: { title: '回访 {{record.title}}', assignee: 'user:seller_a2', due: { hours: 24 } } },
        { type: 'notify', config: { recipients: ['owner'], title: '已安排回访：{{record.title}}' } },
        { type: 'webhook', config: { url: 'http://127.0.0.1:9/hook', secret: 'whsec-0123456789' } },
      ],
    });
    later();
    const deal = await createDeal('中山医院 超声', 1_000_000);
    for (const stage of ['quote', 'contract', 'won']) await move(deal, stage);
    const crash = { afterAction: ({ index }: { index: number }) => { if (index === 0) throw new AbandonRun('simulated crash'); } };
    await expect(processRuleEvents(deps, crash)).rejects.toThrow(AbandonRun);
    expect(await t.db.selectFrom('tasks').selectAll().where('deal_id', '=', deal).execute()).toHaveLength(0);
    expect(await t.db.selectFrom('rule_runs').selectAll().where('rule_id', '=', rule.id).execute()).toHaveLength(0);

    await drain();
    await drain();
    const tasks = await t.db.selectFrom('tasks').selectAll().where('deal_id', '=', deal).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: '回访 中山医院 超声', assignee_id: t.org.users.sellerA2.id, due_at: new Date(t.clock.now().getTime() + 24 * 3600_000).toISOString() });
    expect((await notificationsOf(t.org.users.sellerA.id)).filter((n) => n.title === '已安排回访：中山医院 超声')).toHaveLength(1);
    const hooks = await t.db.selectFrom('outbox').selectAll().where('kind', '=', 'webhook').execute();
    expect(hooks).toHaveLength(1);
    expect(JSON.parse(hooks[0].payload)).toMatchObject({ url: 'http://127.0.0.1:9/hook', event: 'deal.stage_changed', signature: expect.stringMatching(/^sha256=[0-9a-f]{64}$/) });
    expect(await runsOf(rule.id)).toHaveLength(1);
    // The API never shows the secret.
    expect((await admin({ method: 'GET', url: `/api/rules/${rule.id}` })).json().actions[2].config.secret).toBe('********');
  });

  it('a rule does not retrigger itself through the change it made', async () => {
    later();
    await drain();
    const rule = await createRule({
      key: 'tag_reviewed',
      name: '标题加审核标记',
      trigger: { type: 'record.updated', entity: 'deal' },
      conditions: { '!': { in: ['(已审)', { var: 'record.title' }] } },
      actions: [{ type: 'set_field', config: { field: 'title', value: '{{record.title}}(已审)' } }],
    });
    later();
    const deal = await createDeal('仁济医院 DR', 500_000);
    expect((await sellerA({ method: 'PATCH', url: `/api/deals/${deal}`, payload: { amountFen: 600_000 } })).statusCode).toBe(200);
    await drain();
    await drain();
    const row = await t.db.selectFrom('deals').select('title').where('id', '=', deal).executeTakeFirstOrThrow();
    expect(row.title).toBe('仁济医院 DR(已审)');
    const runs = await runsOf(rule.id);
    expect(runs.map((r) => r.status).sort()).toEqual(['skipped', 'succeeded']);
    expect(runs.find((r) => r.status === 'skipped')!.outcome).toMatchObject({ reason: 'loop' });
    expect(runs.find((r) => r.status === 'succeeded')!.input.before).toMatchObject({ amountFen: 500_000 });
    await admin({ method: 'DELETE', url: `/api/rules/${rule.id}` });
  });

  it('exports YAML that imports back unchanged, and reports YAML errors with line numbers', async () => {
    const rule = (await admin({ method: 'GET', url: '/api/rules/won_followup' })).json();
    const exported = await admin({ method: 'GET', url: `/api/rules/${rule.id}/export` });
    expect(exported.headers['content-type']).toMatch(/yaml/);
    expect(exported.body).toContain('secret: "********"');
    const again = await admin({ method: 'POST', url: '/api/rules/import', headers: { 'content-type': 'text/yaml' }, payload: exported.body });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: rule.id, version: rule.version, created: false });
    const copy = await admin({ method: 'POST', url: '/api/rules/import', headers: { 'content-type': 'text/yaml' }, payload: exported.body.replace('key: won_followup', 'key: won_followup_copy') });
    expect(copy.statusCode, copy.body).toBe(400);
    expect(fieldsOf(copy)).toEqual(['actions.2.config.secret']); // a new rule cannot inherit a masked secret
    const withSecret = exported.body.replace('key: won_followup', 'key: won_followup_copy').replace('"********"', 'another-secret-123');
    const created = await admin({ method: 'POST', url: '/api/rules/import', payload: { yaml: withSecret } });
    expect(created.statusCode, created.body).toBe(201);
    const { id: _a, key: _b, createdAt: _c, updatedAt: _d, created: _e, ...copied } = created.json();
    const { id: _f, key: _g, createdAt: _h, updatedAt: _i, ...original } = rule;
    expect(copied).toEqual(original);
    // The round trip kept the stored secret (sealed at rest, tests/api/hardening-rule-secrets.test.ts).
    const stored = definitionOf(await t.db.selectFrom('rules').select(['id', 'definition']).where('key', '=', 'won_followup').executeTakeFirstOrThrow());
    expect(stored.actions[2].config).toMatchObject({ secret: 'whsec-0123456789' });

    const badYaml = ['key: bad_yaml', 'name: 坏', 'trigger:', '  type: deal.stage_changed', 'conditions:', '  and:', '    - { eval: "1" }', 'actions:', '  - type: notify', '    config:', '      recipients: [boss]', '      title: x', ''].join('\n');
    const bad = await admin({ method: 'POST', url: '/api/rules/import', headers: { 'content-type': 'text/yaml' }, payload: badYaml });
    expect(bad.statusCode).toBe(422);
    const errors = bad.json().error.errors as Array<{ line: number; path: string }>;
    expect(errors.map((e) => [e.line, e.path])).toEqual([[7, 'conditions.and[0].eval'], [11, 'actions[0].config.recipients[0]']]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'rule').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'delete']));
  });
  it('create_followup_deal opens a deal for the customer owned by another user, with history, audit and a rule-sourced event', async () => {
    later();
    await drain();
    const rule = await createRule({
      key: 'handoff_deal',
      name: '新商机转交续约与复核',
      trigger: { type: 'record.created', entity: 'deal' },
      actions: [
        { type: 'create_followup_deal', config: { pipeline: 'rules_demo', stage: 'quote', owner: 'user:seller_b', title: '续约：{{record.title}}', amountFen: 'copy' } },
        { type: 'create_followup_deal', config: { pipeline: 'rules_demo', owner: 'owner.lead', title: '复核：{{record.title}}', amountFen: 100 } },
      ],
    });
    later();
    const source = await createDeal('瑞金医院 续保', 4_200_000);
    await drain();
    await drain();

    const created = await t.db.selectFrom('deals').selectAll().where('customer_id', '=', customerA).where('title', 'in', ['续约：瑞金医院 续保', '复核：瑞金医院 续保']).orderBy('title').execute();
    expect(created).toHaveLength(2);
    const renewal = created.find((d) => d.title.startsWith('续约'))!;
    const review = created.find((d) => d.title.startsWith('复核'))!;
    const sellerBTeam = (await t.db.selectFrom('users').select('team_path').where('id', '=', t.org.users.sellerB.id).executeTakeFirstOrThrow()).team_path;
    expect(renewal).toMatchObject({ owner_id: t.org.users.sellerB.id, team_path: sellerBTeam, stage_key: 'quote', status: 'open', stage_entered_at: t.clock.now().toISOString() });
    expect(Number(renewal.amount_fen)).toBe(4_200_000);
    // No stage given: the pipeline's first stage; owner.lead of the source deal's owner.
    expect(review).toMatchObject({ owner_id: t.org.users.leadEast1.id, stage_key: 'qualify' });
    expect(Number(review.amount_fen)).toBe(100);

    const history = await t.db.selectFrom('deal_stage_history').selectAll().where('deal_id', '=', renewal.id).execute();
    expect(history).toEqual([expect.objectContaining({ stage_key: 'quote', direction: 'created', entered_by: null, left_at: null })]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'deal').where('entity_id', '=', renewal.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor_id: null });
    expect(JSON.parse(audit[0].after!)).toMatchObject({ owner_id: t.org.users.sellerB.id, source: { rule: 'handoff_deal' } });
    const event = await t.db.selectFrom('events').selectAll().where('type', '=', 'deal.created').where('entity_id', '=', renewal.id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({ ownerId: t.org.users.sellerB.id, customerId: customerA, stageKey: 'quote', source: { ruleId: rule.id, depth: 1 } });

    // The new owner sees the deal even though the customer belongs to another team's seller.
    const sellerB = await t.as('seller_b');
    const seen = await sellerB({ method: 'GET', url: `/api/deals/${renewal.id}` });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ title: '续约：瑞金医院 续保', stageKey: 'quote' });

    // The deals the rule created are deal.created events too; the loop guard keeps the rule from chaining on them.
    const runs = await runsOf(rule.id);
    expect(runs).toHaveLength(3);
    const ran = runs.filter((r) => r.status === 'succeeded');
    expect(ran).toHaveLength(1);
    expect(ran[0].input.record.id).toBe(source);
    expect(ran[0].outcome.actions[0]).toMatchObject({ type: 'create_followup_deal', deal: renewal.id, stage: 'quote', ownerId: t.org.users.sellerB.id });
    expect(runs.filter((r) => r.status === 'skipped').map((r) => r.outcome.reason)).toEqual(['loop', 'loop']);
    expect(await t.db.selectFrom('deals').select('id').where('title', 'like', '%续约：续约%').execute()).toHaveLength(0);
    await admin({ method: 'DELETE', url: `/api/rules/${rule.id}` });
  });

  it('create_followup_deal configs are validated on save: shapes, then pipeline, stage and owner references', async () => {
    const base = { key: 'bad_followup_deal', name: '坏规则', trigger: { type: 'record.created', entity: 'customer' } };
    const shape = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: { ...base, actions: [{ type: 'create_followup_deal', config: { pipeline: 'Rules Demo', owner: 'boss', title: '', amountFen: 'double', extra: 1 } }] },
    });
    expect(shape.statusCode).toBe(400);
    expect(fieldsOf(shape)).toEqual(expect.arrayContaining(['actions.0.config.pipeline', 'actions.0.config.owner', 'actions.0.config.title', 'actions.0.config.amountFen']));
    const negative = await admin({ method: 'POST', url: '/api/rules', payload: { ...base, actions: [{ type: 'create_followup_deal', config: { pipeline: 'rules_demo', owner: 'owner', title: 'x', amountFen: -5 } }] } });
    expect(fieldsOf(negative)).toEqual(['actions.0.config.amountFen']);
    // Three bad references (pipeline + owner, closing stage, unknown stage); only the last action's title varies.
    const saveWithBadRefs = (lastTitle: string) =>
      admin({
        method: 'POST',
        url: '/api/rules',
        payload: {
          ...base,
          actions: [
            { type: 'create_followup_deal', config: { pipeline: 'no_such_pipeline', owner: 'user:nobody', title: 'x' } },
            { type: 'create_followup_deal', config: { pipeline: 'rules_demo', stage: 'won', owner: 'owner', title: 'x' } },
            { type: 'create_followup_deal', config: { pipeline: 'rules_demo', stage: 'proposal', owner: 'owner.lead', title: lastTitle } },
          ],
        },
      });
    const refs = await saveWithBadRefs('{{record.name | shout}}');
    expect(refs.statusCode).toBe(400);
    expect(fieldsOf(refs)).toEqual(['actions.2.config.title']);
    const refsOnly = await saveWithBadRefs('x');
    expect(refsOnly.statusCode).toBe(400);
    expect(fieldsOf(refsOnly)).toEqual(['actions.0.config.owner', 'actions.0.config.pipeline', 'actions.1.config.stage', 'actions.2.config.stage']);
    expect(refsOnly.json().error.fields[2]).toMatchObject({ code: 'closing_stage', message: expect.stringContaining('结束阶段') });
    const scheduled = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: { ...base, trigger: { type: 'schedule', cron: '0 9 * * 1' }, actions: [{ type: 'create_followup_deal', config: { pipeline: 'rules_demo', owner: 'role:director', title: 'x' } }] },
    });
    expect(fieldsOf(scheduled)).toEqual(['actions.0.type']);
    expect(await t.db.selectFrom('rules').select('id').where('key', '=', 'bad_followup_deal').execute()).toHaveLength(0);
  });

  it('a 18:00 Asia/Shanghai schedule runs once per day across two job instances, and a missed day runs once, late', async () => {
    await drain();
    const rule = await createRule({
      key: 'daily_digest',
      name: '每日 18:00 提醒',
      trigger: { type: 'schedule', cron: '0 18 * * *' },
      actions: [{ type: 'notify', config: { recipients: ['role:director'], title: '日报 {{event.scheduledFor}}' } }],
    });
    const both = async () => (await Promise.all([runScheduledRules(deps), runScheduledRules({ ...deps })])).reduce((a, b) => a + b, 0);
    t.clock.set('2026-11-02T09:59:59.000Z');
    expect(await both()).toBe(0);
    t.clock.set('2026-11-02T10:00:05.000Z');
    expect(await both()).toBe(1);
    expect(await both()).toBe(0);
    t.clock.set('2026-11-03T10:00:00.000Z');
    expect(await both()).toBe(1);
    // Down from the 3rd evening to noon on the 6th: the slots of the 4th and 5th were missed; only the latest runs,
    // once, late.
    t.clock.set('2026-11-06T04:00:00.000Z');
    expect(await both()).toBe(1);
    expect(await both()).toBe(0);
    // Sessions have expired across these days; read the log through the service the route uses.
    const runs = (await listRuleRuns(t.db, SYSTEM, rule.id, { page: 1, pageSize: 50 })).items as RunView[];
    expect(runs.map((r) => r.scheduledFor)).toEqual(['2026-11-05T10:00:00.000Z', '2026-11-03T10:00:00.000Z', '2026-11-02T10:00:00.000Z']);
    expect(runs[0]).toMatchObject({ status: 'succeeded', input: { event: { type: 'schedule', late: true } } });
    const digests = (await notificationsOf(t.org.users.director.id)).filter((n) => n.title.startsWith('日报'));
    expect(digests.map((n) => n.title)).toEqual(['日报 2026-11-02T10:00:00.000Z', '日报 2026-11-03T10:00:00.000Z', '日报 2026-11-05T10:00:00.000Z']);
  });

});
