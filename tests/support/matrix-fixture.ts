/**
 * The records the authorization matrix (tests/api/authorization-matrix.test.ts) works on: the same set of records
 * created through the API by three sellers — seller_a (华东一组), seller_a2 (seller_a's teammate) and seller_b (华南) —
 * plus per-user rows (tokens, notifications, imports) and one row of each configuration table. The matrix itself
 * finds ids in the database through the record registry, so this file only has to make rows exist: a module that
 * adds a scoped table with routes makes the matrix fail ("no row … outside the scope of …") until it is added here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemActor } from '../../server/core/policy.js';
import { newId } from '../../server/core/ids.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import type { Requester, TestContext } from './app.js';
import { multipart } from './imports.js';
import { addPresales, addType } from './workorders.js';

/** Distinctive deal amounts (fen): searched for in every answer to a role that may not see amounts. */
export const MATRIX_AMOUNTS = [987_654_321, 876_543_219, 765_432_198];

export interface MatrixFixture {
  /** Users who own fixture records; the matrix classifies each record per role with the policy's own `inScope`. */
  owners: string[];
  /** A user any body naming a user (`ownerId`, `toUserId`, …) points at: seller_a, inside every scope but the peers'. */
  userId: string;
  /** seller_a's team (华东一组), for `team` / `store` filters. */
  teamId: string;
  pipelineId: string;
  stageKey: string;
}

/** Shanghai wall-clock time → stored UTC instant. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string): Promise<{ id: string } & Record<string, unknown>> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`matrix fixture: ${what} → ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json() as { id: string } & Record<string, unknown>;
}

export async function buildMatrixFixture(t: TestContext): Promise<MatrixFixture> {
  await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
  const pipelineId = 'b2b_six_step';
  const admin = await t.as('admin');
  await addPresales(t);
  await addType(t, { key: 'presales', name: '售前支持', nameEn: 'Presales', team: '售前支持部', response: '4bh', resolution: '8bh', warnShare: 0.75 });

  // Configuration rows, one of each kind the API addresses by id.
  await ok(admin({ method: 'POST', url: '/api/custom-fields', payload: { entity: 'customer', key: 'matrix_note', label: '矩阵备注', type: 'text' } }), 'custom field');
  const channel = await ok(admin({ method: 'POST', url: '/api/channels', payload: { kind: 'wecom', name: '矩阵机器人', secrets: { webhookUrl: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k' } } }), 'channel');
  await ok(admin({ method: 'POST', url: '/api/dashboard-subscriptions', payload: { name: '矩阵周报', metrics: ['funnel'], channels: [channel.id] } }), 'dashboard subscription');
  await ok(admin({ method: 'POST', url: '/api/rules', payload: { key: 'matrix_rule', name: '矩阵规则', trigger: { type: 'record.created', entity: 'deal' }, actions: [{ type: 'notify', config: { recipients: ['owner'], title: '{{record.title}} {{record.amountFen | yuan}}' } }] } }), 'rule');
  // A platform app whose every address is a closed local port: the matrix's test/sync calls never leave the machine.
  const local = 'http://127.0.0.1:9';
  await ok(admin({ method: 'POST', url: '/api/platforms', payload: { platform: 'feishu', name: '矩阵飞书', settings: { appId: 'cli_matrix', baseUrl: local, apiBaseUrl: local, loginBaseUrl: local }, secrets: { secret: 'matrix-secret-0001' } } }), 'platform');
  const cadence = readFileSync(join(import.meta.dirname, '../../templates/cadences/golden-seven-days.yaml'), 'utf8');
  await ok(admin({ method: 'POST', url: '/api/cadences/import', payload: cadence, headers: { 'content-type': 'text/yaml' } }), 'cadence');
  await ok(admin({ method: 'POST', url: '/api/import-presets', payload: { name: '矩阵映射', headers: ['名称'], mapping: ['name'] } }), 'import preset');

  const users = t.org.users;
  const sellers: Array<[string, string, number]> = [
    ['seller_a', users.sellerA.id, 0],
    ['seller_a2', users.sellerA2.id, 1],
    ['seller_b', users.sellerB.id, 2],
  ];
  const customers: string[] = [];
  for (const [username, userId, n] of sellers) {
    const as: Requester = await t.as(username);
    const customer = await ok(as({ method: 'POST', url: '/api/customers', payload: { name: `矩阵客户${n}号医院`, phone: `1390000100${n}` } }), `${username} customer`);
    customers.push(customer.id);
    await ok(as({ method: 'POST', url: `/api/customers/${customer.id}/aliases`, payload: { alias: `矩阵别名${n}` } }), `${username} customer alias`);
    await ok(as({ method: 'POST', url: `/api/customers/${customer.id}/contacts`, payload: { name: `联系人${n}` } }), `${username} contact`);
    const deal = await ok(as({ method: 'POST', url: '/api/deals', payload: { title: `矩阵商机${n}`, customerId: customer.id, pipelineId, amountFen: MATRIX_AMOUNTS[n] } }), `${username} deal`);
    await ok(as({ method: 'POST', url: '/api/activities', payload: { type: 'call', customerId: customer.id, dealId: deal.id, summary: `矩阵拜访${n}` } }), `${username} activity`);
    await ok(as({ method: 'POST', url: '/api/tasks', payload: { title: `矩阵任务${n}`, customerId: customer.id, dealId: deal.id } }), `${username} task`);
    await ok(as({ method: 'POST', url: '/api/appointments', payload: { phone: `1370000200${n}`, at: sh(`2026-11-0${3 + n}T15:00:00`) } }), `${username} appointment`);
    await ok(as({ method: 'POST', url: '/api/attachments', ...multipart({ entity: 'customer', entityId: customer.id, kind: 'other' }, { name: `矩阵${n}.pdf`, content: Buffer.from(`%PDF-1.4\n%${n}\n%%EOF\n`) }) }), `${username} attachment`);
    await ok(as({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: deal.id }, values: { netPriceFen: MATRIX_AMOUNTS[n] } } }), `${username} approval`);
    await ok(as({ method: 'POST', url: '/api/work-orders', payload: { type: 'presales', subject: { type: 'deal', id: deal.id }, title: `矩阵工单${n}` } }), `${username} work order`);
    // A contract on the deal (its amount is the deal's: searched for in support's answers), a payment and a claim.
    const contract = await ok(as({ method: 'POST', url: '/api/contracts', payload: { dealId: deal.id, signedAt: '2026-11-01', amountFen: MATRIX_AMOUNTS[n], plan: [{ dueDate: '2026-12-01', amountFen: MATRIX_AMOUNTS[n], method: 'wire' }] } }), `${username} contract`);
    await ok((await t.as('finance'))({ method: 'POST', url: `/api/contracts/${contract.id}/payments`, payload: { amountFen: 1_000, receivedOn: '2026-11-01', method: 'wire', reference: `矩阵${n}` } }), `${username} payment`);
    await ok(as({ method: 'POST', url: `/api/contracts/${contract.id}/claims`, payload: { amountFen: 2_000, claimedOn: '2026-11-01' } }), `${username} payment claim`);
    await ok(as({ method: 'POST', url: '/api/material-links', payload: { url: 'https://example.com/case.mp4', customerId: customer.id, title: `矩阵资料${n}`, expiresAt: '2026-12-31T00:00:00.000Z' } }), `${username} material link`);
    await ok(as({ method: 'POST', url: '/api/contracts', payload: { dealId: deal.id, signedAt: '2026-11-01', amountFen: MATRIX_AMOUNTS[n], split: { parts: 3, firstDueDate: '2026-12-01', method: 'wire' } } }), `${username} contract`);
    await ok(as({ method: 'POST', url: '/api/imports', ...multipart({}, { name: `矩阵${n}.csv`, content: Buffer.from(`名称,电话\n矩阵导入${n},1360000300${n}\n`) }) }), `${username} import`);
    // A retention plan, as the health engine opens one when the customer turns red.
    await t.db
      .insertInto('health_retention_plans')
      .values({ id: newId(), customer_id: customer.id, owner_id: userId, team_path: (await t.db.selectFrom('users').select('team_path').where('id', '=', userId).executeTakeFirstOrThrow()).team_path, cause_event_id: newId(), status: 'open', required: '[]', evidence: '{}', plan: null, due_at: t.clock.now().toISOString(), filed_at: null, filed_by: null, escalated_at: null, created_at: t.clock.now().toISOString(), updated_at: t.clock.now().toISOString() })
      .execute();
    // An SLA intervention on the deal, as the SLA engine writes it (no route creates one).
    const now = t.clock.now().toISOString();
    const timerId = newId();
    await t.db
      .insertInto('sla_timers')
      .values({ id: timerId, subject_type: 'deal', subject_id: deal.id, kind: 'stage_dwell', stage_key: null, ladder: '[]', anchor_at: now, next_level: 2, due_at: null, last_due_at: now, level_reached: 1, colour: 'red', status: 'exhausted', cancel_reason: null, team_id: null, created_at: now, updated_at: now })
      .execute();
    await t.db
      .insertInto('sla_interventions')
      .values({ id: newId(), timer_id: timerId, level: 1, user_id: userId, subject_type: 'deal', subject_id: deal.id, status: 'open', note: null, created_at: t.clock.now().toISOString(), resolved_at: null, resolved_by: null })
      .execute();
  }
  // A month's random call-back draw per team (issue 16), with each seller's customer drawn: results are recorded on them.
  for (const [team, members] of [[t.org.teams.eastTeam1, [0, 1]], [t.org.teams.southTeam, [2]]] as const) {
    const drawId = newId();
    await t.db.insertInto('callback_draws').values({ id: drawId, team_id: team, month: '2026-10', seed: 'matrix', share_bp: 500, population: members.length, checker_id: null, task_id: null, created_at: t.clock.now().toISOString() }).execute();
    for (const n of members) {
      await t.db.insertInto('callback_items').values({ id: newId(), draw_id: drawId, customer_id: customers[n]!, seller_id: sellers[n]![1], activity_ids: '[]' }).execute();
    }
  }
  // An ownership conflict: seller_a asks for seller_b's customer.
  await ok((await t.as('seller_a'))({ method: 'POST', url: `/api/customers/${customers[2]}/transfer-requests`, payload: { reason: '矩阵' } }), 'transfer request');
  // Delegations: a lead's (inside the regional manager's subtree, outside a seller's scope) and the director's
  // (outside the regional manager's subtree).
  for (const username of ['lead_east1', 'rm_east', 'director']) {
    const to = username === 'director' ? users.admin.id : users.director.id;
    await ok((await t.as(username))({ method: 'POST', url: '/api/approval-delegations', payload: { toUserId: to, startsOn: '2026-11-02', endsOn: '2026-11-03', note: '矩阵' } }), `${username} delegation`);
  }
  // Per-user rows: a notification for everyone, an API token for every role that may hold one.
  const now = t.clock.now().toISOString();
  for (const user of Object.values(users)) {
    await t.db.insertInto('notifications').values({ id: newId(), user_id: user.id, title: '矩阵通知', title_en: null, body: '', body_en: null, link: null, subject_type: null, subject_id: null, read_at: null, created_at: now, idempotency_key: newId() }).execute();
    if (user.username.startsWith('seller')) continue;
    await ok((await t.as(user.username))({ method: 'POST', url: '/api/tokens', payload: { name: `矩阵 ${user.username}` } }), `${user.username} token`);
  }
  // A mined pattern whose drill-down lists the three sellers' deals (modules/patterns writes these in its runs).
  const pipelineRow = await t.db.selectFrom('pipelines').select('id').where('key', '=', pipelineId).executeTakeFirstOrThrow();
  const runId = newId();
  await t.db.insertInto('pattern_runs').values({ id: runId, pipeline_id: pipelineRow.id, settings_version: 1, trigger: 'matrix', slot: null, started_at: now, deals_used: 3, cold_start: 0, card: '{}' }).execute();
  const patternId = newId();
  await t.db
    .insertInto('patterns')
    .values({ id: patternId, pipeline_id: pipelineRow.id, run_id: runId, template: 'no_followup', params: '{}', kind: 'risk', description: '矩阵模式', description_en: 'matrix', suggestion: null, suggestion_en: null, support: 3, outcome_count: 1, outcome_rate: 0.33, ci_low: 0.1, ci_high: 0.6, baseline: 0.3, lift: 1.1, surfaced: 1, mined_at: now })
    .execute();
  for (const deal of await t.db.selectFrom('deals').select('id').where('title', 'like', '矩阵商机%').execute()) {
    await t.db.insertInto('pattern_deals').values({ pattern_id: patternId, deal_id: deal.id, outcome: 'lost', matched_at: now, closed_at: now }).execute();
  }
  const stages = (await ok(admin({ method: 'GET', url: `/api/pipelines/${pipelineId}` }), 'pipeline')) as unknown as { stages: Array<{ key: string }> };
  return { owners: sellers.map(([, id]) => id), userId: users.sellerA.id, teamId: t.org.teams.eastTeam1, pipelineId, stageKey: stages.stages[0].key };
}

