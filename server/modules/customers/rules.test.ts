import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/scope.js';
import { isValidCreditCode, mayAssign, normalizePhone } from './rules.js';

describe('normalizePhone', () => {
  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['021-6234 5678', '02162345678'],
    ['+86 21 6234 5678', '2162345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('keeps nothing when there are no digits', () => {
    expect(normalizePhone('n/a')).toBeNull();
    expect(normalizePhone(null)).toBeNull();
  });
});

describe('isValidCreditCode', () => {
  it('accepts the 18-character format', () => {
    expect(isValidCreditCode('91310115MA1K3YJ12X')).toBe(true);
    expect(isValidCreditCode('12100000400000398P')).toBe(true);
  });
  it('refuses wrong length, lower case and excluded letters', () => {
    expect(isValidCreditCode('91310115MA1K3YJ12')).toBe(false);
    expect(isValidCreditCode('91310115ma1k3yj12x')).toBe(false);
    expect(isValidCreditCode('91310115MA1K3YJ12I')).toBe(false);
    expect(isValidCreditCode('9131011XMA1K3YJ12X')).toBe(false);
  });
});

describe('mayAssign', () => {
  const actor = (role: Actor['role'], teamPath: string): Actor => ({ id: 'me', username: 'me', displayName: 'me', role, teamId: 't', teamPath });
  const colleague = { id: 'other', teamPath: '/c/east/t1/', active: true };
  it('lets a seller assign only themselves', () => {
    expect(mayAssign(actor('seller', '/c/east/t1/'), { id: 'me', teamPath: '/c/east/t1/', active: true })).toBe(true);
    expect(mayAssign(actor('seller', '/c/east/t1/'), colleague)).toBe(false);
  });
  it('lets leads and managers assign within their subtree only', () => {
    expect(mayAssign(actor('lead', '/c/east/t1/'), colleague)).toBe(true);
    expect(mayAssign(actor('regional_manager', '/c/east/'), colleague)).toBe(true);
    expect(mayAssign(actor('lead', '/c/south/t1/'), colleague)).toBe(false);
  });
  it('lets directors assign anyone active, nobody inactive', () => {
    expect(mayAssign(actor('director', '/c/'), colleague)).toBe(true);
    expect(mayAssign(actor('director', '/c/'), { ...colleague, active: false })).toBe(false);
  });
});
