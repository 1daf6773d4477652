/**
 * PostgreSQL only: three worker processes run every registered job (the `patterns` consumer among them) against one
 * schema. Five open deals each log three price confirmations without the technical comparison (the planted risk
 * pattern): every flag is raised exactly once — one `deal_risk_flags` row, one `risk.flagged` event and one notice to
 * the seller and one to their lead per flag — whichever process consumed the events.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { seedPredictiveHistory } from '../support/predictive-fixture.js';
import { countRows, killAll, startWorkers, stepAll, until } from '../support/worker-fleet.js';
import type { Child } from '../support/processes.js';

const DEALS = 5;

describe('live risk flags are raised once across three worker processes (PostgreSQL)', () => {
  let t: TestContext;
  let children: Child[] = [];

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z', config: { sessionTtlHours: 24 * 365 } });
    expect(t.dialect, 'this test needs PostgreSQL (TEST_DB=postgres)').toBe('postgres');
  }, 60_000);
  afterAll(async () => {
    await killAll(children);
    await t?.close();
  });

  it('each flag once: one row, one event, one notice per recipient', async () => {
    const world = await seedPredictiveHistory(t);
    const admin = await t.as('admin');
    const seller = await t.as('seller_a');
    expect((await admin({ method: 'POST', url: '/api/patterns/mine', payload: { pipelineId: world.pipelineId } })).json()).toMatchObject({ coldStart: false });
    const owner = world.owners[0];
    const ids: string[] = [];
    for (let i = 0; i < DEALS; i++) {
      const now = t.clock.now().toISOString();
      const id = newId();
      await t.db.insertInto('deals').values({ id, title: `多进程风险商机${i}`, customer_id: owner.customerId, pipeline_id: world.pipelineId, stage_key: 'quote', status: 'open', owner_id: owner.id, team_path: owner.teamPath, amount_fen: 2_000_000, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now }).execute();
      await t.db.insertInto('deal_stage_history').values({ id: newId(), deal_id: id, stage_key: 'quote', entered_at: now, left_at: null, entered_by: owner.id, direction: 'created', skip_reason: null }).execute();
      for (let k = 0; k < 3; k++) {
        t.clock.advance(60_000);
        const res = await seller({ method: 'POST', url: '/api/activities', payload: { customerId: owner.customerId, dealId: id, type: 'call', summary: '价格确认', outcome: '客户有回应', tags: ['price_confirmation'] } });
        expect(res.statusCode, res.body).toBe(201);
      }
      ids.push(id);
    }
    const pattern = ((await admin({ method: 'GET', url: `/api/patterns?pipelineId=${world.pipelineId}` })).json() as { id: string; surfaced: boolean; description: string }[]).find((p) => p.surfaced && p.description.includes('技术参数对比'))!;
    children = await startWorkers(t.db, 3);
    // Past the consumers' 5-minute watermark margin, so every process may see every event.
    stepAll(children, new Date(t.clock.now().getTime() + 10 * 60_000).toISOString());
    const inDeals = sql`deal_id in (${sql.join(ids)})`;
    await until('a flag of the planted pattern on every deal', async () => (await countRows(t.db, 'deal_risk_flags', sql`${inDeals} and pattern_id = ${pattern.id}`)) === DEALS, 120_000);
    // Let the fleet run on: nothing more may appear.
    stepAll(children, new Date(t.clock.now().getTime() + 20 * 60_000).toISOString());
    await new Promise((r) => setTimeout(r, 2_000));
    const flags = await t.db.selectFrom('deal_risk_flags').select(['id', 'deal_id', 'source_key']).where('deal_id', 'in', ids).execute();
    expect(new Set(flags.map((f) => `${f.deal_id}|${f.source_key}`)).size).toBe(flags.length);
    expect(await countRows(t.db, 'events', sql`type = 'risk.flagged' and entity_id in (${sql.join(ids)})`)).toBe(flags.length);
    const notes = await t.db.selectFrom('notifications').select(['idempotency_key', 'user_id']).where('idempotency_key', 'like', 'risk:%').execute();
    const ours = notes.filter((n) => flags.some((f) => n.idempotency_key.startsWith(`risk:${f.id}:`)));
    expect(ours).toHaveLength(flags.length * 2);
    expect(new Set(ours.map((n) => n.user_id))).toEqual(new Set([t.org.users.sellerA.id, t.org.users.leadEast1.id]));
  }, 300_000);
});
