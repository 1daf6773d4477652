import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/** Issue 15 point 10: a test pipeline no longer sits in every seller's dropdown for good. */
describe('archiving and deleting pipelines', () => {
  let t: TestContext;
  let admin: Requester, seller: Requester;
  let customerId: string;

  beforeAll(async () => {
    t = await setupTestApp();
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    [admin, seller] = await Promise.all(['admin', 'seller_a'].map((u) => t.as(u)));
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '归档测试医院' } })).json().id;
  });
  afterAll(async () => t?.close());

  const keys = async (who: Requester) => (await who({ method: 'GET', url: '/api/pipelines' })).json().items.map((p: { key: string }) => p.key);

  it('archive hides a pipeline from new deals, keeps existing deals working; unarchive brings it back', async () => {
    const deal = await seller({ method: 'POST', url: '/api/deals', payload: { title: '已有商机', customerId, pipelineId: 'b2b_six_step' } });
    expect(deal.statusCode).toBe(201);
    expect((await seller({ method: 'POST', url: '/api/pipelines/b2b_six_step/archive' })).statusCode).toBe(403);
    const archived = await admin({ method: 'POST', url: '/api/pipelines/b2b_six_step/archive' });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archived).toBe(true);
    expect(await keys(seller)).not.toContain('b2b_six_step');
    const refused = await seller({ method: 'POST', url: '/api/deals', payload: { title: '新商机', customerId, pipelineId: 'b2b_six_step' } });
    expect([refused.statusCode, refused.json().error.fields[0].field]).toEqual([400, 'pipelineId']);
    // The existing deal is unaffected: readable and movable.
    expect((await seller({ method: 'GET', url: `/api/deals/${deal.json().id}` })).statusCode).toBe(200);
    expect((await seller({ method: 'POST', url: `/api/deals/${deal.json().id}/move`, payload: { toStage: 'lost', lostReason: 'price' } })).statusCode).toBe(200);
    expect((await admin({ method: 'POST', url: '/api/pipelines/b2b_six_step/unarchive' })).json().archived).toBe(false);
    expect(await keys(seller)).toContain('b2b_six_step');
  });

  it('deletes a pipeline only when no deal uses it', async () => {
    expect((await admin({ method: 'DELETE', url: '/api/pipelines/b2b_six_step' })).statusCode).toBe(409);
    const copy = await admin({ method: 'POST', url: '/api/pipelines/b2b_six_step/copy', payload: { key: 'imported_test', name: '导入测试流程' } });
    expect(copy.statusCode, copy.body).toBe(201);
    expect((await seller({ method: 'DELETE', url: '/api/pipelines/imported_test' })).statusCode).toBe(403);
    expect((await admin({ method: 'DELETE', url: '/api/pipelines/imported_test' })).statusCode).toBe(200);
    expect(await keys(admin)).not.toContain('imported_test');
    expect((await admin({ method: 'GET', url: '/api/pipelines/imported_test' })).statusCode).toBe(404);
  });
});
