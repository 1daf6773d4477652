/**
 * Message templates in zh-CN and English. A notification arrives with a Chinese title/body and optional English ones;
 * each channel has a locale and gets its language, with the record's link made absolute from the public base URL.
 * Pure: no I/O, unit-tested.
 */
import type { RobotMention, RobotMessage } from './robots.js';

export type Locale = 'zh-CN' | 'en';

/** What the outbox stores for robot, e-mail and SMS rows: the content already chosen in the channel's language. */
export interface MessagePayload {
  locale: Locale;
  title: string;
  body: string;
  /** App path such as /deals/<id>. */
  link: string | null;
  subject: { type: string; id: string } | null;
  /** Mobiles to @-mention in group robots (rows queued before `mentions` existed). */
  mentionMobiles?: string[];
  /**
   * The people a group-robot message concerns: one message per robot per firing names all of them (defect 9 of
   * issue 14), pinged by mobile where the robot can, else named in the text.
   */
  mentions?: RobotMention[];
  /** SMS to a customer with its own provider template and named parameters (see `enqueueSms`). */
  sms?: { template: string; params: Record<string, string> };
}

export interface NotificationContent {
  title: string;
  titleEn?: string | null;
  body: string;
  bodyEn?: string | null;
  link?: string | null;
  subject?: { type: string; id: string } | null;
}

export function localize(content: NotificationContent, locale: Locale): Pick<MessagePayload, 'title' | 'body'> {
  if (locale === 'en') return { title: content.titleEn || content.title, body: content.bodyEn || content.body };
  return { title: content.title, body: content.body };
}

const LINK_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  deal: { 'zh-CN': '查看商机', en: 'Open deal' },
  customer: { 'zh-CN': '查看客户', en: 'Open customer' },
  task: { 'zh-CN': '查看任务', en: 'Open task' },
  activity: { 'zh-CN': '查看跟进记录', en: 'Open activity' },
};

export function linkLabel(locale: Locale, subjectType: string | null | undefined): string {
  return (subjectType && LINK_LABELS[subjectType]?.[locale]) || (locale === 'en' ? 'Open in Actionflow' : '在 Actionflow 中打开');
}

/** `/deals/1` → `https://crm.example.com/deals/1`; absolute links pass through. */
export function absoluteLink(publicUrl: string, link: string | null | undefined): string | null {
  if (!link) return null;
  if (/^https?:\/\//i.test(link)) return link;
  return `${publicUrl.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
}

export function robotMessage(payload: MessagePayload, publicUrl: string, format: 'text' | 'markdown', mention: boolean): RobotMessage {
  const url = absoluteLink(publicUrl, payload.link);
  const label = linkLabel(payload.locale, payload.subject?.type);
  const linkLine = url ? (format === 'markdown' ? `[${label}](${url})` : `${label}: ${url}`) : '';
  return {
    title: payload.title,
    text: [payload.body, linkLine].filter(Boolean).join('\n\n'),
    format,
    ...(mention && payload.mentionMobiles?.length ? { mentionMobiles: payload.mentionMobiles } : {}),
    // With mobile mentions off, people are still named in the text, just not pinged.
    ...(payload.mentions?.length ? { mentions: mention ? payload.mentions : payload.mentions.map((m) => ({ name: m.name, mobile: null })) } : {}),
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function emailMessage(payload: MessagePayload, publicUrl: string): { subject: string; text: string; html: string } {
  const url = absoluteLink(publicUrl, payload.link);
  const label = linkLabel(payload.locale, payload.subject?.type);
  const footer = payload.locale === 'en' ? 'Sent by Actionflow.' : '此邮件由 Actionflow 自动发送。';
  const text = [payload.body, url ? `${label}: ${url}` : '', '--', footer].filter(Boolean).join('\n\n');
  const html =
    `<p>${escapeHtml(payload.body).replace(/\n/g, '<br>')}</p>` +
    (url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>` : '') +
    `<p style="color:#888">${escapeHtml(footer)}</p>`;
  return { subject: `[Actionflow] ${payload.title}`, text, html };
}

/** SMS goes through provider templates with named parameters; ours are `title` and `link`. */
export function smsMessage(payload: MessagePayload, publicUrl: string, templateCode: string) {
  if (payload.sms) return { template: payload.sms.template, params: payload.sms.params };
  return { template: templateCode, params: { title: payload.title.slice(0, 60), link: absoluteLink(publicUrl, payload.link) ?? '' } };
}

export function testMessage(locale: Locale, channelName: string, at: Date): MessagePayload {
  const when = at.toISOString();
  return locale === 'en'
    ? { locale, title: 'Actionflow test message', body: `Channel "${channelName}" is configured correctly (${when}).`, link: '/', subject: null }
    : { locale, title: 'Actionflow 测试消息', body: `通道「${channelName}」配置正确（${when}）。`, link: '/', subject: null };
}
