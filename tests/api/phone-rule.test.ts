import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';

/** Shanghai wall-clock time → stored UTC instant. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

/**
 * One phone rule (customers/normalize.ts `checkPhone`): the same input gets the same verdict and the same normalised
 * number on every path that takes a phone — a customer created over HTTP, an appointment booked by a store
 * consultant, a lead (whose duplicate check compares normalised numbers). Before, appointments allowed 7–15 digits and
 * customers 7–20, so a 19-digit number was a customer but no booking.
 */
describe('one phone rule on every path', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  // `landline`: a valid number that is not a mainland mobile — a customer and a lead take it, a store booking
  // refuses it by the same rule's `kind` (issue 15: the SMS confirmation needs a mobile).
  const CASES: Array<{ input: string; normalized?: string; landline?: true; code?: 'phone_format' | 'phone_invalid' }> = [
    { input: '+86 138-0013-8000', normalized: '13800138000' },
    { input: '０２１－６２３４ ５６７８', normalized: '02162345678', landline: true },
    { input: '0086 139 0013 9000', normalized: '13900139000' },
    { input: '+852 9123 4567', normalized: '85291234567', landline: true },
    { input: '123456', code: 'phone_invalid' },
    { input: '1380013800012345678', code: 'phone_invalid' },
    { input: '138-0013-800a', code: 'phone_format' },
  ];

  it('gives the same verdict and normalised number for customers, appointments and leads', async () => {
    t = await setupTestApp({ start: sh('2026-11-02T10:00:00') });
    const seller = await t.as('seller_a');
    const admin = await t.as('admin');
    for (const [i, c] of CASES.entries()) {
      const customer = await seller({ method: 'POST', url: '/api/customers', payload: { kind: 'person', name: `三路客户${i}号`, phone: c.input } });
      const booking = await seller({ method: 'POST', url: '/api/appointments', payload: { phone: c.input, at: sh('2026-11-03T15:00:00') } });
      const lead = await admin({ method: 'POST', url: '/api/leads', payload: { kind: 'person', name: `三路线索${i}号`, source: '官网', phone: c.input } });
      if (c.code) {
        for (const res of [customer, booking, lead]) {
          expect(res.statusCode, `${c.input}: ${res.body}`).toBe(400);
          expect(res.json().error.fields[0]).toMatchObject({ field: 'phone', code: c.code });
        }
        // Same parameters and text too: one rule, one message.
        expect(new Set([customer, booking, lead].map((r) => JSON.stringify(r.json().error.fields[0]))).size).toBe(1);
        continue;
      }
      expect(customer.statusCode, customer.body).toBe(201);
      expect(customer.json().phoneNormalized).toBe(c.normalized);
      // The lead is the same number: the duplicate check refuses it, naming that customer and the phone.
      expect(lead.statusCode, lead.body).toBe(409);
      expect(lead.json().error).toMatchObject({ code: 'DUPLICATE_CUSTOMER', customer: customer.json().id, matchedOn: ['phone'] });
      if (c.landline) {
        expect(booking.statusCode, booking.body).toBe(400);
        expect(booking.json().error.fields[0]).toMatchObject({ field: 'phone', code: 'mobile_required' });
        continue;
      }
      // The booking finds that customer by its normalised number instead of creating a second one.
      expect(booking.statusCode, booking.body).toBe(201);
      expect(booking.json()).toMatchObject({ customerCreated: false, customer: { id: customer.json().id } });
      const stored = await t.db.selectFrom('appointments').select('phone_normalized').where('id', '=', booking.json().id).executeTakeFirstOrThrow();
      expect(stored.phone_normalized).toBe(c.normalized);
    }
  });
});
