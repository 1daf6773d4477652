import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/** Issue 15 point 8: input that used to be accepted silently is refused, naming the field. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('input rules', () => {
  let t: TestContext;
  let seller: Requester;
  let customerId: string;

  beforeAll(async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00') });
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '输入校验医院' } })).json().id;
  });
  afterAll(async () => t?.close());

  const field = (res: { statusCode: number; json(): { error: { fields?: Array<{ field: string; code: string }> } } }) => [res.statusCode, res.json().error.fields?.[0]?.field, res.json().error.fields?.[0]?.code];
  const book = (payload: Record<string, unknown>) => seller({ method: 'POST', url: '/api/appointments', payload });

  it('refuses a negative amount instead of saving ¥0', async () => {
    const res = await seller({ method: 'POST', url: '/api/deals', payload: { title: '负数', customerId, pipelineId: 'b2b_six_step', amountFen: -100 } });
    expect(field(res).slice(0, 2)).toEqual([400, 'amountFen']);
  });

  it('refuses an expected close date years in the past, on create and on change', async () => {
    const old = await seller({ method: 'POST', url: '/api/deals', payload: { title: '旧日期', customerId, pipelineId: 'b2b_six_step', expectedCloseDate: '2020-06-30' } });
    expect(field(old)).toEqual([400, 'expectedCloseDate', 'date_too_far_past']);
    expect(old.json().error.fields[0].message).toContain('2025-11-02');
    const ok = await seller({ method: 'POST', url: '/api/deals', payload: { title: '近日期', customerId, pipelineId: 'b2b_six_step', expectedCloseDate: '2026-10-30' } });
    expect(ok.statusCode).toBe(201);
    const patched = await seller({ method: 'PATCH', url: `/api/deals/${ok.json().id}`, payload: { expectedCloseDate: '2020-01-01' } });
    expect(field(patched)).toEqual([400, 'expectedCloseDate', 'date_too_far_past']);
  });

  it('refuses a booking three years ahead, a landline as the mobile, and the same phone and slot twice; takes a name', async () => {
    expect(field(await book({ phone: '13800138000', at: sh('2029-11-02T10:00:00') }))).toEqual([400, 'at', 'too_far_ahead']);
    expect(field(await book({ phone: '0571-8888 6666', at: sh('2026-11-03T10:00:00') }))).toEqual([400, 'phone', 'mobile_required']);
    const first = await book({ phone: '138 0013 8000', at: sh('2026-11-03T10:00:00'), name: '王女士' });
    expect(first.statusCode, first.body).toBe(201);
    const twice = await book({ phone: '+86 13800138000', at: sh('2026-11-03T10:00:00') });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.reason).toBe('appointment_duplicate');
    const customer = await t.db.selectFrom('customers').select('name').where('phone_normalized', '=', '13800138000').executeTakeFirstOrThrow();
    expect(customer.name).toBe('王女士');
    expect(await t.db.selectFrom('appointments').select('id').execute()).toHaveLength(1);
  });
});
