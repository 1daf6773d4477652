import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../db/schema.js';
import { AppError } from './errors.js';
import { abilities, ACTIONS, auditActorId, authorize, can, GROUPS, hiddenFields, hiddenKeys, hiddenKeysOfRole, inGroup, isSystem, scopeOf, systemActor, type Actor } from './policy.js';
import { redact, redactFor, redactForRole } from './redact.js';

const user = (role: Role, teamPath = '/c/east/t1/'): Actor => ({ id: `${role}-1`, username: role, displayName: role, role, teamId: 't1', teamPath });

describe('role groups', () => {
  it('are defined once and only name real roles', () => {
    for (const roles of Object.values(GROUPS)) for (const r of roles) expect(ROLES).toContain(r);
    expect(GROUPS.managers).toEqual(['lead', 'regional_manager', 'director', 'admin']);
    expect(GROUPS.amountReaders).not.toContain('support');
  });

  it('every action names an existing group', () => {
    for (const actions of Object.values(ACTIONS)) for (const group of Object.values(actions)) expect(Object.keys(GROUPS)).toContain(group);
  });
});

describe('can / authorize', () => {
  it('answers per role', () => {
    expect(can(user('admin'), 'pipeline.manage')).toBe(true);
    expect(can(user('director'), 'pipeline.manage')).toBe(false);
    expect(can(user('director'), 'rule.read')).toBe(true);
    expect(can(user('lead'), 'rule.read')).toBe(false);
    expect(can(user('lead'), 'customer.handover')).toBe(true);
    expect(can(user('seller'), 'customer.handover')).toBe(false);
    expect(can(user('seller'), 'pool.claim')).toBe(true);
    expect(can(user('finance'), 'pool.claim')).toBe(false);
    expect(can(user('support'), 'deal.readAmount')).toBe(false);
    expect(can(user('finance'), 'deal.readAmount')).toBe(true);
  });

  it('authorize throws FORBIDDEN, with the action’s message', () => {
    expect(() => authorize(user('admin'), 'channel.manage')).not.toThrow();
    let thrown: unknown;
    try {
      authorize(user('seller'), 'customer.handover');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('FORBIDDEN');
    expect((thrown as AppError).message).toMatch(/manager/);
    expect(() => authorize(user('director'), 'rule.manage')).toThrow(/admin/);
  });

  it('abilities lists every module and action', () => {
    const all = abilities(user('support'));
    expect(Object.keys(all)).toEqual(Object.keys(ACTIONS));
    expect(all.deal.readAmount).toBe(false);
    expect(all.audit.readUnscoped).toBe(false);
  });
});

describe('SystemActor', () => {
  const rules = systemActor('rules');
  it('is typed and named, not a user with a borrowed role', () => {
    expect(rules).toEqual({ kind: 'system', name: 'rules', id: 'system:rules', displayName: 'system:rules' });
    expect(isSystem(rules)).toBe(true);
    expect(isSystem(user('admin'))).toBe(false);
    expect('role' in rules).toBe(false);
  });

  it('acts for the organisation: every ability, all records, nothing hidden; audited as the system', () => {
    for (const [module, actions] of Object.entries(ACTIONS)) for (const a of Object.keys(actions)) expect(can(rules, `${module}.${a}` as never)).toBe(true);
    expect(inGroup(rules, 'admins')).toBe(true);
    expect(scopeOf(rules)).toEqual({ kind: 'all' });
    expect(hiddenFields(rules)).toEqual([]);
    expect(auditActorId(rules)).toBeNull();
    expect(auditActorId(user('seller'))).toBe('seller-1');
  });
});

describe('field-level restriction', () => {
  const deal = { id: 'd1', title: 'x', amountFen: 123, nested: [{ amount_fen: 5, keep: 1 }], before: { amount_fen: 1 }, when: new Date(0) };

  it('names the hidden fields and their JSON keys per actor and per role', () => {
    expect(hiddenFields(user('support'))).toEqual(['deal.amountFen', 'approval.prices', 'contract.amounts', 'health.amountInputs']);
    expect(hiddenFields(user('finance'))).toEqual([]);
    const amounts = ['amountFen', 'amount_fen', 'listPriceFen', 'netPriceFen', 'maxAmountFen', 'lineDiscountFen', 'documentDiscountFen', 'paidFen', 'outstandingFen', 'outstanding_fen', 'shortfallFen', 'creditFen', 'unallocatedFen', 'availableFen', 'differenceFen'];
    expect([...hiddenKeys(user('support'))]).toEqual(amounts);
    expect([...hiddenKeysOfRole('support')]).toEqual(amounts);
    expect(hiddenKeysOfRole('seller').size).toBe(0);
  });

  it('removes the keys at any depth, camelCase and snake_case, without touching the input', () => {
    const out = redactFor(user('support'), deal);
    expect(out).toEqual({ id: 'd1', title: 'x', nested: [{ keep: 1 }], before: {}, when: deal.when });
    expect(deal.amountFen).toBe(123);
    expect(redactForRole('support', { record: { amountFen: 1 } })).toEqual({ record: {} });
    expect(redactFor(user('director'), deal)).toBe(deal);
    expect(redact([deal], new Set(['title']))[0]).not.toHaveProperty('title');
  });

  it('hides a health input only inside objects marked as amounts', () => {
    const health = { contributions: [{ dimension: 'purchase', amount: true, raw: 10_000_000, normalized: 100 }, { dimension: 'visits', amount: false, raw: 4, normalized: 40 }] };
    expect(redactFor(user('support'), health)).toEqual({ contributions: [{ dimension: 'purchase', amount: true, normalized: 100 }, { dimension: 'visits', amount: false, raw: 4, normalized: 40 }] });
    expect(redactForRole('support', health).contributions[0]).not.toHaveProperty('raw');
    expect(redactFor(user('director'), health)).toBe(health);
  });
});
