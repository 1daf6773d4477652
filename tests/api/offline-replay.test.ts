import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';

/**
 * Issue 16 point 2: the offline queue replays a task completion with its idempotency key; a second send (the
 * connection dropped after the server committed) is answered from the stored reply and writes nothing again.
 */
describe('offline replay of a task completion', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  it('a completion sent twice with one key completes once and is audited once', async () => {
    t = await setupTestApp();
    const seller = await t.as('seller_a');
    const task = (await seller({ method: 'POST', url: '/api/tasks', payload: { title: '回访浙一王主任', dueAt: '2026-11-03T02:00:00.000Z' } })).json();
    const send = () => seller({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { status: 'done' }, headers: { 'idempotency-key': 'td-0001' } });
    const first = await send();
    expect(first.statusCode, first.body).toBe(200);
    t.clock.advance(60_000);
    const second = await send();
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', task.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    const events = await t.db.selectFrom('events').select('type').where('type', '=', 'task.completed').execute();
    expect(events).toHaveLength(1);
    // The key belongs to that completion: another body with it is refused, nothing written.
    const reused = await seller({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { status: 'open' }, headers: { 'idempotency-key': 'td-0001' } });
    expect(reused.statusCode).toBe(422);
    expect((await seller({ method: 'GET', url: `/api/tasks/${task.id}` })).json().status).toBe('done');
  });
});
