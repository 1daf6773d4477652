/**
 * What opened a link, from its User-Agent: a device type for the timeline, and link-preview robots (WeChat, WeCom,
 * Feishu, DingTalk and the usual crawlers fetch a shared link to draw its card) that must not count as the customer
 * opening it. Pure.
 */
export type Device = 'mobile' | 'tablet' | 'desktop' | 'other';

const ROBOT = /bot\b|bot\/|crawler|spider|preview|facebookexternalhit|slackbot|whatsapp|telegrambot|headlesschrome|curl\/|wget\/|python-requests|go-http-client|java\/|okhttp|larkbot|feishubot|dingtalkbot/i;

export function isRobot(userAgent: string | undefined): boolean {
  return !userAgent || ROBOT.test(userAgent);
}

export function deviceOf(userAgent: string | undefined): Device {
  const ua = userAgent ?? '';
  if (/ipad|tablet|(android(?!.*mobile))/i.test(ua)) return 'tablet';
  if (/mobi|iphone|ipod|android.*mobile|harmonyos|micromessenger.*mobile/i.test(ua)) return 'mobile';
  if (/windows nt|macintosh|x11|linux|cros/i.test(ua)) return 'desktop';
  return 'other';
}
