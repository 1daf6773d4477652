import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

// Distinctive amounts: searched for in every answer to support, in fen and in yuan (plain and with separators).
const AMOUNT = 987_654_321;
const AMOUNT2 = 876_543_219;
const forms = (fen: number) => {
  const yuan = (fen / 100).toFixed(2);
  return [String(fen), yuan, Number(yuan).toLocaleString('en-US', { minimumFractionDigits: 2 })];
};
const AMOUNT_FORMS = [...forms(AMOUNT), ...forms(AMOUNT2)];
const leaks = (body: string) => AMOUNT_FORMS.filter((f) => body.includes(f));

describe('policy layer: abilities and field-level restriction on every path', () => {
  let t: TestContext;
  let admin: Requester, sellerA: Requester, support: Requester, finance: Requester;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp();
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    [admin, sellerA, support, finance] = await Promise.all(['admin', 'seller_a', 'support', 'finance'].map((u) => t.as(u)));
    // A rule addressed to support (notification and task) and to a seller, both printing the amount.
    const rule = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: {
        key: 'amount_alert',
        name: '大单提醒',
        trigger: { type: 'record.created', entity: 'deal' },
        actions: [
          { type: 'notify', config: { recipients: ['user:support', 'owner'], title: '新商机 {{record.title}} {{record.amountFen | yuan}}', body: '金额 {{record.amountFen}} 分' } },
          { type: 'create_task', config: { assignee: 'user:support', title: '核对 {{record.title}} {{record.amountFen | yuan}}' } },
        ],
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    ids.rule = rule.json().id;
    const customer = await sellerA({ method: 'POST', url: '/api/customers', payload: { name: '金额泄漏测试医院', phone: '13900001111' } });
    expect(customer.statusCode, customer.body).toBe(201);
    ids.customer = customer.json().id;
    const deal = await sellerA({ method: 'POST', url: '/api/deals', payload: { title: '关节置换设备', customerId: ids.customer, pipelineId: 'b2b_six_step', amountFen: AMOUNT } });
    expect(deal.statusCode, deal.body).toBe(201);
    ids.deal = deal.json().id;
    ids.pipeline = deal.json().pipeline?.id ?? 'b2b_six_step';
    t.clock.advance(60_000);
    const patched = await sellerA({ method: 'PATCH', url: `/api/deals/${ids.deal}`, payload: { amountFen: AMOUNT2 } });
    expect(patched.statusCode, patched.body).toBe(200);
    const activity = await sellerA({ method: 'POST', url: '/api/activities', payload: { type: 'call', customerId: ids.customer, dealId: ids.deal, summary: '电话沟通' } });
    expect(activity.statusCode, activity.body).toBe(201);
    ids.activity = activity.json().id;
    const task = await sellerA({ method: 'POST', url: '/api/tasks', payload: { title: '发报价', customerId: ids.customer, dealId: ids.deal } });
    expect(task.statusCode, task.body).toBe(201);
    ids.task = task.json().id;
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
  });
  afterAll(async () => t?.close());

  it('rule notifications and tasks addressed to support carry no amount; the owner’s do', async () => {
    const rows = await t.db.selectFrom('notifications').selectAll().where('title', 'like', '新商机%').execute();
    const toSupport = rows.filter((r) => r.user_id === t.org.users.support.id);
    const toSeller = rows.filter((r) => r.user_id === t.org.users.sellerA.id);
    expect(toSupport).toHaveLength(1);
    expect(toSeller).toHaveLength(1);
    expect(leaks(JSON.stringify(toSupport))).toEqual([]);
    expect(toSupport[0].title).toBe('新商机 关节置换设备 ');
    // The rule ran after the amount changed: the owner's text prints the current amount.
    expect(JSON.stringify(toSeller)).toContain('¥8,765,432.19');
    const tasks = await t.db.selectFrom('tasks').select(['title', 'assignee_id']).where('title', 'like', '核对%').execute();
    expect(tasks).toEqual([{ title: '核对 关节置换设备 ', assignee_id: t.org.users.support.id }]);
  });

  it('the audit trail of a deal keeps amounts from support (regression: create/update entries carried amount_fen)', async () => {
    const url = `/api/audit?entity=deal&id=${ids.deal}`;
    const asSupport = await support({ method: 'GET', url });
    expect(asSupport.statusCode).toBe(200);
    expect(asSupport.json().items.length).toBeGreaterThanOrEqual(2);
    expect(leaks(asSupport.body)).toEqual([]);
    const asFinance = await finance({ method: 'GET', url });
    expect(asFinance.body).toContain(String(AMOUNT));
    expect(asFinance.body).toContain(String(AMOUNT2));
  });

  it('walks every GET route of the OpenAPI document as support: no answer contains the deal amount', async () => {
    const doc = (await support({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; required?: boolean }> }>>;
    };
    const team = await t.db.selectFrom('users').select('team_id').where('id', '=', t.org.users.sellerA.id).executeTakeFirstOrThrow();
    const byCollection: Record<string, string> = {
      deals: ids.deal, customers: ids.customer, activities: ids.activity, tasks: ids.task, rules: ids.rule, pipelines: ids.pipeline,
      users: t.org.users.sellerA.id, teams: team.team_id, cadences: 'b2b_follow_up', 'activity-types': 'call',
    };
    const query: Record<string, string> = {
      entity: 'deal', id: ids.deal, dealId: ids.deal, customerId: ids.customer, team: team.team_id, pipeline: 'b2b_six_step',
      from: '2026-10-01', to: '2026-12-31', date: '2026-11-02', at: '2026-11-02T02:00:00.000Z',
    };
    const walked: Array<{ url: string; status: number }> = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!methods.get) continue;
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const segments = path.split('/');
        const collection = segments[segments.indexOf(`{${name}}`) - 1];
        return encodeURIComponent(byCollection[collection] ?? ids.deal);
      });
      const params = new URLSearchParams();
      for (const p of methods.get.parameters ?? []) if (p.in === 'query' && query[p.name]) params.set(p.name, query[p.name]);
      const full = params.size ? `${url}?${params}` : url;
      const res = await support({ method: 'GET', url: full });
      walked.push({ url: full, status: res.statusCode });
      expect(res.statusCode, `${full}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(leaks(res.body), `${full} leaks an amount`).toEqual([]);
    }
    const ok = walked.filter((w) => w.status === 200).map((w) => w.url.split('?')[0]);
    // The walk reaches the places an amount lives: the deal, lists, the board, the trail, the inbox, the customer.
    for (const must of [`/api/deals/${ids.deal}`, '/api/deals', '/api/audit', '/api/notifications', `/api/customers/${ids.customer}`, '/api/tasks']) {
      expect(ok, `${must} answered 200`).toContain(must);
    }
    expect(walked.length).toBeGreaterThan(50);
  });

  it('the same walk as finance does find the amount (the fixture is reachable, the walk is not vacuous)', async () => {
    for (const url of [`/api/deals/${ids.deal}`, '/api/deals', `/api/audit?entity=deal&id=${ids.deal}`]) {
      const res = await finance({ method: 'GET', url });
      expect(res.body, url).toContain(String(AMOUNT2));
    }
  });

  it('GET /api/me/abilities answers per role, with the hidden fields', async () => {
    const of = async (username: string) => {
      const res = await (await t.as(username))({ method: 'GET', url: '/api/me/abilities' });
      expect(res.statusCode).toBe(200);
      return res.json() as { abilities: Record<string, Record<string, boolean>>; hiddenFields: string[] };
    };
    const [a, s, sup, fin, dir, lead] = await Promise.all(['admin', 'seller_a', 'support', 'finance', 'director', 'lead_east1'].map(of));
    expect(a.abilities.pipeline.manage).toBe(true);
    expect(a.abilities.rule.manage).toBe(true);
    expect(a.hiddenFields).toEqual([]);
    expect(s.abilities.pipeline.manage).toBe(false);
    expect(s.abilities.pool.claim).toBe(true);
    expect(s.abilities.customer.handover).toBe(false);
    expect(s.abilities.deal.readAmount).toBe(true);
    expect(sup.abilities.deal.readAmount).toBe(false);
    expect(sup.hiddenFields).toEqual(['deal.amountFen', 'approval.prices', 'contract.amounts', 'health.amountInputs']);
    expect(sup.abilities.pool.claim).toBe(false);
    expect(fin.abilities.deal.readAmount).toBe(true);
    expect(fin.hiddenFields).toEqual([]);
    expect(dir.abilities.rule.read).toBe(true);
    expect(dir.abilities.rule.manage).toBe(false);
    expect(lead.abilities.customer.handover).toBe(true);
    expect(lead.abilities.rule.read).toBe(false);
    // Documented in OpenAPI with its response schema.
    const doc = (await admin({ method: 'GET', url: '/api/openapi.json' })).json();
    const schema = doc.paths['/api/me/abilities'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(['abilities', 'hiddenFields']);
    expect(Object.keys(schema.properties.abilities.properties)).toContain('deal');
  });

  it('routes no longer check roles themselves: the services refuse with FORBIDDEN', async () => {
    const res = await sellerA({ method: 'GET', url: '/api/rules' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await support({ method: 'POST', url: '/api/pool/sweep', payload: {} })).statusCode).toBe(403);
    expect((await admin({ method: 'POST', url: '/api/pool/sweep', payload: {} })).statusCode).toBe(200);
  });
});
