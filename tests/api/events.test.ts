/**
 * Typed update events: an update carries `changed`, `before` and `after`, and a rule condition on `before` works from
 * the event alone — the audit trail is deleted first to prove the rules engine no longer reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEvent, type StoredEvent } from '../../server/core/events.js';
import { parseJson } from '../../server/core/json.js';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

describe('typed events', () => {
  let t: TestContext;
  let seller: Requester;
  let admin: Requester;
  beforeAll(async () => {
    t = await setupTestApp();
    [seller, admin] = await Promise.all([t.as('seller_a'), t.as('admin')]);
  });
  afterAll(async () => t?.close());

  const lastEvent = async (type: string, entityId: string): Promise<StoredEvent> => {
    const row = await t.db.selectFrom('events').selectAll().where('type', '=', type).where('entity_id', '=', entityId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    return { seq: Number(row.seq), id: row.id, type: row.type, entity: row.entity, entityId: row.entity_id, actorId: row.actor_id, payload: parseJson(row.payload, {}), occurredAt: row.occurred_at } as StoredEvent;
  };

  it('customer.updated and task.updated carry changed, before and after', async () => {
    const created = await seller({ method: 'POST', url: '/api/customers', payload: { name: '仁济医院', level: 'B', region: '华东' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await seller({ method: 'PATCH', url: `/api/customers/${id}`, payload: { level: 'A', region: '华东' } })).statusCode).toBe(200);
    const event = await lastEvent('customer.updated', id);
    expect(isEvent(event, 'customer.updated')).toBe(true);
    if (!isEvent(event, 'customer.updated')) return;
    // Typed: `changed`, `before` and `after` are part of the payload type of every update event.
    expect(event.payload.changed).toEqual(['level']);
    expect(event.payload.before).toEqual({ level: 'B' });
    expect(event.payload.after).toEqual({ level: 'A' });

    const task = await seller({ method: 'POST', url: '/api/tasks', payload: { title: '回访', customerId: id } });
    expect(task.statusCode, task.body).toBe(201);
    expect((await seller({ method: 'PATCH', url: `/api/tasks/${task.json().id}`, payload: { title: '电话回访' } })).statusCode).toBe(200);
    const taskEvent = await lastEvent('task.updated', task.json().id);
    expect(taskEvent.payload).toMatchObject({ changed: ['title'], before: { title: '回访' }, after: { title: '电话回访' } });
  });

  it('a rule condition on `before` matches from the event, with no audit rows at all', async () => {
    const rule = await admin({
      method: 'POST',
      url: '/api/rules',
      payload: {
        key: 'downgrade',
        name: '客户降级',
        trigger: { type: 'record.updated', entity: 'customer' },
        conditions: { and: [{ '==': [{ var: 'before.level' }, 'A'] }, { '==': [{ var: 'record.level' }, 'C'] }] },
        actions: [{ type: 'notify', config: { recipients: ['owner'], title: '{{record.name}} 从 {{before.level}} 降为 {{record.level}}' } }],
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const created = await seller({ method: 'POST', url: '/api/customers', payload: { name: '华山医院', level: 'A' } });
    const id = created.json().id;
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    expect((await seller({ method: 'PATCH', url: `/api/customers/${id}`, payload: { level: 'C' } })).statusCode).toBe(200);
    await t.db.deleteFrom('audit_log').execute();
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    const inbox = await t.db.selectFrom('notifications').select('title').where('user_id', '=', t.org.users.sellerA.id).execute();
    expect(inbox.map((n) => n.title)).toContain('华山医院 从 A 降为 C');
  });
});
