import { describe, expect, it } from 'vitest';
import { checkCron, latestDueRun } from './schedule.js';

const TZ = 'Asia/Shanghai';

describe('cron schedules in the org time zone', () => {
  it('accepts five-field expressions and explains bad ones', () => {
    expect(checkCron('0 18 * * *', TZ)).toBeNull();
    expect(checkCron('0 18 * *', TZ)).toMatch(/5 fields/);
    expect(checkCron('0 25 * * *', TZ)).toMatch(/not a valid cron/);
    expect(checkCron('0 0 18 * * *', TZ)).toMatch(/5 fields/);
  });

  it('18:00 Asia/Shanghai is 10:00 UTC; nothing is due before it', () => {
    const after = new Date('2026-11-02T02:00:00.000Z');
    expect(latestDueRun('0 18 * * *', TZ, after, new Date('2026-11-02T09:59:59.000Z'))).toBeNull();
    expect(latestDueRun('0 18 * * *', TZ, after, new Date('2026-11-02T10:00:00.000Z'))?.toISOString()).toBe('2026-11-02T10:00:00.000Z');
  });

  it('after three days of downtime only the latest missed slot is due', () => {
    const after = new Date('2026-11-02T10:00:00.000Z');
    const due = latestDueRun('0 18 * * *', TZ, after, new Date('2026-11-05T12:00:00.000Z'));
    expect(due?.toISOString()).toBe('2026-11-05T10:00:00.000Z');
  });

  it('a monthly schedule missed weeks ago is still found', () => {
    const after = new Date('2026-10-01T00:00:00.000Z');
    const due = latestDueRun('0 9 1 * *', TZ, after, new Date('2026-11-20T00:00:00.000Z'));
    expect(due?.toISOString()).toBe('2026-11-01T01:00:00.000Z');
  });

  it('an every-minute schedule after a long outage returns the last minute', () => {
    const due = latestDueRun('* * * * *', TZ, new Date('2026-01-01T00:00:00.000Z'), new Date('2026-03-01T00:00:30.000Z'));
    expect(due?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});
