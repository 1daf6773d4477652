import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDITED_KINDS, CUSTOMER_REFERENCES, RECORDS, REGISTRY, linkOf, recordOf } from './entities.js';
import { renderWebEntities, WEB_ENTITIES_FILE } from './entities-web.js';

describe('record registry', () => {
  it('names every record kind once, and every audit kind the code writes', () => {
    const kinds = RECORDS.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    // The kinds `recordAudit` is called with across server/modules (see tests/api/registry.test.ts for reading them):
    // 24, plus work_order, work_order_type and assist_rule_set, plus approval, approval_delegation and approval_route,
    // plus contract and receivable_settings (money), plus platform_connection, plus health_model and retention_plan,
    // plus dashboard_subscription, plus org_settings (API-token permission per role, amount display), plus team_schedule
    // (a team's business hours).
    expect(AUDITED_KINDS).toHaveLength(38);
    expect(recordOf('task')?.table).toBe('tasks');
    expect(recordOf('nope')).toBeUndefined();
  });

  it('every table with customer_id decides its merge policy, and no other table does', () => {
    expect(Object.keys(CUSTOMER_REFERENCES)).toContain('appointments');
    expect(Object.keys(CUSTOMER_REFERENCES)).not.toContain('customers');
    for (const [table, decision] of Object.entries(REGISTRY)) {
      if ('merge' in decision) expect(CUSTOMER_REFERENCES).toHaveProperty(table);
    }
  });

  it('builds web links from the first complete template', () => {
    expect(linkOf('task', { id: 't', dealId: 'd', customerId: 'c' })).toBe('/deals/d');
    expect(linkOf('task', { id: 't', dealId: null, customerId: 'c' })).toBe('/customers/c');
    expect(linkOf('task', { id: 't', dealId: null, customerId: null })).toBe('/tasks');
    expect(linkOf('activity', { id: 'a', dealId: null, customerId: null })).toBeNull();
    expect(linkOf('team', { id: 'x' })).toBeNull();
  });

  it('the web app’s generated copy matches the registry (run `npm run gen:entities`)', () => {
    expect(readFileSync(WEB_ENTITIES_FILE, 'utf8')).toBe(renderWebEntities());
  });
});
