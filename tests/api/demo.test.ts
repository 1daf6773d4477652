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
import { DEMO_OPEN_AT_RISK, DEMO_OPEN_ACTIVITIES, DEMO_PATTERN_ACTIVITIES, DEMO_PATTERN_DEALS } from '../../server/demo/predictive.js';
import { DEMO_HEALTH_STORY } from '../../server/demo/health-story.js';

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
    // The whole demo company (and mining its planted history) took 67 s on PostgreSQL at load 32: past a 60 s bar.
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const count = async (table: 'teams' | 'users' | 'customers' | 'contacts' | 'deals' | 'activities' | 'tasks' | 'pipelines' | 'deal_stage_history' | 'deal_stage_totals') =>
    Number((await database.db.selectFrom(table).select(database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('has the documented size: 3 regions, 24 sales users with 12 sellers (+ 4 store people), 300 customers (+ 18 walk-ins), 500 deals, 5,000 activities, 5 pipelines', async () => {
    const regions = await database.db.selectFrom('teams').select('name').where('kind', '=', 'region').orderBy('name').execute();
    // The three sales regions and the store branch (a region made of stores: its digest shows store figures).
    expect(regions.map((r) => r.name).sort()).toEqual(['华东大区', '华北大区', '华南大区', '康捷康复门店（杭州）'].sort());
    // 24 in the sales org, 5 in the collaboration departments (server/demo/workorders.ts), 4 in the stores (stores.ts).
    expect(await count('users')).toBe(33);
    const roles = await database.db.selectFrom('users').select(['role', database.db.fn.countAll().as('n')]).groupBy('role').execute();
    expect(Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]))).toEqual({
      admin: 1, director: 1, regional_manager: 3, lead: 7, seller: 15, support: 4, finance: 2,
    });
    // 300 of the sales org and 18 walk-in customers of the stores.
    expect(await count('customers')).toBe(318);
    // Plus the predictive history (closed deals with planted action patterns) and its open deals at risk.
    // And the health backtest's story: a hospital's past orders and weeks of care (server/demo/health-story.ts).
    expect(await count('deals')).toBe(500 + DEMO_PATTERN_DEALS + DEMO_OPEN_AT_RISK.price + DEMO_OPEN_AT_RISK.silence + DEMO_HEALTH_STORY.deals);
    expect(await count('activities')).toBe(5000 + DEMO_PATTERN_ACTIVITIES + DEMO_OPEN_ACTIVITIES + DEMO_HEALTH_STORY.activities);
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
    const all = await database.db.selectFrom('activities').select(['occurred_at', 'effective', 'summary', 'owner_id', 'team_path', 'customer_id']).execute();
    const since = new Date(Date.parse(NOW) - 90 * DAY).toISOString();
    // Older ones belong to the health backtest's story only: the one customer whose orders stopped long ago.
    const stopped = await database.db.selectFrom('deals').select('customer_id').distinct().where('status', '=', 'won').where('stage_entered_at', '<', since).execute();
    expect(stopped).toHaveLength(1);
    expect(new Set(all.filter((a) => a.occurred_at < since).map((a) => a.customer_id))).toEqual(new Set([stopped[0].customer_id]));
    const rows = all.filter((a) => a.customer_id !== stopped[0].customer_id);
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

  it('ships pending quote approvals on the default route, and 价格谈判 of the hospital pipeline refuses to be left without an approved quote', async () => {
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      return `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
    };
    const requests = await database.db.selectFrom('approval_requests').select(['id', 'status', 'subject_id', 'owner_id', 'facts']).orderBy('submitted_at').execute();
    expect(requests.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    // The default route: ¥50,000 and above → regional manager then director; below → the regional manager alone.
    const director = await login('director');
    const mine = (await app.inject({ method: 'GET', url: '/api/approvals?status=pending&assignee=me', headers: { cookie: director } })).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].steps.map((s: { status: string }) => s.status)).toEqual(['approved', 'pending']);
    expect(mine.items[0].facts.amountFen).toBeGreaterThanOrEqual(5_000_000);
    const all = (await app.inject({ method: 'GET', url: '/api/approvals?pageSize=50', headers: { cookie: director } })).json();
    const steps = all.items.map((a: { facts: { amountFen: number }; steps: unknown[] }) => [a.facts.amountFen >= 5_000_000, a.steps.length]);
    expect(steps.sort()).toEqual([[false, 1], [true, 2], [true, 2]]);

    // A deal in 价格谈判 without an approved quote cannot leave it; the refusal names the approval.
    const pipeline = await database.db.selectFrom('pipelines').selectAll().where('template_key', '=', 'hospital_seven_step').executeTakeFirstOrThrow();
    const stage = definitionOf(pipeline).stages.find((s) => s.key === 'price_negotiation')!;
    expect(stage.gate.approvals).toEqual([{ kind: 'quote', label: '报价审批通过', labelEn: 'Quote approved' }]);
    const deal = await database.db
      .selectFrom('deals')
      .innerJoin('users', 'users.id', 'deals.owner_id')
      .select(['deals.id', 'users.username'])
      .where('deals.pipeline_id', '=', pipeline.id)
      .where('deals.stage_key', '=', 'price_negotiation')
      .where('deals.status', '=', 'open')
      .where('deals.id', 'not in', requests.map((r) => r.subject_id))
      .executeTakeFirstOrThrow();
    const moved = await app.inject({ method: 'POST', url: `/api/deals/${deal.id}/move`, headers: { cookie: await login(deal.username) }, payload: { toStage: 'contract_signing' } });
    expect(moved.statusCode, moved.body).toBe(422);
    expect(moved.json().error.unmet.map((u: { code: string }) => u.code)).toContain('APPROVAL_REQUIRED');
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

  it('ships a store chain: a manager over two stores, consultants, today\'s appointments and yesterday\'s no-shows marked by the no-show pass', async () => {
    const stores = await database.db.selectFrom('teams').select('name').where('kind', '=', 'store').orderBy('name').execute();
    expect(stores.map((r) => r.name).sort()).toEqual(['滨江店', '西湖店'].sort());
    // Past digests of the stores were filed too (the page is alive on first start).
    const storeDigests = await database.db.selectFrom('digests').innerJoin('teams', 'teams.id', 'digests.team_id').select('teams.name').where('teams.kind', '=', 'store').execute();
    expect(storeDigests.length).toBeGreaterThan(0);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'store_manager', password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = `af_session=${login.cookies.find((c) => c.name === 'af_session')!.value}`;
    const list = async (query: string) => (await app.inject({ method: 'GET', url: `/api/appointments?pageSize=100&${query}`, headers: { cookie } })).json();
    // NOW is 10:00 in Shanghai: today's six slots per consultant are all ahead or within their grace.
    const today = await list('date=2026-11-02');
    expect(today.total).toBe(18);
    expect(new Set(today.items.map((a: { storeName?: string; store?: { name: string } }) => a.store?.name ?? a.storeName))).toEqual(new Set(['西湖店', '滨江店']));
    const noShows = await list('status=no_show');
    expect(noShows.total).toBe(3);
    const marked = await database.db.selectFrom('events').select('id').where('type', '=', 'appointment.no_show').execute();
    expect(marked).toHaveLength(3);
    // The manager is told of each no-show, as the running system would.
    const manager = await database.db.selectFrom('users').select('id').where('username', '=', 'store_manager').executeTakeFirstOrThrow();
    const notices = await database.db.selectFrom('notifications').select('title').where('user_id', '=', manager.id).execute();
    expect(notices.filter((n) => n.title.startsWith('未到店')).length).toBe(3);
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
    expect(await totalFor('director')).toBe(318);
    expect(await totalFor('seller_east1')).toBe(25);
    expect(await totalFor('lead_east1')).toBe(75);
    expect(await totalFor('rm_east')).toBe(150);
  });

  it('greets a regional manager with a quiet bell, and gives each lead interventions of their own (issue 15 point 3)', async () => {
    const session = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const cookie = `af_session=${login.cookies.find((c) => c.name === 'af_session')!.value}`;
      return async (url: string) => {
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        expect(res.statusCode, `${username} ${url}`).toBe(200);
        return res.json();
      };
    };
    // The backfill of months of demo history is filed quietly: the first login is not a wall of 58 unread notices.
    const rm = await session('rm_east');
    expect((await rm('/api/notifications?pageSize=1')).unread).toBeLessThanOrEqual(5);
    // "需要我介入" is not empty for the sellers' direct manager: the shipped ladders ask the lead first.
    const lead = await session('lead_east1');
    const mine = await lead('/api/sla/interventions');
    expect(mine.open).toBeGreaterThan(0);
    // Each deal row opens with what a manager prioritises by: amount, stage, days overdue, last effective activity.
    const dealIds = (mine.items as { subject: { type: string; id: string } }[]).filter((i) => i.subject.type === 'deal').map((i) => i.subject.id);
    expect(dealIds.length).toBeGreaterThan(0);
    const context = await lead(`/api/deals/attention?ids=${dealIds.slice(0, 5).join(',')}`);
    expect(context.items.length).toBe(Math.min(5, dealIds.length));
    for (const c of context.items) {
      expect(c.amountFen).toEqual(expect.any(Number));
      expect(c.stage.name).toEqual(expect.any(String));
      expect(c.daysOverdue).toEqual(expect.any(Number));
    }
  });

  it('shows a first-time user the three health colours, transitions and the backtest catching a hospital early', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
    const backtest = (await app.inject({ method: 'GET', url: '/api/health/backtest', headers: { cookie } })).json();
    expect(backtest).toMatchObject({ months: 12, leadDays: 30, quietDays: 90, caughtEarly: 1 });
    const caught = backtest.items.find((i: { caught: boolean }) => i.caught);
    // Its last order 100 days ago; yellow since its visits, requests and feedback stopped, while orders still came.
    expect(caught.lastOrderAt.slice(0, 10)).toBe(new Date(Date.parse(NOW) - 100 * DAY).toISOString().slice(0, 10));
    expect(caught.leadDays).toBeGreaterThanOrEqual(30);
    // The three colours and confirmed transitions exist on first start.
    const colours = await database.db.selectFrom('customer_health').select('colour').distinct().execute();
    expect(colours.map((c) => c.colour)).toEqual(expect.arrayContaining(['green', 'yellow', 'red']));
    const changes = await database.db.selectFrom('events').select('payload').where('type', '=', 'customer.health_changed').execute();
    expect(changes.filter((e) => JSON.parse(e.payload).kind === 'colour').length).toBeGreaterThan(0);
    const health = (await app.inject({ method: 'GET', url: `/api/customers/${caught.customerId}/health`, headers: { cookie } })).json();
    expect(health.history.map((h: { colour: string }) => h.colour)).toEqual(expect.arrayContaining(['green', 'yellow']));
    expect(health.history[0]).toMatchObject({ colour: 'green' });
  });

  it('refuses to load into a database that has users, and loads again after a reset', async () => {
    await expect(loadDemoData(database.db, clock)).rejects.toMatchObject({ code: 'CONFLICT' } satisfies Partial<AppError>);
    const emptied = await resetDatabase(database.db);
    expect(emptied).toEqual(expect.arrayContaining(['users', 'customers', 'deals', 'events', 'audit_log']));
    expect(await count('users')).toBe(0);
    expect(await count('pipelines')).toBe(0);
    // The board counters (kept by triggers) were emptied with the deals, in whatever order the tables went.
    expect(await count('deal_stage_totals')).toBe(0);
    const again = await loadDemoData(database.db, clock);
    expect(again).toEqual(summary);
    // …and the second load's inserts filled them exactly: per (pipeline, stage, owner, team path) as a GROUP BY says.
    const key = ['pipeline_id', 'stage_key', 'owner_id', 'team_path'] as const;
    const truth = await database.db.selectFrom('deals').select([...key, (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount_fen').as('amount_fen')]).groupBy([...key]).orderBy([...key]).execute();
    const counters = await database.db.selectFrom('deal_stage_totals').select([...key, 'n', 'amount_fen']).where('n', '<>', 0).orderBy([...key]).execute();
    const plain = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, n: Number(r.n), amount_fen: Number(r.amount_fen) }));
    expect(plain(counters)).toEqual(plain(truth));
    expect(counters.length).toBeGreaterThan(20);
    // A whole second load, as beforeAll's: the same allowance (the store chain and its no-show pass included).
  }, 90_000);

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

  it('shows a first-time user surfaced patterns with their deals, live flags with evidence and a model card', async () => {
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
      return (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
    };
    const admin = await login('admin');
    const pipeline = await database.db.selectFrom('pipelines').select('id').where('key', '=', 'hospital_seven_step').executeTakeFirstOrThrow();
    const patterns = (await admin(`/api/patterns?pipelineId=${pipeline.id}`)).json() as { id: string; kind: string; surfaced: boolean; description: string; evidence: string; support: number }[];
    const surfaced = patterns.filter((p) => p.surfaced);
    expect(surfaced.some((p) => p.kind === 'risk' && p.description.includes('价格确认') && p.description.includes('技术参数对比'))).toBe(true);
    expect(surfaced.some((p) => p.kind === 'positive' && p.description.includes('竞品对比表'))).toBe(true);
    expect(surfaced.some((p) => p.kind === 'risk' && p.description.includes('演示'))).toBe(true);
    // The decoy (15 deals) is only a candidate.
    expect(surfaced.some((p) => p.description.includes('资料已发送'))).toBe(false);
    const risk = surfaced.find((p) => p.description.includes('技术参数对比'))!;
    expect(risk.evidence).toMatch(/^\d+ 个相似商机中 \d+ 个输单（\d+%，95% CI \d+–\d+%），基线 \d+%$/);
    expect((await admin(`/api/patterns/${risk.id}/deals`)).json().total).toBe(risk.support);
    const flags = (await admin('/api/risks')).json();
    expect(flags.total).toBeGreaterThanOrEqual(DEMO_OPEN_AT_RISK.price + DEMO_OPEN_AT_RISK.silence);
    for (const f of flags.items as { kind: string; evidence: string; drill: string | null }[]) if (f.kind === 'pattern') expect(f.drill && f.evidence).toContain('95% CI');
    const card = (await admin(`/api/patterns/model-card?pipelineId=${pipeline.id}`)).json();
    expect(card).toMatchObject({ coldStart: false });
    // The planted history and the generic demo's closed deals of the same pipeline.
    expect(card.dealsUsed).toBeGreaterThanOrEqual(DEMO_PATTERN_DEALS);
    expect(card.card.avgDaysBeforeLoss).toBeGreaterThan(0);
  });
});
