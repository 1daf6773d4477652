import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { KEY_TTL_MS, pruneIdempotencyKeys } from '../../server/core/idempotency.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/**
 * Issue 14, defect 11: a create committed just before the answer was lost (a crash, a dropped connection) must not
 * be created again by the client's retry. `Idempotency-Key` on POST activities, customers and deals.
 */
describe('hardening: Idempotency-Key on creates', () => {
  let t: TestContext;
  let seller: Requester;
  let seller2: Requester;
  let customerId: string;
  let pipelineId: string;

  const count = async (table: 'customers' | 'activities' | 'deals' | 'tasks', column: 'name' | 'summary' | 'title', value: string) =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where(column, '=', value).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await setupTestApp();
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    [seller, seller2] = await Promise.all([t.as('seller_a'), t.as('seller_a2')]);
    const res = await seller({ method: 'POST', url: '/api/customers', payload: { name: '幂等测试医院' } });
    customerId = res.json().id;
    pipelineId = (await t.db.selectFrom('pipelines').select('id').where('key', '=', 'b2b_six_step').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  it('a retry after the commit gets the first answer again — same status and body, no second row', async () => {
    const payload = { customerId, summary: '电话沟通预算（幂等）', nextAction: '上门演示', nextActionAt: '2026-11-04T10:00:00+08:00' };
    const headers = { 'idempotency-key': 'quicklog-0001' };
    const first = await seller({ method: 'POST', url: '/api/activities', payload, headers });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The answer was lost; the client retries later with the same key (the commit had happened).
    t.clock.advance(30_000);
    const retry = await seller({ method: 'POST', url: '/api/activities', payload, headers });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await count('activities', 'summary', payload.summary)).toBe(1);
    // The quick-log's next-action task is not created twice either.
    expect(await count('tasks', 'title', '上门演示')).toBe(1);
    // Without a key every POST is a new record, as before.
    const plain = await seller({ method: 'POST', url: '/api/activities', payload: { ...payload, nextAction: undefined, nextActionAt: undefined } });
    expect(plain.statusCode).toBe(201);
    expect(await count('activities', 'summary', payload.summary)).toBe(2);
  });

  it('customers and deals replay too; the same key with a different body is a 422 with a code', async () => {
    const headers = { 'idempotency-key': 'c-7f3a' };
    const a = await seller({ method: 'POST', url: '/api/customers', payload: { name: '幂等客户甲', region: '浙江省杭州市' }, headers });
    expect(a.statusCode, a.body).toBe(201);
    // Key order in the JSON does not make it another body.
    const again = await seller({ method: 'POST', url: '/api/customers', payload: { region: '浙江省杭州市', name: '幂等客户甲' }, headers });
    expect([again.statusCode, again.json().id]).toEqual([201, a.json().id]);
    const other = await seller({ method: 'POST', url: '/api/customers', payload: { name: '幂等客户乙' }, headers });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', fields: [{ field: 'Idempotency-Key', code: 'idempotency_key_reused' }] });
    expect(await count('customers', 'name', '幂等客户乙')).toBe(0);
    // The same key on another operation is a reuse as well.
    const onDeals = await seller({ method: 'POST', url: '/api/deals', payload: { title: '幂等商机', customerId, pipelineId }, headers });
    expect(onDeals.json().error?.code, onDeals.body).toBe('IDEMPOTENCY_KEY_REUSED');

    const dealHeaders = { 'idempotency-key': 'deal-1' };
    const deal = await seller({ method: 'POST', url: '/api/deals', payload: { title: '幂等商机', customerId, pipelineId }, headers: dealHeaders });
    expect(deal.statusCode, deal.body).toBe(201);
    const dealRetry = await seller({ method: 'POST', url: '/api/deals', payload: { title: '幂等商机', customerId, pipelineId }, headers: dealHeaders });
    expect([dealRetry.statusCode, dealRetry.json().id]).toEqual([201, deal.json().id]);
    expect(await count('deals', 'title', '幂等商机')).toBe(1);
  });

  it('keys belong to their user; a refused create releases the key; keys expire', async () => {
    const headers = { 'idempotency-key': 'shared-key' };
    const mine = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, summary: '各自的键' }, headers });
    expect(mine.statusCode).toBe(201);
    // Another user's identical key is another key: seller_a2 may not log on seller_a's customer → 404, not a replay.
    const theirs = await seller2({ method: 'POST', url: '/api/activities', payload: { customerId, summary: '各自的键' }, headers });
    expect(theirs.statusCode).toBe(404);
    // … and that refusal did not keep the key: their corrected request runs.
    const own = await seller2({ method: 'POST', url: '/api/customers', payload: { name: '乙的客户' }, headers });
    expect(own.statusCode, own.body).toBe(201);

    // A day later (the stored row aged rather than the clock, which would end the sessions too) the key is free.
    const aged = new Date(t.clock.now().getTime() - KEY_TTL_MS - 1000).toISOString();
    await t.db.updateTable('idempotency_keys').set({ created_at: aged }).where('key', '=', 'shared-key').where('user_id', '=', t.org.users.sellerA.id).execute();
    const reused = await seller({ method: 'POST', url: '/api/activities', payload: { customerId, summary: '过期后新的提交' }, headers });
    expect(reused.statusCode).toBe(201);
    expect(reused.headers['idempotent-replayed']).toBeUndefined();
    // Housekeeping removes keys past their day.
    await t.db.updateTable('idempotency_keys').set({ created_at: aged }).where('key', '=', 'c-7f3a').execute();
    expect(await pruneIdempotencyKeys(t.db, t.clock)).toBe(1);
    expect(await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'c-7f3a').execute()).toEqual([]);
  });

  it('a request that died between its commit and storing the answer is never run twice', async () => {
    // The create commits; then the process dies before storing the answer (kill -9): the key row is left reserved.
    const payload = { customerId, summary: '崩溃前已提交' };
    expect((await seller({ method: 'POST', url: '/api/activities', payload, headers: { 'idempotency-key': 'crashed-1' } })).statusCode).toBe(201);
    await t.db.updateTable('idempotency_keys').set({ status: 0, response: '' }).where('key', '=', 'crashed-1').execute();
    const running = await seller({ method: 'POST', url: '/api/activities', payload, headers: { 'idempotency-key': 'crashed-1' } });
    expect(running.statusCode).toBe(409);
    expect(running.json().error).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS', reason: 'idempotency_running' });
    t.clock.advance(120_000);
    const died = await seller({ method: 'POST', url: '/api/activities', payload, headers: { 'idempotency-key': 'crashed-1' } });
    expect(died.json().error).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS', reason: 'idempotency_unfinished' });
    expect(await count('activities', 'summary', payload.summary)).toBe(1);
  });

  it('two concurrent submissions with one key create one row', async () => {
    const payload = { customerId, summary: '双击提交' };
    const headers = { 'idempotency-key': 'double-click' };
    const answers = await Promise.all([1, 2, 3].map(() => seller({ method: 'POST', url: '/api/activities', payload, headers })));
    expect(answers.filter((a) => a.statusCode === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.statusCode);
    expect(await count('activities', 'summary', payload.summary)).toBe(1);
  });

  it('refuses a malformed key naming the header, and documents the header on the opted-in operations', async () => {
    const res = await seller({ method: 'POST', url: '/api/customers', payload: { name: '坏键' }, headers: { 'idempotency-key': 'x'.repeat(300) } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'invalid' })]);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/activities', '/api/customers', '/api/deals']) {
      const op = doc.paths[path].post;
      expect(op.parameters.map((p: { in: string; name: string }) => `${p.in}:${p.name}`)).toContain('header:idempotency-key');
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '409', '422']));
    }
  });
});
