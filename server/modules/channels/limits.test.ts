import { describe, expect, it } from 'vitest';
import { effectiveLimits, nextFreeSlot } from './limits.js';

const t0 = Date.parse('2026-11-25T02:00:00.000Z');

describe('robot rate limits', () => {
  it('allows 20 WeCom messages in a minute and frees the 21st when the first leaves the window', () => {
    const limits = effectiveLimits('wecom', { perSecond: null, perMinute: null });
    expect(limits).toEqual({ perSecond: null, perMinute: 20 });
    const sent = Array.from({ length: 19 }, (_, i) => t0 + i * 1000);
    expect(nextFreeSlot(sent, t0 + 19_000, limits)).toBeNull();
    sent.push(t0 + 19_000);
    expect(nextFreeSlot(sent, t0 + 20_000, limits)).toBe(t0 + 60_000);
    expect(nextFreeSlot(sent, t0 + 60_001, limits)).toBeNull();
  });

  it('applies both Feishu windows: 5 per second and 100 per minute', () => {
    const limits = effectiveLimits('feishu', { perSecond: null, perMinute: null });
    const burst = [0, 100, 200, 300, 400].map((d) => t0 + d);
    expect(nextFreeSlot(burst, t0 + 500, limits)).toBe(t0 + 1000);
    const minute = Array.from({ length: 100 }, (_, i) => t0 + i * 500);
    expect(nextFreeSlot(minute, t0 + 50_000, limits)).toBe(t0 + 60_000);
  });

  it('takes an admin limit only when lower than the robot’s documented one', () => {
    expect(effectiveLimits('dingtalk', { perSecond: null, perMinute: 50 }).perMinute).toBe(20);
    expect(effectiveLimits('dingtalk', { perSecond: null, perMinute: 5 }).perMinute).toBe(5);
    expect(effectiveLimits('email', { perSecond: 2, perMinute: null })).toEqual({ perSecond: 2, perMinute: null });
    expect(nextFreeSlot([t0, t0, t0], t0, effectiveLimits('email', { perSecond: null, perMinute: null }))).toBeNull();
  });
});
