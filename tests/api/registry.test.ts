/**
 * The record registry against the real thing: the tables of a migrated database (both dialects) are exactly the
 * registry's, the columns it names exist, and `GET /api/audit` reads the trail of every audited kind with the
 * caller's scope applied per kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { AUDITED_KINDS, RECORDS, REGISTRY, type AuditedKind } from '../../server/core/entities.js';
import { newId } from '../../server/core/ids.js';
import { recordAudit } from '../../server/core/audit-log.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { insertDeal, insertTask } from '../support/leads.js';

describe('record registry', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(async () => t?.close());

  it('names exactly the tables of the migrated database, and only columns that exist', async () => {
    // Not rows of ours: Kysely's migration bookkeeping, and on SQLite the trigger-maintained FTS5 search index
    // (migration 0013), which no code reads through `Database`.
    const notOurs = (name: string) => name.startsWith('kysely_') || (t.dialect === 'sqlite' && /^search_(docs|fts(_\w+)?)$/.test(name));
    // PostgreSQL introspection lists every schema on the search path; the test's own schema is the current one.
    const schema = t.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s : undefined;
    const tables = (await t.db.introspection.getTables()).filter((tb) => !notOurs(tb.name) && (!schema || tb.schema === schema));
    expect(tables.map((tb) => tb.name).sort()).toEqual(Object.keys(REGISTRY).sort());
    const columns = new Map(tables.map((tb) => [tb.name, new Set(tb.columns.map((c) => c.name))]));
    for (const record of RECORDS) {
      const live = columns.get(record.table)!;
      const named: string[] = [];
      const scope = record.scope;
      if (scope !== 'config') {
        if ('owner' in scope) named.push(scope.owner, scope.teamPath);
        else if ('viaCustomer' in scope) named.push(scope.viaCustomer);
        else named.push(scope.viaRecord.kind, scope.viaRecord.id);
      }
      if (record.rules) named.push(...record.rules.read, ...Object.values(record.rules.settable).map((f) => f.column));
      if (record.handover) named.push(record.handover.owner);
      for (const column of named) expect(live.has(column), `${record.table}.${column}`).toBe(true);
    }
    for (const [table, decision] of Object.entries(REGISTRY)) {
      expect('merge' in decision, `${table}: merge policy iff it has customer_id`).toBe(columns.get(table)!.has('customer_id'));
    }
  });

  it('reads the audit trail of every audited kind, scoped per kind', async () => {
    const sellerA = await t.as('seller_a');
    const now = t.clock.now().toISOString();
    const users = t.org.users;
    const customer = await sellerA({ method: 'POST', url: '/api/customers', payload: { name: '审计测试医院', phone: '13900001111' } });
    expect(customer.statusCode, customer.body).toBe(201);
    const customerId: string = customer.json().id;
    const team = await t.db.selectFrom('users').select('team_path').where('id', '=', users.sellerA.id).executeTakeFirstOrThrow();
    const dealId = await insertDeal(t, customerId, users.sellerA.id);

    /** One real record per audited kind, in seller A's scope where the kind has one; returns its id. */
    const created: Record<AuditedKind, () => Promise<string>> = {
      customer: async () => customerId,
      contact: async () => (await sellerA({ method: 'POST', url: `/api/customers/${customerId}/contacts`, payload: { name: '王主任' } })).json().id,
      deal: async () => dealId,
      activity: async () =>
        (await sellerA({ method: 'POST', url: '/api/activities', payload: { type: 'call', customerId, summary: '电话沟通', occurredAt: now } })).json().id,
      task: async () => (await sellerA({ method: 'POST', url: '/api/tasks', payload: { title: '回访', customerId } })).json().id,
      appointment: async () => {
        const id = newId();
        await t.db
          .insertInto('appointments')
          .values({ id, customer_id: customerId, phone: '13900001111', phone_normalized: '13900001111', store_id: t.org.teams.eastTeam1, team_path: team.team_path, consultant_id: users.sellerA.id, at: now, duration_minutes: 30, note: null, status: 'booked', no_show_due_at: now, no_show_at: null, late: 0, checked_in_at: null, checked_in_by: null, cancelled_at: null, cancelled_by: null, followup_user_id: null, followup_task_id: null, reassigned_at: null, reassigned_by: null, created_by: users.sellerA.id, created_at: now, updated_at: now })
          .execute();
        return id;
      },
      attachment: async () => {
        const id = newId();
        await t.db.insertInto('attachments').values({ id, entity: 'deal', entity_id: dealId, kind: 'other', filename: 'a.pdf', mime: 'application/pdf', size: 1, sha256: 'x', uploaded_by: users.sellerA.id, created_at: now }).execute();
        return id;
      },
      sla_intervention: async () => {
        const [id, timerId, taskId] = [newId(), newId(), await insertTask(t, users.sellerA.id, { customerId })];
        await t.db
          .insertInto('sla_timers')
          .values({ id: timerId, subject_type: 'task', subject_id: taskId, kind: 'task_due', stage_key: null, ladder: '[]', anchor_at: now, next_level: 1, due_at: null, last_due_at: null, level_reached: 1, colour: 'red', status: 'active', cancel_reason: null, created_at: now, updated_at: now })
          .execute();
        await t.db.insertInto('sla_interventions').values({ id, timer_id: timerId, level: 1, user_id: users.leadEast1.id, subject_type: 'task', subject_id: taskId, status: 'open', note: null, created_at: now, resolved_at: null, resolved_by: null }).execute();
        return id;
      },
      ownership_conflict: async () => newId(),
      team: async () => t.org.teams.eastTeam1,
      user: async () => users.sellerA2.id,
      pipeline: async () => newId(),
      custom_field: async () => newId(),
      calendar: async () => 'org',
      team_schedule: async () => t.org.teams.eastTeam1,
      channel: async () => newId(),
      outbox: async () => newId(),
      rule: async () => newId(),
      cadence: async () => newId(),
      digest_settings: async () => t.org.teams.eastTeam1,
      dashboard_subscription: async () => newId(),
      activity_checklist: async () => 'call',
      activity_settings: async () => 'org',
      lead_settings: async () => 'org',
      approval: async () => {
        const res = await sellerA({ method: 'POST', url: '/api/approvals', payload: { kind: 'quote', subject: { type: 'deal', id: dealId }, values: { netPriceFen: 1_000_000 } } });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id;
      },
      approval_delegation: async () => {
        const id = newId();
        await t.db.insertInto('approval_delegations').values({ id, owner_id: users.sellerA.id, team_path: team.team_path, to_user_id: users.sellerA2.id, starts_on: '2026-11-01', ends_on: '2026-11-05', note: null, revoked_at: null, created_at: now }).execute();
        return id;
      },
      approval_route: async () => 'quote',
      dictionary: async () => (await t.db.selectFrom('dictionary_entries').select('id').where('kind', '=', 'lost_reason').executeTakeFirstOrThrow()).id,
      deal_settings: async () => 'org',
      org_settings: async () => 'org',
      work_order: async () => {
        const admin = await t.as('admin');
        const type = await admin({ method: 'POST', url: '/api/work-order-types', payload: { key: 'audit-presales', name: '售前', team: t.org.teams.eastTeam2, response: '4bh', resolution: '16bh' } });
        expect(type.statusCode, type.body).toBe(201);
        const order = await sellerA({ method: 'POST', url: '/api/work-orders', payload: { type: 'audit-presales', subject: { type: 'deal', id: dealId }, title: '技术交流' } });
        expect(order.statusCode, order.body).toBe(201);
        return order.json().id;
      },
      work_order_type: async () => newId(),
      assist_rule_set: async () => newId(),
      health_model: async () => '1',
      retention_plan: async () => {
        const id = newId();
        await t.db
          .insertInto('health_retention_plans')
          .values({ id, customer_id: customerId, owner_id: users.sellerA.id, team_path: team.team_path, cause_event_id: newId(), status: 'open', required: '[]', evidence: '{}', plan: null, due_at: now, filed_at: null, filed_by: null, escalated_at: null, created_at: now, updated_at: now })
          .execute();
        return id;
      },
      contract: async () => {
        const res = await sellerA({ method: 'POST', url: '/api/contracts', payload: { dealId, signedAt: '2026-11-01', amountFen: 100_000, plan: [{ dueDate: '2026-12-01', amountFen: 100_000, method: 'wire' }] } });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id;
      },
      receivable_settings: async () => 'org',
      platform_connection: async () => newId(),
    };

    const director = await t.as('director');
    const sellerB = await t.as('seller_b');
    for (const kind of AUDITED_KINDS) {
      const id = await created[kind]();
      expect(id, kind).toBeTruthy();
      // The kinds created through the API wrote their own entry; the others get one from the real writer.
      await recordAudit(t.db, t.clock, { entity: kind, entityId: id, action: 'update', actorId: users.admin.id, before: { probe: 0 }, after: { probe: 1 } });
      const read = await director({ method: 'GET', url: `/api/audit?entity=${kind}&id=${id}` });
      expect(read.statusCode, `${kind}: ${read.body}`).toBe(200);
      expect(read.json().items.some((e: { action: string; after: { probe?: number } }) => e.after?.probe === 1), kind).toBe(true);

      const scope = REGISTRY[RECORDS.find((r) => r.kind === kind)!.table as keyof typeof REGISTRY];
      const own = await sellerA({ method: 'GET', url: `/api/audit?entity=${kind}&id=${id}` });
      const other = await sellerB({ method: 'GET', url: `/api/audit?entity=${kind}&id=${id}` });
      if ('scope' in scope && scope.scope === 'config') {
        expect(own.statusCode, kind).toBe(403);
        expect(other.statusCode, kind).toBe(403);
      } else {
        expect(own.statusCode, `${kind}: ${own.body}`).toBe(200);
        // Outside the caller's scope the record does not exist for them, and neither does its trail.
        expect(other.statusCode, kind).toBe(404);
        expect(other.body).not.toContain('probe');
      }
    }
  });
});
