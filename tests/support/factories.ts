import type { Db } from '../../server/db/index.js';
import type { DealsTable, Role } from '../../server/db/schema.js';
import type { Clock } from '../../server/core/clock.js';
import { hashPassword } from '../../server/core/passwords.js';
import { newId } from '../../server/core/ids.js';

let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hashPassword('password123'));

export interface TestOrg {
  teams: { company: string; east: string; eastTeam1: string; eastTeam2: string; south: string; southTeam: string };
  users: Record<'admin' | 'director' | 'rmEast' | 'leadEast1' | 'sellerA' | 'sellerA2' | 'sellerB' | 'support' | 'finance', { id: string; username: string }>;
}

/**
 * A small company tree used by API tests:
 * company → 华东 (east) → east team 1 (lead + sellerA + sellerA2), east team 2; company → 华南 (south) → south team (sellerB).
 */
export async function buildOrg(db: Db, clock: Clock): Promise<TestOrg> {
  const now = clock.now().toISOString();
  const team = async (name: string, kind: string, parentPath: string | null) => {
    const id = newId();
    const path = `${parentPath ?? '/'}${id}/`;
    await db.insertInto('teams').values({ id, parent_id: parentPath ? parentPath.split('/').at(-2)! : null, name, kind, path, created_at: now }).execute();
    return { id, path };
  };
  const company = await team('康捷医疗', 'company', null);
  const east = await team('华东大区', 'region', company.path);
  const eastTeam1 = await team('华东一组', 'team', east.path);
  const eastTeam2 = await team('华东二组', 'team', east.path);
  const south = await team('华南大区', 'region', company.path);
  const southTeam = await team('华南一组', 'team', south.path);
  const hash = await passwordHash();
  const user = async (username: string, role: Role, t: { id: string; path: string }) => {
    const id = newId();
    await db
      .insertInto('users')
      .values({ id, username, display_name: username, password_hash: hash, role, team_id: t.id, team_path: t.path, phone: null, email: null, active: 1, created_at: now, updated_at: now })
      .execute();
    return { id, username };
  };
  return {
    teams: { company: company.id, east: east.id, eastTeam1: eastTeam1.id, eastTeam2: eastTeam2.id, south: south.id, southTeam: southTeam.id },
    users: {
      admin: await user('admin', 'admin', company),
      director: await user('director', 'director', company),
      rmEast: await user('rm_east', 'regional_manager', east),
      leadEast1: await user('lead_east1', 'lead', eastTeam1),
      sellerA: await user('seller_a', 'seller', eastTeam1),
      sellerA2: await user('seller_a2', 'seller', eastTeam1),
      sellerB: await user('seller_b', 'seller', southTeam),
      support: await user('support', 'support', company),
      finance: await user('finance', 'finance', company),
    },
  };
}

/** A customer row written straight into the table (no API, no audit), owned by `ownerId` in that user's team. */
export async function insertCustomerRow(db: Db, clock: Clock, ownerId: string, name: string): Promise<string> {
  const owner = await db.selectFrom('users').select('team_path').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const now = clock.now().toISOString();
  const id = newId();
  await db
    .insertInto('customers')
    .values({ id, kind: 'company', name, phone: null, phone_normalized: null, region: null, industry: null, source: null, level: null, credit_code: null, owner_id: ownerId, team_path: owner.team_path, custom: '{}', created_at: now, updated_at: now, deleted_at: null })
    .execute();
  return id;
}

/**
 * `count` open deals written straight into the table for one owner and customer (no API, no audit, no history), in
 * multi-row inserts; `at(i)` gives each one's created/updated/stage-entered instant. Returns their ids in order.
 */
export async function insertDealRows(db: Db, o: { ownerId: string; customerId: string; pipelineId: string; count: number; at: (i: number) => string; extra?: Partial<DealsTable> }): Promise<string[]> {
  const owner = await db.selectFrom('users').select('team_path').where('id', '=', o.ownerId).executeTakeFirstOrThrow();
  const rows: DealsTable[] = [];
  for (let i = 0; i < o.count; i++) {
    const when = o.at(i);
    rows.push({
      id: newId(), title: `批量商机 ${String(i).padStart(4, '0')}`, customer_id: o.customerId, pipeline_id: o.pipelineId, stage_key: i % 2 ? 'first_touch' : 'lead_assignment',
      status: 'open', owner_id: o.ownerId, team_path: owner.team_path, amount_fen: (i % 7) * 1000, expected_close_date: i % 3 ? `2027-01-${String((i % 28) + 1).padStart(2, '0')}` : null,
      checklist: '{}', custom: '{}', stage_entered_at: when, created_at: when, updated_at: when, ...o.extra,
    });
  }
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('deals').values(rows.slice(i, i + 200)).execute();
  return rows.map((r) => r.id);
}

/**
 * One open deal written straight to the table (in the first pipeline, made if there is none), for tests of something
 * else than the deals API: activities and their exports.
 */
export async function insertDeal(t: { db: Db; clock: Clock }, customerId: string, ownerId: string, title: string): Promise<string> {
  const owner = await t.db.selectFrom('users').select('team_path').where('id', '=', ownerId).executeTakeFirstOrThrow();
  let pipeline = await t.db.selectFrom('pipelines').select('id').executeTakeFirst();
  const now = t.clock.now().toISOString();
  if (!pipeline) {
    pipeline = { id: newId() };
    await t.db.insertInto('pipelines').values({ id: pipeline.id, key: 'b2b', name: 'B2B', name_en: null, template_key: null, definition: '{"stages":[]}', version: 1, archived: 0, created_at: now, updated_at: now }).execute();
  }
  const id = newId();
  await t.db
    .insertInto('deals')
    .values({ id, title, customer_id: customerId, pipeline_id: pipeline.id, stage_key: 'lead', status: 'open', owner_id: ownerId, team_path: owner.team_path, amount_fen: 100000, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now })
    .execute();
  return id;
}
