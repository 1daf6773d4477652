import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeEvents, type StoredEvent } from '../../server/core/consumers.js';
import { emitEvent } from '../../server/core/events.js';
import { setupTestApp, type TestContext } from '../support/app.js';

describe('domain event consumption', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(async () => t?.close());

  const emit = (n: number) =>
    t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) {
        await emitEvent(trx, t.clock, { type: 'deal.created', entity: 'deal', entityId: `d${i}`, actorId: null, payload: { pipelineId: 'p', stageKey: 's', ownerId: 'o', customerId: `c${i}` } });
      }
    });

  it('hands every event to each consumer exactly once, in order, even when two consumers run concurrently', async () => {
    await emit(30);
    const seen: StoredEvent[] = [];
    const handler = async (_trx: unknown, e: StoredEvent) => {
      seen.push(e);
    };
    const [a, b] = await Promise.all([
      consumeEvents(t.db, t.clock, 'test-consumer', handler),
      consumeEvents(t.db, t.clock, 'test-consumer', handler),
    ]);
    expect(a + b).toBe(30);
    expect(new Set(seen.map((e) => e.id)).size).toBe(30);
    expect(seen.length).toBe(30);
    expect(await consumeEvents(t.db, t.clock, 'test-consumer', handler)).toBe(0);
    // Another consumer has its own bookkeeping.
    expect(await consumeEvents(t.db, t.clock, 'other-consumer', async () => {})).toBe(30);
  });

  it('retries an event whose handler failed, with none of its writes kept', async () => {
    await emit(1);
    let calls = 0;
    const failing = async (trx: Parameters<Parameters<typeof consumeEvents>[3]>[0]) => {
      calls++;
      await trx.insertInto('audit_log').values({ id: `a${calls}`, entity: 'x', entity_id: 'y', action: 'probe', actor_id: null, at: 'now', before: null, after: null }).execute();
      if (calls === 1) throw new Error('boom');
    };
    await expect(consumeEvents(t.db, t.clock, 'flaky', failing, { types: ['deal.created'] })).rejects.toThrow('boom');
    expect(await t.db.selectFrom('audit_log').where('action', '=', 'probe').select('id').execute()).toHaveLength(0);
    const processed = await consumeEvents(t.db, t.clock, 'flaky', failing);
    expect(processed).toBe(31);
    expect(await t.db.selectFrom('audit_log').where('action', '=', 'probe').select('id').execute()).toHaveLength(31);
  });

  it('claims a poll in chunks, one transaction each: a failure commits the events before it and nothing after', async () => {
    // 120 new events for a fresh consumer: chunks of 50, 50 and 20. The 75th fails once.
    await emit(120);
    const all = await t.db.selectFrom('events').select('id').orderBy('seq').execute();
    const target = all.slice(-120);
    const failing = target[74].id;
    let failed = false;
    const seen: string[] = [];
    const handler = async (trx: Parameters<Parameters<typeof consumeEvents>[3]>[0], e: StoredEvent) => {
      // A write per event, to show it commits with the consumption row or not at all.
      await trx.insertInto('audit_log').values({ id: `chunk-${e.id}`, entity: 'x', entity_id: e.id, action: 'chunk', actor_id: null, at: 'now', before: null, after: null }).execute();
      if (e.id === failing && !failed) {
        failed = true;
        throw new Error('boom');
      }
      seen.push(e.id);
    };
    const consumer = 'chunked';
    // Skip the history before these 120 (earlier tests' events) so the numbers below are exact.
    const skipped = await consumeEvents(t.db, t.clock, consumer, async () => {}, { batch: all.length - 120 });
    expect(skipped).toBe(all.length - 120);
    await expect(consumeEvents(t.db, t.clock, consumer, handler, { chunk: 50 })).rejects.toThrow('boom');
    const committed = async () => (await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'chunk').execute()).map((r) => r.entity_id);
    const consumed = async () =>
      (await t.db.selectFrom('event_consumptions').select('event_id').where('consumer', '=', consumer).where('event_id', 'in', target.map((e) => e.id)).execute()).map((r) => r.event_id);
    // The first chunk and the second chunk's first 24 events are done; the failing one and everything after are not.
    expect((await committed()).sort()).toEqual(target.slice(0, 74).map((e) => e.id).sort());
    expect((await consumed()).sort()).toEqual(target.slice(0, 74).map((e) => e.id).sort());
    // The next poll takes the rest, each exactly once.
    expect(await consumeEvents(t.db, t.clock, consumer, handler, { chunk: 50 })).toBe(46);
    expect((await committed()).sort()).toEqual(target.map((e) => e.id).sort());
    // A handler may run again for an event whose chunk rolled back; what it wrote committed once (one row per event).
    expect(await committed()).toHaveLength(120);
    expect(new Set(seen)).toEqual(new Set(target.map((e) => e.id)));
    expect(await consumeEvents(t.db, t.clock, consumer, handler)).toBe(0);
  });
});
