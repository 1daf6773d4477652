import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { ManualClock } from '../../server/core/clock.js';
import { loadConfig } from '../../server/core/config.js';
import type { App } from '../../server/core/http.js';
import { AppError } from '../../server/core/errors.js';
import { DEMO_LOGINS, DEMO_PASSWORD, loadDemoData, resetDatabase, type DemoSummary } from '../../server/demo/index.js';
import { generateDemoRows } from '../../server/demo/generate.js';
import { Random } from '../../server/demo/random.js';
import { definitionOf } from '../../server/modules/pipelines/repo.js';
import { CREDIT_CODE } from '../../server/modules/customers/rules.js';
import { validateCustomValues, type CustomFieldType } from '../../server/modules/customfields/values.js';
import { openTestDatabase } from '../support/database.js';
import { composeModules } from '../../server/modules/index.js';

const NOW = '2026-11-02T02:00:00.000Z';
const DAY = 86_400_000;

describe('demo company (actionflow demo / first start)', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: App;
  let summary: DemoSummary;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    // As `actionflow demo` and `serve` do: the demo writes through the same modules and hooks as the app.
    composeModules();
    database = await openTestDatabase();
    summary = await loadDemoData(database.db, clock);
    const config = loadConfig({ ACTIONFLOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'actionflow-demo-')) });
    app = await buildApp({ database, clock, config, checkResponses: true });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const count = async (table: 'teams' | 'users' | 'customers' | 'contacts' | 'deals' | 'activities' | 'tasks' | 'pipelines' | 'deal_stage_history') =>
    Number((await database.db.selectFrom(table).select(database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('has the documented size: 3 regions, 24 users with 12 sellers, 300 customers, 500 deals, 5,000 activities, 5 pipelines', async () => {
    const regions = await database.db.selectFrom('teams').select('name').where('kind', '=', 'region').orderBy('name').execute();
    expect(regions.map((r) => r.name).sort()).toEqual(['华东大区', '华北大区', '华南大区'].sort());
    // 24 in the sales org, 5 in the collaboration departments (server/demo/workorders.ts).
    expect(await count('users')).toBe(29);
    const roles = await database.db.selectFrom('users').select(['role', database.db.fn.countAll().as('n')]).groupBy('role').execute();
    expect(Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]))).toEqual({
      admin: 1, director: 1, regional_manager: 3, lead: 6, seller: 12, support: 4, finance: 2,
    });
    expect(await count('customers')).toBe(300);
    expect(await count('deals')).toBe(500);
    expect(await count('activities')).toBe(5000);
    expect(await count('pipelines')).toBe(5);
    const contacts = await count('contacts');
    expect(contacts).toBeGreaterThanOrEqual(300);
    expect(contacts).toBeLessThanOrEqual(900);
    expect(summary).toMatchObject({ customers: 300, deals: 500, activities: 5000, contacts, users: 24 });
  });

  it('gives customers plausible phones, regions of their seller, 1–3 contacts and a valid credit code on about a third', async () => {
    const rows = await database.db
      .selectFrom('customers')
      .innerJoin('users', 'users.id', 'customers.owner_id')
      .select(['customers.id', 'customers.phone', 'customers.phone_normalized', 'customers.credit_code', 'customers.team_path', 'customers.region', 'users.team_path as owner_path', 'users.role'])
      .execute();
    for (const c of rows) {
      expect(c.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(c.phone_normalized).toBe(c.phone);
      expect(c.team_path).toBe(c.owner_path);
      expect(c.role).toBe('seller');
      expect(c.region).toMatch(/[省市]/);
      if (c.credit_code) expect(c.credit_code).toMatch(CREDIT_CODE);
    }
    const withCode = rows.filter((c) => c.credit_code).length / rows.length;
    expect(withCode).toBeGreaterThan(0.2);
    expect(withCode).toBeLessThan(0.45);
    // Custom values (hospital grade, beds) are valid against the demo's custom field definitions.
    const defs = (await database.db.selectFrom('custom_field_defs').selectAll().where('entity', '=', 'customer').execute()).map((d) => ({
      key: d.key, label: d.label, type: d.type as CustomFieldType, options: JSON.parse(d.options), required: d.required === 1,
    }));
    expect(defs.map((d) => d.key).sort()).toEqual(['beds', 'hospital_grade']);
    const customs = await database.db.selectFrom('customers').select(['industry', 'custom']).execute();
    for (const c of customs) {
      const values = JSON.parse(c.custom);
      expect(validateCustomValues(defs, values)).toEqual([]);
      if (c.industry === '医院') expect(Object.keys(values).sort()).toEqual(['beds', 'hospital_grade']);
    }
    const perCustomer = await database.db.selectFrom('contacts').select(['customer_id', database.db.fn.countAll().as('n')]).groupBy('customer_id').execute();
    expect(perCustomer).toHaveLength(300);
    for (const p of perCustomer) expect([1, 2, 3]).toContain(Number(p.n));
  });

  it('puts every deal in a stage of its pipeline, with status matching terminal stages and a consistent stage history', async () => {
    const pipelines = new Map((await database.db.selectFrom('pipelines').selectAll().execute()).map((p) => [p.id, definitionOf(p)]));
    const deals = await database.db.selectFrom('deals').selectAll().execute();
    const history = await database.db.selectFrom('deal_stage_history').selectAll().orderBy('deal_id').orderBy('entered_at').execute();
    const byDeal = new Map<string, typeof history>();
    for (const h of history) byDeal.set(h.deal_id, [...(byDeal.get(h.deal_id) ?? []), h]);
    const usedPipelines = new Set<string>();
    for (const deal of deals) {
      const def = pipelines.get(deal.pipeline_id)!;
      usedPipelines.add(deal.pipeline_id);
      const stage = def.stages.find((s) => s.key === deal.stage_key);
      expect(stage, `${deal.title}: stage ${deal.stage_key}`).toBeDefined();
      expect(deal.status).toBe(stage!.terminal ?? 'open');
      expect(deal.amount_fen).toBeGreaterThan(0);
      expect(Number.isInteger(deal.amount_fen)).toBe(true);
      expect(deal.expected_close_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const steps = byDeal.get(deal.id)!;
      expect(steps[0].direction).toBe('created');
      expect(steps[0].entered_at).toBe(deal.created_at);
      steps.forEach((step, i) => {
        expect(def.stages.some((s) => s.key === step.stage_key)).toBe(true);
        if (i + 1 < steps.length) expect(step.left_at).toBe(steps[i + 1].entered_at);
        if (i > 0) expect(['forward', 'backward']).toContain(step.direction);
      });
      const last = steps[steps.length - 1];
      expect(last.left_at).toBeNull();
      expect(last.stage_key).toBe(deal.stage_key);
      expect(last.entered_at).toBe(deal.stage_entered_at);
      expect(deal.stage_entered_at <= NOW).toBe(true);
    }
    expect(usedPipelines.size).toBe(5);
    expect(await count('deal_stage_history')).toBe(history.length);
    const statuses = new Set(deals.map((d) => d.status));
    expect(statuses).toEqual(new Set(['open', 'won', 'lost']));
  });

  it('spreads activities over the last 90 days, mostly effective, with Chinese summaries', async () => {
    const rows = await database.db.selectFrom('activities').select(['occurred_at', 'effective', 'summary', 'owner_id', 'team_path']).execute();
    const since = new Date(Date.parse(NOW) - 90 * DAY).toISOString();
    expect(rows.every((a) => a.occurred_at >= since && a.occurred_at <= NOW)).toBe(true);
    expect(rows.some((a) => a.occurred_at < new Date(Date.parse(NOW) - 80 * DAY).toISOString())).toBe(true);
    const effective = rows.filter((a) => a.effective === 1).length / rows.length;
    expect(effective).toBeGreaterThan(0.75);
    expect(effective).toBeLessThan(0.95);
    expect(rows.every((a) => /[\u4e00-\u9fff]/.test(a.summary))).toBe(true);
  });

  it('gives every seller open tasks due today, overdue and upcoming (Shanghai days)', async () => {
    const sellers = await database.db.selectFrom('users').select(['id', 'username']).where('role', '=', 'seller').execute();
    const tasks = await database.db.selectFrom('tasks').selectAll().where('status', '=', 'open').execute();
    // NOW is 10:00 in Shanghai on 2026-11-02; that day runs from 2026-11-01T16:00Z to 2026-11-02T16:00Z.
    const dayStart = '2026-11-01T16:00:00.000Z';
    const dayEnd = '2026-11-02T16:00:00.000Z';
    for (const seller of sellers) {
      const mine = tasks.filter((t) => t.assignee_id === seller.id);
      expect(mine.filter((t) => t.due_at! < dayStart).length, `${seller.username} overdue`).toBeGreaterThan(0);
      expect(mine.filter((t) => t.due_at! >= dayStart && t.due_at! < dayEnd).length, `${seller.username} today`).toBeGreaterThan(0);
      expect(mine.filter((t) => t.due_at! >= dayEnd).length, `${seller.username} upcoming`).toBeGreaterThan(0);
    }
  });

  it('ships the four work-order types with their departments and open orders in different states', async () => {
    const types = await database.db.selectFrom('work_order_types').innerJoin('teams', 'teams.id', 'work_order_types.team_id').select(['key', 'teams.name as team']).orderBy('key').execute();
    expect(types).toEqual([
      { key: 'customer-success', team: '客户成功部' },
      { key: 'finance', team: '财务部' },
      { key: 'legal', team: '法务部' },
      { key: 'presales', team: '售前技术支持部' },
    ]);
    const orders = await database.db.selectFrom('work_orders').select(['status', 'rating']).execute();
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['open', 'in_progress', 'waiting_requester', 'resolved']));
    expect(orders.find((o) => o.status === 'resolved')?.rating).toBe(5);
    // The rated, in-time finance order earned its helper points.
    expect(Number((await database.db.selectFrom('assist_points').select(database.db.fn.sum<number>('points').as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
  });

  it('has contracts for won deals: some paid, some partly, some overdue (also past 90 days), so the board and ageing are alive', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'finance', password: DEMO_PASSWORD } });
    const cookie = `af_session=${login.cookies.find((c) => c.name === 'af_session')!.value}`;
    const board = (await app.inject({ method: 'GET', url: '/api/receivables', headers: { cookie } })).json();
    expect(board.counts.overdue).toBeGreaterThan(0);
    expect(board.items.length).toBeGreaterThan(board.counts.overdue);
    const ageing = (await app.inject({ method: 'GET', url: '/api/receivables/ageing?groupBy=team', headers: { cookie } })).json();
    expect(ageing.totals.d90_plus).toBeGreaterThan(0);
    expect(ageing.totals.current).toBeGreaterThan(0);
    expect(ageing.over90.share).toBeGreaterThan(0);
    expect(ageing.over90.share).toBeLessThan(1);
    const statuses = new Set<string>();
    for (const c of (await database.db.selectFrom('contracts').select('id').limit(40).execute())) {
      const detail = (await app.inject({ method: 'GET', url: `/api/contracts/${c.id}`, headers: { cookie } })).json();
      detail.instalments.forEach((i: { status: string }) => statuses.add(i.status));
    }
    expect(statuses).toEqual(new Set(['open', 'partially_paid', 'paid', 'overdue']));
  });

  it('lets the documented demo logins in with the demo password, each seeing their own scope', async () => {
    for (const login of DEMO_LOGINS.filter((l) => ['admin', 'director', 'rm_east', 'lead_east1', 'seller_east1', 'seller_south1', 'support', 'finance'].includes(l.username))) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: login.username, password: DEMO_PASSWORD } });
      expect(res.statusCode, login.username).toBe(200);
      expect(res.json().user).toMatchObject({ username: login.username, role: login.role, team: { name: login.team } });
    }
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'password123' } });
    expect(wrong.statusCode).toBe(401);

    const totalFor = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const cookie = `af_session=${login.cookies.find((c) => c.name === 'af_session')!.value}`;
      const res = await app.inject({ method: 'GET', url: '/api/customers?pageSize=1', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      return res.json().total as number;
    };
    expect(await totalFor('director')).toBe(300);
    expect(await totalFor('seller_east1')).toBe(25);
    expect(await totalFor('lead_east1')).toBe(75);
    expect(await totalFor('rm_east')).toBe(150);
  });

  it('refuses to load into a database that has users, and loads again after a reset', async () => {
    await expect(loadDemoData(database.db, clock)).rejects.toMatchObject({ code: 'CONFLICT' } satisfies Partial<AppError>);
    const emptied = await resetDatabase(database.db);
    expect(emptied).toEqual(expect.arrayContaining(['users', 'customers', 'deals', 'events', 'audit_log']));
    expect(await count('users')).toBe(0);
    expect(await count('pipelines')).toBe(0);
    const again = await loadDemoData(database.db, clock);
    expect(again).toEqual(summary);
  });

  it('is deterministic: the same seed and clock give the same rows', () => {
    const sellers = [
      { id: 's1', teamPath: '/c/e/t1/', region: 'east' as const, leadId: 'l1' },
      { id: 's2', teamPath: '/c/s/t2/', region: 'south' as const, leadId: 'l2' },
    ];
    const pipelines = [{ id: 'p', templateKey: 'hospital_seven_step', stages: [
      { key: 'a', checklist: ['x'], requiredFields: [] },
      { key: 'b', checklist: [], requiredFields: [] },
      { key: 'won', terminal: 'won' as const, checklist: [], requiredFields: [] },
      { key: 'lost', terminal: 'lost' as const, checklist: [], requiredFields: [] },
    ] }];
    const sizes = { customers: 20, deals: 30, activities: 100 };
    const a = generateDemoRows(new Random(7), Date.parse(NOW), sizes, sellers, pipelines, []);
    const b = generateDemoRows(new Random(7), Date.parse(NOW), sizes, sellers, pipelines, []);
    const c = generateDemoRows(new Random(8), Date.parse(NOW), sizes, sellers, pipelines, []);
    expect(a).toEqual(b);
    expect(a.customers.map((x) => x.name)).not.toEqual(c.customers.map((x) => x.name));
  });
});
