import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.js';
import { command } from '../../server/core/command.js';
import { openTestDatabase } from '../support/database.js';

/**
 * The command helper (core/command.ts): the change, its audit entry and its event commit together or not at all; an
 * update that changes nothing writes neither; the event carries the diff as `changed`/`before`/`after`.
 */
describe('command: one transaction for change, audit and event', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clock = new ManualClock('2026-11-02T01:00:00.000Z');

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.drop());

  const trail = (id: string) => database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).orderBy('at').orderBy('action').execute();
  const events = (id: string) => database.db.selectFrom('events').selectAll().where('entity_id', '=', id).execute();

  it('writes audit and event with the entity, id and actor it declared', async () => {
    await command(database.db, clock, { entity: 'customer', actorId: null }, async (cmd) => {
      await cmd.created('c-1', { name: '甲' }, { type: 'customer.created', payload: { ownerId: 'u-1', name: '甲' } });
    });
    const audit = await trail('c-1');
    expect(audit.map((a) => [a.entity, a.action, a.actor_id, a.after])).toEqual([['customer', 'create', null, JSON.stringify({ name: '甲' })]]);
    const [event] = await events('c-1');
    expect([event.type, event.entity, JSON.parse(event.payload)]).toEqual(['customer.created', 'customer', { ownerId: 'u-1', name: '甲' }]);
  });

  it('rolls the audit entry and the event back with a refused change', async () => {
    await expect(
      command(database.db, clock, { entity: 'customer', actorId: null }, async (cmd) => {
        await cmd.created('c-2', { name: '乙' }, { type: 'customer.created', payload: { ownerId: 'u-1', name: '乙' } });
        throw new Error('refused after recording');
      }),
    ).rejects.toThrow('refused after recording');
    expect(await trail('c-2')).toHaveLength(0);
    expect(await events('c-2')).toHaveLength(0);
  });

  it('records only differing fields of an update, and nothing when none differ', async () => {
    const same = await command(database.db, clock, { entity: 'task', actorId: null }, (cmd) =>
      cmd.updated('t-1', { title: 'a', dueAt: null }, { title: 'a', dueAt: null }, ({ change }) => ({ type: 'task.updated', payload: change })),
    );
    expect(same.changed).toBe(false);
    expect(await trail('t-1')).toHaveLength(0);
    expect(await events('t-1')).toHaveLength(0);

    const diff = await command(database.db, clock, { entity: 'task', actorId: null }, (cmd) =>
      cmd.updated('t-1', { title: 'a', due_at: null }, { title: 'b', due_at: null }, ({ change }) => ({ type: 'task.updated', payload: change })),
    );
    expect(diff.change).toEqual({ changed: ['title'], before: { title: 'a' }, after: { title: 'b' } });
    const [audit] = await trail('t-1');
    expect([audit.action, JSON.parse(audit.before!), JSON.parse(audit.after!)]).toEqual(['update', { title: 'a' }, { title: 'b' }]);
    const [event] = await events('t-1');
    expect(JSON.parse(event.payload)).toEqual({ changed: ['title'], before: { title: 'a' }, after: { title: 'b' } });
  });
});
