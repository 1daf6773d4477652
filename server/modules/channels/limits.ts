/**
 * Rate limits of the channels, as the robots document them, and the sliding-window decision. Pure: the caller loads
 * the recent send instants of one channel (under a lock on PostgreSQL) and asks whether one more may go now.
 */
import type { ChannelKind } from './schema.js';

export interface RateLimits {
  perSecond: number | null;
  perMinute: number | null;
}

/** WeCom group robot and DingTalk custom robot: 20 messages/min; Feishu custom bot: 5/s and 100/min. */
export const DOCUMENTED_LIMITS: Record<ChannelKind, RateLimits> = {
  wecom: { perSecond: null, perMinute: 20 },
  dingtalk: { perSecond: null, perMinute: 20 },
  feishu: { perSecond: 5, perMinute: 100 },
  email: { perSecond: null, perMinute: null },
  sms: { perSecond: null, perMinute: null },
};

/** An admin may set a lower limit, never a higher one than the robot accepts (it would only earn "too fast"). */
export function effectiveLimits(kind: ChannelKind, configured: { perSecond: number | null; perMinute: number | null }): RateLimits {
  const documented = DOCUMENTED_LIMITS[kind];
  const pick = (own: number | null, doc: number | null) => (own == null ? doc : doc == null ? own : Math.min(own, doc));
  return { perSecond: pick(configured.perSecond, documented.perSecond), perMinute: pick(configured.perMinute, documented.perMinute) };
}

export const WINDOW_MS = 60_000;

/**
 * `recentMs`: instants (ms) of sends within the last minute, any order. Answers null when one more may be sent at
 * `nowMs`, else the earliest instant when a slot frees up.
 */
export function nextFreeSlot(recentMs: number[], nowMs: number, limits: RateLimits): number | null {
  let waitUntil: number | null = null;
  const check = (windowMs: number, max: number | null) => {
    if (max == null) return;
    const inWindow = recentMs.filter((t) => t > nowMs - windowMs).sort((a, b) => a - b);
    if (inWindow.length < max) return;
    // The window holds `max` or more sends; one more fits once the oldest that keeps it full has left.
    const frees = inWindow[inWindow.length - max] + windowMs;
    waitUntil = Math.max(waitUntil ?? 0, frees);
  };
  check(1000, limits.perSecond);
  check(WINDOW_MS, limits.perMinute);
  return waitUntil;
}
