/** Small fixtures for the leads/pool/hand-over tests: extra sellers, deals and tasks inserted directly. */
import { newId } from '../../server/core/ids.js';
import { toJson } from '../../server/core/json.js';
import { pipelineDefinitionSchema } from '../../server/modules/pipelines/definition.js';
import type { InjectOptions } from 'fastify';
import type { Requester, TestContext } from './app.js';

export async function addUser(t: TestContext, username: string, teamId: string, role = 'seller'): Promise<string> {
  const res = await (await t.as('admin'))({ method: 'POST', url: '/api/users', payload: { username, displayName: username, password: 'password123', role, teamId } });
  if (res.statusCode !== 201) throw new Error(`add user ${username}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

let pipelineId: string | null = null;

/** A real definition (parsed by the same schema every write uses): engines that walk pipelines read its stages. */
const LEADS_PIPELINE = toJson(
  pipelineDefinitionSchema.parse({
    key: 'leads_test',
    name: 'B2B',
    stages: [
      { key: 's1', name: '初步接触', probability: 10 },
      { key: 'won', name: '成交', probability: 100, terminal: 'won' },
      { key: 'lost', name: '输单', probability: 0, terminal: 'lost' },
    ],
  }),
);

export async function insertDeal(t: TestContext, customerId: string, ownerId: string, status: 'open' | 'won' | 'lost' = 'open'): Promise<string> {
  const now = t.clock.now().toISOString();
  const existing = await t.db.selectFrom('pipelines').select('id').where('key', '=', 'leads-test').executeTakeFirst();
  pipelineId = existing?.id ?? newId();
  if (!existing) {
    await t.db.insertInto('pipelines').values({ id: pipelineId, key: 'leads-test', name: 'B2B', name_en: null, template_key: null, definition: LEADS_PIPELINE, version: 1, archived: 0, created_at: now, updated_at: now }).execute();
  }
  const owner = await t.db.selectFrom('users').select('team_path').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const id = newId();
  await t.db
    .insertInto('deals')
    .values({ id, title: `deal ${id.slice(0, 4)}`, customer_id: customerId, pipeline_id: pipelineId, stage_key: 's1', status, owner_id: ownerId, team_path: owner.team_path, amount_fen: 0, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function insertTask(t: TestContext, assigneeId: string, links: { customerId?: string; dealId?: string }, status: 'open' | 'done' = 'open'): Promise<string> {
  const now = t.clock.now().toISOString();
  const user = await t.db.selectFrom('users').select('team_path').where('id', '=', assigneeId).executeTakeFirstOrThrow();
  const id = newId();
  await t.db
    .insertInto('tasks')
    .values({ id, title: `task ${id.slice(0, 4)}`, assignee_id: assigneeId, team_path: user.team_path, due_at: null, customer_id: links.customerId ?? null, deal_id: links.dealId ?? null, status, completed_at: status === 'done' ? now : null, created_by: assigneeId, created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function ownerOf(t: TestContext, table: 'customers' | 'deals', id: string): Promise<string> {
  return (await t.db.selectFrom(table).select('owner_id').where('id', '=', id).executeTakeFirstOrThrow()).owner_id;
}

/** A requester with a fresh session: tests that move the clock by days outlive the cached 12-hour sessions. */
export async function login(t: TestContext, username: string): Promise<Requester> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'password123' } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = `af_session=${res.cookies.find((c) => c.name === 'af_session')!.value}`;
  return (req) => t.app.inject({ ...req, headers: { ...(req.headers ?? {}), cookie } } as InjectOptions);
}
