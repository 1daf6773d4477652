import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeEvents, lowWatermark, WATERMARK_MARGIN_MS } from '../../server/core/consumers.js';
import { emitEvent } from '../../server/core/events.js';
import { newId } from '../../server/core/ids.js';
import { pruneHistory } from '../../server/modules/retention/prune.js';
import { setupTestApp, type TestContext } from '../support/app.js';

const DAY = 86_400_000;

describe('consumer watermarks and retention', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-01-05T02:00:00.000Z' });
  });
  afterAll(async () => t?.close());

  const seen: Record<string, string[]> = { a: [], b: [] };
  const consume = (consumer: 'a' | 'b', batch = 200) =>
    consumeEvents(t.db, t.clock, consumer, async (_trx, e) => void seen[consumer].push(e.id), { batch, types: ['customer.health_changed'] });
  const emit = (n: number) => t.db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await emitEvent(trx, t.clock, { type: 'customer.health_changed', entity: 'customer', entityId: newId(), actorId: null, payload: { i } }));
    return ids;
  });
  const seqOf = async (id: string) => Number((await t.db.selectFrom('events').select('seq').where('id', '=', id).executeTakeFirstOrThrow()).seq);
  const count = async (table: 'events' | 'event_consumptions' | 'outbox' | 'sla_firings') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('keeps a gap-safe low watermark: below unconsumed events and never past events younger than the margin', async () => {
    const ids = await emit(6);
    expect(await consume('a', 4)).toBe(4);
    // Just emitted: another transaction may still commit a lower sequence number, so the watermark stays put.
    expect(await lowWatermark(t.db, 'a')).toBe(0);
    t.clock.advance(WATERMARK_MARGIN_MS + 1000);
    expect(await consume('a', 0)).toBe(0);
    // Settled now, but events 5 and 6 are still to do: the watermark stops right below the 5th.
    expect(await lowWatermark(t.db, 'a')).toBe((await seqOf(ids[4])) - 1);
    expect(await consume('a')).toBe(2);
    expect(await lowWatermark(t.db, 'a')).toBe(await seqOf(ids[5]));
    expect(seen.a).toEqual(ids);
    // Nothing is processed twice, and new events after the watermark are found.
    const more = await emit(2);
    expect(await consume('a')).toBe(2);
    expect(seen.a).toEqual([...ids, ...more]);
  });

  it('prunes old finished history, never what an unfinished consumer still needs', async () => {
    // 'b' has consumed nothing yet: it holds every event, however old.
    t.clock.advance(100 * DAY);
    const total = await count('events');
    expect((await pruneHistory(t.db, t.clock, ['a', 'b'], 90)).events).toBe(0);
    expect(await count('events')).toBe(total);

    // Delivered and pending outbox rows, a fired level of a finished clock and one of a running clock, all old.
    const old = new Date(t.clock.now().getTime() - 95 * DAY).toISOString();
    const outbox = (status: string) => ({ id: newId(), idempotency_key: newId(), channel_id: null, kind: 'webhook', recipient: 'http://example.invalid', payload: '{}', status, attempts: 1, next_attempt_at: old, last_error: null, claimed_by: null, claimed_until: null, created_at: old, sent_at: status === 'sent' ? old : null });
    await t.db.insertInto('outbox').values([outbox('sent'), outbox('pending'), outbox('dead')]).execute();
    const timer = (status: string) => ({ id: newId(), subject_type: 'deal', subject_id: newId(), kind: 'stage_dwell', stage_key: 'x', ladder: '[]', anchor_at: old, next_level: 2, due_at: status === 'active' ? old : null, last_due_at: old, level_reached: 1, colour: 'red', status, cancel_reason: null, team_id: null, created_at: old, updated_at: old });
    const [done, running] = [timer('exhausted'), timer('active')];
    await t.db.insertInto('sla_timers').values([done, running]).execute();
    const firing = (timerId: string) => ({ id: newId(), timer_id: timerId, level: 1, subject_type: 'deal', subject_id: newId(), due_at: old, fired_at: old, recipients: '[]', channels: '[]' });
    await t.db.insertInto('sla_firings').values([firing(done.id), firing(running.id)]).execute();

    // 'b' catches up; a fresh event (inside the retention period) stays whatever happens.
    const [fresh] = await emit(1);
    expect(await consume('a')).toBe(1);
    t.clock.advance(WATERMARK_MARGIN_MS + 1000);
    expect(await consume('b')).toBe(9);
    await consume('a');
    const pruned = await pruneHistory(t.db, t.clock, ['a', 'b'], 90);
    expect(pruned).toEqual({ events: 8, consumptions: 16, outbox: 1, firings: 1 });
    expect((await t.db.selectFrom('events').select('id').where('type', '=', 'customer.health_changed').execute()).map((e) => e.id)).toEqual([fresh]);
    expect((await t.db.selectFrom('outbox').select('status').orderBy('status').execute()).map((r) => r.status)).toEqual(['dead', 'pending']);
    expect((await t.db.selectFrom('sla_firings').select('timer_id').execute()).map((r) => r.timer_id)).toEqual([running.id]);
    // Consumers carry on from their watermark after the prune.
    const [later] = await emit(1);
    expect(await consume('a')).toBe(1);
    expect(seen.a.at(-1)).toBe(later);
  });
});
