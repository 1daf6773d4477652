import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/scope.js';
import { confirmationSms, inReach, isNoShowDue, localDayRange, maskedPhone, noShowDueAt, reassignReach, secondTouchRate } from './rules.js';

describe('no-show boundary', () => {
  const at = '2026-11-02T07:00:00.000Z';
  it('is due at exactly +30:00, not at +29:59.999', () => {
    expect(isNoShowDue({ status: 'booked', at }, new Date('2026-11-02T07:29:59.999Z'))).toBe(false);
    expect(isNoShowDue({ status: 'booked', at }, new Date('2026-11-02T07:30:00.000Z'))).toBe(true);
    expect(noShowDueAt(at)).toBe('2026-11-02T07:30:00.000Z');
  });
  it('never marks an appointment that is no longer booked', () => {
    expect(isNoShowDue({ status: 'arrived', at }, new Date('2026-11-03T00:00:00.000Z'))).toBe(false);
    expect(isNoShowDue({ status: 'cancelled', at }, new Date('2026-11-03T00:00:00.000Z'))).toBe(false);
  });
});

describe('reassignReach', () => {
  const actor = (role: Actor['role'], teamPath: string): Actor => ({ id: 'u', username: 'u', displayName: 'u', role, teamId: 't', teamPath });
  it('lets a store manager reach the neighbouring stores of the parent region, not other regions', () => {
    const reach = reassignReach(actor('lead', '/c/east/s1/'))!;
    expect(reach).toEqual({ kind: 'subtree', path: '/c/east/' });
    expect(inReach(reach, '/c/east/s2/')).toBe(true);
    expect(inReach(reach, '/c/south/s9/')).toBe(false);
  });
  it('keeps a regional manager in the region, gives directors everything, sellers nothing', () => {
    expect(reassignReach(actor('regional_manager', '/c/east/'))).toEqual({ kind: 'subtree', path: '/c/east/' });
    expect(reassignReach(actor('director', '/c/'))).toEqual({ kind: 'all' });
    expect(reassignReach(actor('seller', '/c/east/s1/'))).toBeNull();
  });
});

describe('helpers', () => {
  it('turns local dates into UTC bounds in the org zone', () => {
    expect(localDayRange('2026-11-02', '2026-11-02', 'Asia/Shanghai')).toEqual({ start: '2026-11-01T16:00:00.000Z', end: '2026-11-02T16:00:00.000Z' });
  });
  it('renders the confirmation with named parameters in local time', () => {
    expect(confirmationSms({ durationMinutes: 90, storeName: '静安店', at: '2026-11-02T07:00:00.000Z', timeZone: 'Asia/Shanghai' })).toEqual({
      template: 'APPOINTMENT_CONFIRM',
      params: { duration: '90', store: '静安店', time: '11月2日 15:00' },
      text: '已为您预留90分钟，静安店恭候光临（11月2日 15:00）',
    });
  });
  it('masks phones and computes the second-touch rate', () => {
    expect(maskedPhone('13800138000')).toBe('138****8000');
    expect(secondTouchRate(0, 0)).toBeNull();
    expect(secondTouchRate(3, 2)).toBe(0.667);
  });
});
