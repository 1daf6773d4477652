import { describe, expect, it } from 'vitest';
import { capped, DEFAULT_RULE_SET, periodsOf, ruleSetInputSchema, ruleSetOn, type VersionedRuleSet } from './points-rules.js';

const set = (version: number, effectiveFrom: string): VersionedRuleSet => ({ version, effectiveFrom, rules: [], caps: { perOrder: null, perHelperWeek: null } });

describe('assist-point rules', () => {
  it('picks the set in force on a local date: latest effective date, higher version on a tie, else the default', () => {
    const sets = [set(1, '2026-11-01'), set(2, '2026-11-17'), set(3, '2026-11-17')];
    expect(ruleSetOn(sets, '2026-10-31')).toBe(DEFAULT_RULE_SET);
    expect(ruleSetOn(sets, '2026-11-16').version).toBe(1);
    expect(ruleSetOn(sets, '2026-11-17').version).toBe(3);
  });

  it('caps a grant by what is left for the order and for the helper’s week', () => {
    expect(capped(3, { perOrder: 10, perHelperWeek: 40 }, 8, 0)).toBe(2);
    expect(capped(3, { perOrder: 10, perHelperWeek: 40 }, 0, 39)).toBe(1);
    expect(capped(3, { perOrder: 10, perHelperWeek: null }, 12, 0)).toBe(0);
    expect(capped(3, { perOrder: null, perHelperWeek: null }, 100, 100)).toBe(3);
  });

  it('dates a grant in the org time zone: month and ISO week', () => {
    // 2026-11-30 23:30 UTC is already December 1st in Shanghai.
    expect(periodsOf(new Date('2026-11-30T23:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-12-01', month: '2026-12', week: '2026-W49' });
  });

  it('refuses duplicate rule keys and unknown kinds, naming the path', () => {
    const unknown = ruleSetInputSchema.safeParse({ effectiveFrom: '2026-12-01', rules: [{ key: 'a', kind: 'nope', points: 1 }], caps: {} });
    expect(unknown.error!.issues.map((i) => i.path.join('.'))).toEqual(['rules.0.kind']);
    const twice = ruleSetInputSchema.safeParse({ effectiveFrom: '2026-12-01', rules: [{ key: 'a', kind: 'response_in_sla', points: 1 }, { key: 'a', kind: 'resolution_in_sla', points: 1 }], caps: {} });
    expect(twice.error!.issues.map((i) => i.path.join('.'))).toEqual(['rules.1.key']);
  });
});
