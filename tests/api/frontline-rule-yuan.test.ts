import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/**
 * Issue 15 point 6: a "big deal > 1,000,000" rule fired for a ¥41,000 deal because the only money field was
 * `record.amountFen`. Rules now read `record.amountYuan`, and messages accept the names people write
 * (`{{金额}}`, `{{deal.title}}`, `{{负责人}}`), money rendered in yuan.
 */
const pipelineYaml = `key: yuan_demo
name: 元阈值演示
stages:
  - { key: qualify, name: 资格确认, probability: 10 }
  - { key: quote, name: 报价, probability: 50 }
  - { key: won, name: 成交, probability: 100, terminal: won }
`;

describe('rule thresholds in yuan', () => {
  let t: TestContext;
  let admin: Requester, seller: Requester;
  let customerId: string;

  beforeAll(async () => {
    t = await setupTestApp();
    await importPipelineYaml(t.db, t.clock, systemActor('cli'), pipelineYaml);
    [admin, seller] = await Promise.all(['admin', 'seller_a'].map((u) => t.as(u)));
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '元阈值测试医院' } })).json().id;
  });
  afterAll(async () => t?.close());

  it('a rule with a yuan threshold fires only above it, and the natural template names render', async () => {
    const rule = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: {
        key: 'big_deal_yuan',
        name: '百万大单提醒',
        trigger: { type: 'record.created', entity: 'deal' },
        conditions: { '>': [{ var: 'record.amountYuan' }, 1_000_000] },
        actions: [{ type: 'notify', config: { recipients: ['owner.director'], title: '大单：{{deal.title}} {{金额}}', body: '负责人 {{负责人}}' } }],
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const create = async (title: string, amountFen: number) => expect((await seller({ method: 'POST', url: '/api/deals', payload: { title, customerId, pipelineId: 'yuan_demo', amountFen } })).statusCode).toBe(201);
    await create('¥41,000 的小单', 41_000_00);
    await create('正好一百万', 1_000_000_00);
    await create('一百万零一分', 1_000_000_01);
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    const inbox = await t.db.selectFrom('notifications').select(['title', 'body']).where('user_id', '=', t.org.users.director.id).execute();
    expect(inbox).toEqual([{ title: '大单：一百万零一分 ¥1,000,000.01', body: '负责人 seller_a' }]);
  });

  it('refuses unknown template names naming the field', async () => {
    const bad = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: { key: 'bad_names', name: '坏模板', trigger: { type: 'record.created', entity: 'deal' }, actions: [{ type: 'notify', config: { recipients: ['owner'], title: '{{价格表}}' } }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toContain('actions.0.config.title');
  });
});
