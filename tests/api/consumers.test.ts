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
});
