import { describe, expect, it } from 'vitest';
import { dayBounds, taskBucket } from './days.js';

describe('dayBounds', () => {
  it('uses Shanghai midnight (UTC+8), not UTC midnight', () => {
    // 2026-11-02 23:30 in Shanghai is 15:30 UTC.
    expect(dayBounds(new Date('2026-11-02T15:30:00.000Z'), 'Asia/Shanghai')).toEqual({
      todayStart: '2026-11-01T16:00:00.000Z',
      tomorrowStart: '2026-11-02T16:00:00.000Z',
    });
    // Half an hour later it is already the 3rd in Shanghai while still the 2nd in UTC.
    expect(dayBounds(new Date('2026-11-02T16:30:00.000Z'), 'Asia/Shanghai').todayStart).toBe('2026-11-02T16:00:00.000Z');
  });

  it('follows another configured zone', () => {
    expect(dayBounds(new Date('2026-11-02T15:30:00.000Z'), 'UTC').todayStart).toBe('2026-11-02T00:00:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => dayBounds(new Date(), 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('taskBucket', () => {
  const bounds = dayBounds(new Date('2026-11-02T04:00:00.000Z'), 'Asia/Shanghai'); // 12:00 on 11-02 in Shanghai
  it.each([
    ['2026-11-01T15:59:59.999Z', 'overdue'], // 23:59 on 11-01 local
    ['2026-11-01T16:00:00.000Z', 'today'], // 00:00 on 11-02 local
    ['2026-11-02T01:00:00.000Z', 'today'], // 09:00 today, already past: still today
    ['2026-11-02T16:00:00.000Z', 'upcoming'], // 00:00 on 11-03 local
    [null, 'upcoming'],
  ] as const)('open task due %s is %s', (dueAt, bucket) => {
    expect(taskBucket({ status: 'open', dueAt }, bounds)).toBe(bucket);
  });
  it('places done and cancelled tasks nowhere', () => {
    expect(taskBucket({ status: 'done', dueAt: '2026-10-01T00:00:00.000Z' }, bounds)).toBeNull();
    expect(taskBucket({ status: 'cancelled', dueAt: null }, bounds)).toBeNull();
  });
});
