import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { setupTestApp, type TestContext } from '../support/app.js';
import { addUser, insertDeal, insertTask, ownerOf } from '../support/leads.js';
import { newId } from '../../server/core/ids.js';
import { ensureShippedCadences } from '../../server/modules/cadences/service.js';
import { CUSTOMER_REFERENCES, type CustomerTable } from '../../server/modules/leads/merge.js';

describe('leads: duplicates, ownership conflicts, assignment', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await setupTestApp();
    const a = await t.as('seller_a');
    const res = await a({
      method: 'POST',
      url: '/api/customers',
      payload: { name: '杭州康捷医疗科技有限公司', phone: '+86 138-0013-8000', creditCode: '91330100MA2ABCDE1X', region: '华东' },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.kangjie = res.json().id;
  });
  afterAll(async () => t?.close());

  const post = async (username: string, url: string, payload: unknown) => (await t.as(username))({ method: 'POST', url, payload: payload as Record<string, unknown> });

  it('answers 409 DUPLICATE_CUSTOMER naming the owner, on name, phone and credit code variants', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ name: '杭州 康捷医疗科技 有限 公司' }, ['name']],
      [{ name: '杭州康捷医疗科技（有限公司）' }, ['name']],
      [{ name: '另一家公司', phone: '0086 138 0013 8000' }, ['phone']],
      [{ name: '第三家公司', creditCode: ' 91330100ma2abcde1x ' }, ['creditCode']],
      [{ name: '杭州康捷医疗科技股份有限公司', phone: '13800138000' }, ['phone', 'name']],
    ];
    for (const [payload, matchedOn] of cases) {
      const res = await post('seller_b', '/api/customers', payload);
      expect(res.statusCode, res.body).toBe(409);
      const error = res.json().error;
      expect(error.code).toBe('DUPLICATE_CUSTOMER');
      expect(error.customer).toBe(ids.kangjie);
      expect(error.owner).toEqual({ id: t.org.users.sellerA.id, name: 'seller_a', team: { id: t.org.teams.eastTeam1, name: '华东一组' } });
      expect(error.matchedOn).toEqual(matchedOn);
      expect(error.yours).toBe(false);
      expect(error.message).toContain('seller_a');
    }
    expect(await t.db.selectFrom('customers').select('id').where('owner_id', '=', t.org.users.sellerB.id).execute()).toHaveLength(0);
  });

  it('tells the owner it is already theirs, and lets people share a name', async () => {
    const own = await post('seller_a', '/api/customers', { name: '杭州康捷医疗科技公司' });
    expect(own.statusCode).toBe(409);
    expect(own.json().error).toMatchObject({ code: 'DUPLICATE_CUSTOMER', yours: true, customer: ids.kangjie });
    expect((await post('seller_a', '/api/customers', { kind: 'person', name: '张伟' })).statusCode).toBe(201);
    expect((await post('seller_b', '/api/customers', { kind: 'person', name: '张伟' })).statusCode).toBe(201);
  });

  it('transfer request → conflict queue → keep leaves the owner', async () => {
    const bad = await post('seller_b', `/api/customers/${ids.kangjie}/transfer-requests`, { reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('reason');
    expect((await post('seller_a', `/api/customers/${ids.kangjie}/transfer-requests`, { reason: 'mine' })).statusCode).toBe(422);
    const req = await post('seller_b', `/api/customers/${ids.kangjie}/transfer-requests`, { reason: '客户在广州设分厂，由我跟进' });
    expect(req.statusCode, req.body).toBe(201);
    ids.conflict1 = req.json().id;
    expect((await post('seller_b', `/api/customers/${ids.kangjie}/transfer-requests`, { reason: 'again' })).statusCode).toBe(409);

    const queue = async (username: string) => (await (await t.as(username))({ method: 'GET', url: '/api/ownership-conflicts' })).json().items.map((c: { id: string }) => c.id);
    expect(await queue('lead_east1')).toEqual([ids.conflict1]); // manager of the owner
    expect(await queue('seller_b')).toEqual([ids.conflict1]); // the requester
    expect(await queue('seller_a2')).toEqual([]);

    expect((await post('seller_a', `/api/ownership-conflicts/${ids.conflict1}/resolve`, { action: 'keep' })).statusCode).toBe(403);
    const kept = await post('lead_east1', `/api/ownership-conflicts/${ids.conflict1}/resolve`, { action: 'keep', note: '已有跟进记录' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ status: 'resolved', resolution: 'keep', note: '已有跟进记录' });
    expect(await ownerOf(t, 'customers', ids.kangjie)).toBe(t.org.users.sellerA.id);
    expect((await post('lead_east1', `/api/ownership-conflicts/${ids.conflict1}/resolve`, { action: 'keep' })).statusCode).toBe(422);
  });

  it('transfer moves the customer with the owner’s open deals and open tasks, not the closed ones', async () => {
    const { sellerA, sellerB } = t.org.users;
    const openDeal = await insertDeal(t, ids.kangjie, sellerA.id);
    const wonDeal = await insertDeal(t, ids.kangjie, sellerA.id, 'won');
    const openTask = await insertTask(t, sellerA.id, { dealId: openDeal });
    const doneTask = await insertTask(t, sellerA.id, { customerId: ids.kangjie }, 'done');
    const conflict = (await post('seller_b', `/api/customers/${ids.kangjie}/transfer-requests`, { reason: '再次申请' })).json().id;
    const res = await post('director', `/api/ownership-conflicts/${conflict}/resolve`, { action: 'transfer', note: '按区域划分' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toEqual({ deals: 1, tasks: 1 });
    expect(await ownerOf(t, 'customers', ids.kangjie)).toBe(sellerB.id);
    expect(await ownerOf(t, 'deals', openDeal)).toBe(sellerB.id);
    expect(await ownerOf(t, 'deals', wonDeal)).toBe(sellerA.id);
    const assignee = async (id: string) => (await t.db.selectFrom('tasks').select('assignee_id').where('id', '=', id).executeTakeFirstOrThrow()).assignee_id;
    expect(await assignee(openTask)).toBe(sellerB.id);
    expect(await assignee(doneTask)).toBe(sellerA.id);
    const b = await t.as('seller_b');
    expect((await b({ method: 'GET', url: `/api/customers/${ids.kangjie}` })).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', 'in', [ids.kangjie, openDeal, openTask, conflict]).execute();
    expect(audit.filter((a) => a.action === 'transfer').map((a) => a.entity).sort()).toEqual(['customer', 'deal', 'task']);
    expect(audit.some((a) => a.entity === 'ownership_conflict' && a.action === 'resolve')).toBe(true);
    const history = await t.db.selectFrom('lead_assignments').selectAll().where('customer_id', '=', ids.kangjie).execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ method: 'transfer', user_id: sellerB.id, previous_owner_id: sellerA.id });
  });

  it('merge moves contacts, deals, activities, tasks and attachments to the survivor and soft-deletes the other', async () => {
    const a = await t.as('seller_a');
    const b = await t.as('seller_b');
    const survivor = (await a({ method: 'POST', url: '/api/customers', payload: { name: '苏州市康复中心有限公司' } })).json().id;
    const dup = (await b({ method: 'POST', url: '/api/customers', payload: { name: '苏州康复中心', phone: '13912345678', level: 'B' } })).json().id;
    const contact = (await b({ method: 'POST', url: `/api/customers/${dup}/contacts`, payload: { name: '李主任' } })).json().id;
    const activity = await b({ method: 'POST', url: '/api/activities', payload: { customerId: dup, summary: '电话沟通', effect: 'probed_need' } });
    expect(activity.statusCode, activity.body).toBe(201);
    const deal = await insertDeal(t, dup, t.org.users.sellerB.id);
    const task = await insertTask(t, t.org.users.sellerB.id, { customerId: dup });
    const now = t.clock.now().toISOString();
    await t.db.insertInto('attachments').values({ id: 'att-merge', entity: 'customer', entity_id: dup, kind: 'other', filename: 'a.pdf', mime: 'application/pdf', size: 1, sha256: 'x', uploaded_by: t.org.users.sellerB.id, created_at: now }).execute();
    // Cadence state hangs off the customer too: a run on the duplicate's deal and the customer's opt-out.
    await ensureShippedCadences(t.db, t.clock);
    const cadence = await t.db.selectFrom('cadences').select(['id', 'key']).orderBy('key').executeTakeFirstOrThrow();
    const run = newId();
    await t.db
      .insertInto('cadence_runs')
      .values({ id: run, cadence_id: cadence.id, cadence_key: cadence.key, deal_id: deal, customer_id: dup, stage_key: 's1', anchor_at: now, status: 'stopped', stop_reason: 'opted_out', started_by: t.org.users.sellerB.id, started_at: now, ended_at: now })
      .execute();
    await t.db.insertInto('customer_opt_outs').values({ customer_id: dup, reason: '客户要求不再联系', by: t.org.users.sellerB.id, at: now }).execute();
    const assignment = newId();
    await t.db
      .insertInto('lead_assignments')
      .values({ id: assignment, customer_id: dup, user_id: t.org.users.sellerB.id, previous_owner_id: null, team_id: t.org.teams.southTeam, rule: 'manual', method: 'manual', reason: 'test', actor_id: null, at: now })
      .execute();
    const poolEntry = newId();
    await t.db.insertInto('pool_log').values({ id: poolEntry, customer_id: dup, action: 'claim', user_id: t.org.users.sellerB.id, team_id: t.org.teams.southTeam, reason: 'test', actor_id: t.org.users.sellerB.id, at: now }).execute();
    // Someone else's open request about the duplicate concerns the survivor after the merge.
    const otherRequest = await post('seller_a2', `/api/customers/${dup}/transfer-requests`, { reason: '我也跟过这家' });
    expect(otherRequest.statusCode, otherRequest.body).toBe(201);

    const notMine = await post('seller_b', `/api/customers/${survivor}/transfer-requests`, { reason: '同一家', duplicateId: survivor });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error.fields[0].field).toBe('duplicateId');
    const conflict = (await post('seller_b', `/api/customers/${survivor}/transfer-requests`, { reason: '同一家医院', duplicateId: dup })).json().id;
    const missing = await post('lead_east1', `/api/ownership-conflicts/${conflict}/resolve`, { action: 'merge' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].field).toBe('mergeInto');
    const wrong = await post('lead_east1', `/api/ownership-conflicts/${conflict}/resolve`, { action: 'merge', mergeInto: ids.kangjie });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('mergeInto');

    const res = await post('lead_east1', `/api/ownership-conflicts/${conflict}/resolve`, { action: 'merge', mergeInto: survivor, note: '合并' });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json().outcome.moved as Record<string, number>;
    const expectedMoves: Record<string, number> = {
      contacts: 1,
      deals: 1,
      activities: 1,
      tasks: 1,
      attachments: 1,
      appointments: 0,
      cadence_runs: 1,
      customer_opt_outs: 1,
      lead_assignments: 1,
      pool_log: 1,
      customer_pool: 0,
      ownership_conflicts: 1,
    };
    expect(moved).toMatchObject(expectedMoves);
    // Tables that later modules link to customers are listed too; nothing of theirs existed here to move.
    expect(Object.entries(moved).filter(([table, n]) => !(table in expectedMoves) && n !== 0)).toEqual([]);
    const cadenceRun = await t.db.selectFrom('cadence_runs').select('customer_id').where('id', '=', run).executeTakeFirstOrThrow();
    expect(cadenceRun.customer_id).toBe(survivor);
    expect((await t.db.selectFrom('customer_opt_outs').select('customer_id').execute()).map((r) => r.customer_id)).toEqual([survivor]);
    expect((await t.db.selectFrom('lead_assignments').select('customer_id').where('id', '=', assignment).executeTakeFirstOrThrow()).customer_id).toBe(survivor);
    expect((await t.db.selectFrom('pool_log').select('customer_id').where('id', '=', poolEntry).executeTakeFirstOrThrow()).customer_id).toBe(survivor);
    const requests = await t.db.selectFrom('ownership_conflicts').select(['id', 'customer_id', 'duplicate_id', 'status']).where('id', 'in', [conflict, otherRequest.json().id]).execute();
    expect(requests.find((r) => r.id === conflict)).toMatchObject({ customer_id: survivor, duplicate_id: dup, status: 'resolved' });
    expect(requests.find((r) => r.id !== conflict)).toMatchObject({ customer_id: survivor, status: 'open' });
    // Nothing that names a customer points at the merged record any more.
    for (const table of Object.keys(CUSTOMER_REFERENCES) as CustomerTable[]) {
      const left = await t.db.selectFrom(table as 'contacts').select('customer_id').where('customer_id', '=', dup).execute();
      expect(left, table).toHaveLength(0);
    }
    const customerOf = async (table: 'contacts' | 'deals' | 'activities' | 'tasks', id: string) =>
      (await t.db.selectFrom(table).select('customer_id').where('id', '=', id).executeTakeFirstOrThrow()).customer_id;
    expect(await customerOf('contacts', contact)).toBe(survivor);
    expect(await customerOf('deals', deal)).toBe(survivor);
    expect(await customerOf('activities', activity.json().id)).toBe(survivor);
    expect(await customerOf('tasks', task)).toBe(survivor);
    expect((await t.db.selectFrom('attachments').select('entity_id').where('id', '=', 'att-merge').executeTakeFirstOrThrow()).entity_id).toBe(survivor);
    const rows = await t.db.selectFrom('customers').select(['id', 'deleted_at', 'phone', 'level', 'owner_id']).where('id', 'in', [survivor, dup]).execute();
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[dup]!.deleted_at).not.toBeNull();
    expect(byId[survivor]).toMatchObject({ deleted_at: null, phone: '13912345678', level: 'B', owner_id: t.org.users.sellerA.id });
    expect((await b({ method: 'GET', url: `/api/customers/${dup}` })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select(['entity_id', 'action']).where('action', '=', 'merge').execute();
    expect(audit.map((x) => x.entity_id).sort()).toEqual([survivor, dup, deal].sort());
    // The merged record's phone now belongs to the survivor for duplicate checks.
    const again = await post('seller_b', '/api/customers', { name: '新客户', phone: '139 1234 5678' });
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE_CUSTOMER', customer: survivor });
  });

  it('every table with a customer_id column in the live database has a merge policy', async () => {
    // Catches a migration that adds such a column without a CUSTOMER_REFERENCES entry (schema.ts is checked by tsc).
    // PostgreSQL introspection lists every schema (other test files' too); keep the test's own schema.
    const schema = t.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s : undefined;
    const tables = (await t.db.introspection.getTables()).filter((tb) => !schema || tb.schema === schema);
    const withCustomer = tables.filter((tb) => tb.columns.some((c) => c.name === 'customer_id')).map((tb) => tb.name).sort();
    expect(withCustomer).toContain('cadence_runs');
    expect(withCustomer).toEqual(Object.keys(CUSTOMER_REFERENCES).sort());
  });

  it('assigns leads round robin across three sellers, by region to another team, recorded with rule and reason', async () => {
    await addUser(t, 'seller_a3', t.org.teams.eastTeam1);
    const bad = await (await t.as('admin'))({
      method: 'PUT',
      url: '/api/lead-assignment',
      payload: { rules: [{ key: 'south', name: '华南', when: { regions: ['华南'] }, teamId: 'nope' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('rules.0.teamId');
    const badMethod = await (await t.as('admin'))({ method: 'PUT', url: '/api/lead-assignment', payload: { rules: [], defaultMethod: 'random' } });
    expect(badMethod.statusCode).toBe(400);
    expect(badMethod.json().error.fields[0].field).toBe('defaultMethod');
    expect((await (await t.as('lead_east1'))({ method: 'PUT', url: '/api/lead-assignment', payload: { rules: [] } })).statusCode).toBe(403);

    const put = await (await t.as('admin'))({
      method: 'PUT',
      url: '/api/lead-assignment',
      payload: {
        enabled: true,
        rules: [
          { key: 'south', name: '华南', when: { regions: ['华南'] }, teamId: t.org.teams.southTeam, method: 'least_load' },
          { key: 'east', name: '华东', when: { regions: ['华东'] }, teamId: t.org.teams.eastTeam1, method: 'round_robin' },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);

    // Concurrent creates still take distinct turns: each of the three sellers gets exactly two of six.
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post('admin', '/api/leads', { name: `华东线索${i}`, source: '官网', region: '华东' })),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const owners = results.map((r) => r.json().ownerId as string);
    const counts = new Map<string, number>();
    for (const o of owners) counts.set(o, (counts.get(o) ?? 0) + 1);
    const names = await t.db.selectFrom('users').select(['id', 'username']).where('id', 'in', [...counts.keys()]).execute();
    expect(names.map((n) => n.username).sort()).toEqual(['seller_a', 'seller_a2', 'seller_a3']);
    expect([...counts.values()]).toEqual([2, 2, 2]);

    // Sequential creates walk the sellers in order.
    const seq: string[] = [];
    for (let i = 0; i < 3; i++) seq.push((await post('admin', '/api/leads', { name: `顺序线索${i}`, source: '展会', region: '华东' })).json().ownerId);
    expect(new Set(seq).size).toBe(3);

    const south = await post('admin', '/api/leads', { name: '广州线索', source: '展会', region: '华南' });
    expect(south.json().ownerId).toBe(t.org.users.sellerB.id);
    const record = await t.db.selectFrom('lead_assignments').selectAll().where('customer_id', '=', south.json().id).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ rule: 'south', method: 'least_load', user_id: t.org.users.sellerB.id, team_id: t.org.teams.southTeam });
    expect(record.reason).toContain('region 华南');

    // A lead's own create without ownerId now follows the rules too; a seller still owns what they create.
    const viaLead = await post('lead_east1', '/api/customers', { name: '组长录入客户', region: '华南' });
    expect(viaLead.json().ownerId).toBe(t.org.users.sellerB.id);
    const bySeller = await post('seller_a2', '/api/customers', { name: '自建客户', region: '华南' });
    expect(bySeller.json().ownerId).toBe(t.org.users.sellerA2.id);

    const history = await (await t.as('admin'))({ method: 'GET', url: `/api/lead-assignments?customerId=${south.json().id}` });
    expect(history.json().items[0]).toMatchObject({ rule: 'south', user: { id: t.org.users.sellerB.id } });
  });

  it('imports leads reporting created, duplicate and bad rows', async () => {
    const res = await post('admin', '/api/leads/import', {
      items: [
        { name: '宁波新客户有限公司', source: '展会', region: '华东' },
        { name: '宁波新客户', source: '展会', region: '华东' },
        { name: '杭州康捷医疗科技', source: '展会' },
        { name: '坏行', source: '展会', ownerId: 'nobody' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 1, duplicates: 2, errors: 1 });
    expect(body.results[2]).toMatchObject({ status: 'duplicate', customer: ids.kangjie, matchedOn: ['name'] });
    expect(body.results[3].fields[0].field).toBe('items.3.ownerId');
    const missingSource = await post('admin', '/api/leads', { name: '无来源' });
    expect(missingSource.statusCode).toBe(400);
    expect(missingSource.json().error.fields[0].field).toBe('source');
  });
});
