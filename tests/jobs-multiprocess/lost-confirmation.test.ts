/**
 * PostgreSQL only (issue 15 point 2): a seller's lost move above the org's amount waits as a `lost_confirmation`
 * approval; the lead's grant reaches three server processes at once, twice each (a double tap, a retry through the
 * load balancer). Exactly one decision is taken and the deal enters the lost stage exactly once: one stage-history
 * row, one `deal.stage_changed` event, one audit entry of the move; every other request is refused as a conflict.
 * Worker jobs run beside them over the same schema (the approvals job included) and add nothing.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, TEST_PASSWORD, type TestContext } from '../support/app.js';
import { startChild, stopChildren, type Child } from '../support/processes.js';
import { killAll, startWorkers, stepAll } from '../support/worker-fleet.js';

const PROCESSES = 3;
const PER_PROCESS = 2;
const decideScript = fileURLToPath(new URL('./decide-worker.ts', import.meta.url));

describe('a granted lost confirmation moves the deal once across server processes (PostgreSQL)', () => {
  let t: TestContext;
  const children: Child[] = [];

  beforeAll(async () => {
    t = await setupTestApp({ config: { sessionTtlHours: 24 * 365 } });
    expect(t.dialect, 'this test needs PostgreSQL (TEST_DB=postgres)').toBe('postgres');
  }, 60_000);

  afterAll(async () => {
    await killAll(children);
    await t?.close();
  });

  const count = async (table: string, where = sql`true`) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(t.db)).rows[0].n);

  it('one decision, one move, one event; the other five grants are conflicts', async () => {
    const admin = await t.as('admin');
    const seller = await t.as('seller_a');
    expect((await admin({ method: 'PUT', url: '/api/deal-settings', payload: { lostConfirmAboveFen: 10_000_000 } })).statusCode).toBe(200);
    const customer = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '多进程输单医院' } })).json();
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    const deal = await seller({ method: 'POST', url: '/api/deals', payload: { title: '多进程输单', customerId: customer.id, pipelineId: 'b2b_six_step', amountFen: 50_000_000 } });
    expect(deal.statusCode, deal.body).toBe(201);
    const dealId: string = deal.json().id;
    const lostStage = 'lost';
    const asked = await seller({ method: 'POST', url: `/api/deals/${dealId}/move`, payload: { toStage: lostStage, lostReason: 'price' } });
    expect(asked.statusCode, asked.body).toBe(202);
    const approvalId: string = asked.json().pendingApproval.id;
    const entered = sql`deal_id = ${dealId} and stage_key = ${lostStage}`;
    expect(await count('deal_stage_history', entered)).toBe(0);

    // The lead's session cookie, as their browser sends it to whichever process answers.
    const lead = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lead_east1', password: TEST_PASSWORD } });
    const cookie = `af_session=${lead.cookies.find((c) => c.name === 'af_session')!.value}`;

    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0].s;
    const at = t.clock.now().toISOString();
    const servers = Array.from({ length: PROCESSES }, (_, i) => startChild(decideScript, { JOBS_TEST_SCHEMA: schema, DECIDE_AT: at }, `server ${i + 1}`));
    children.push(...servers);
    await Promise.all(servers.map((c) => c.waitFor((l) => l === 'ready')));
    const workers = await startWorkers(t.db, 2);
    children.push(...workers);
    stepAll(workers, at);

    const answers = servers.map((c) => c.waitFor((l) => l.startsWith('{"answers"')));
    for (const c of servers) c.proc.stdin.write(`decide ${approvalId} ${cookie} ${PER_PROCESS}\n`);
    const results = (await Promise.all(answers)).flatMap((l) => (JSON.parse(l) as { answers: Array<{ status: number; code?: string }> }).answers);
    await stopChildren(children);

    expect(results).toHaveLength(PROCESSES * PER_PROCESS);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(r).toEqual({ status: 409, code: 'CONFLICT' });

    const after = (await seller({ method: 'GET', url: `/api/deals/${dealId}` })).json();
    expect(after).toMatchObject({ status: 'lost', stageKey: lostStage, lostReason: 'price' });
    expect(await count('deal_stage_history', entered)).toBe(1);
    expect(await count('events', sql`type = 'deal.stage_changed' and entity_id = ${dealId}`)).toBe(1);
    expect(await count('approval_assignees', sql`status = 'approved' and request_id = ${approvalId}`)).toBe(1);
    const request = (await seller({ method: 'GET', url: `/api/approvals/${approvalId}` })).json();
    expect(request.status).toBe('approved');
  }, 180_000);
});
