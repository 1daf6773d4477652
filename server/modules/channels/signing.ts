/** Request signing of the group robots, exactly as their documentation specifies. */
import { createHmac } from 'node:crypto';

/** DingTalk custom robot: HMAC-SHA256 keyed by the secret over `timestamp(ms) + "\n" + secret`, base64; sent URL-encoded in the query. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Feishu custom bot: HMAC-SHA256 keyed by `timestamp(s) + "\n" + secret` over an empty message, base64; sent in the JSON body. */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('').digest('base64');
}
