import { describe, expect, it } from 'vitest';
import { absoluteLink, emailMessage, localize, robotMessage, smsMessage, type MessagePayload } from './templates.js';

const content = { title: '商机停滞提醒', titleEn: 'Deal stalled', body: '深圳市人民医院 已停留 7 个工作日', bodyEn: 'Idle for 7 working days', link: '/deals/d1', subject: { type: 'deal', id: 'd1' } };

describe('message templates', () => {
  it('chooses the channel language, falling back to Chinese when no English text was given', () => {
    expect(localize(content, 'en')).toEqual({ title: 'Deal stalled', body: 'Idle for 7 working days' });
    expect(localize({ title: '提醒', body: '内容' }, 'en')).toEqual({ title: '提醒', body: '内容' });
    expect(localize(content, 'zh-CN').title).toBe('商机停滞提醒');
  });

  it('makes deal links absolute with a localized label in robot markdown and text', () => {
    const payload: MessagePayload = { locale: 'zh-CN', ...localize(content, 'zh-CN'), link: '/deals/d1', subject: content.subject, mentionMobiles: ['13800138000'] };
    const md = robotMessage(payload, 'https://crm.example.com/', 'markdown', true);
    expect(md.text).toBe('深圳市人民医院 已停留 7 个工作日\n\n[查看商机](https://crm.example.com/deals/d1)');
    expect(md.mentionMobiles).toEqual(['13800138000']);
    const text = robotMessage({ ...payload, locale: 'en', subject: { type: 'customer', id: 'c' } }, 'https://crm.example.com', 'text', false);
    expect(text.text).toContain('Open customer: https://crm.example.com/deals/d1');
    expect(text.mentionMobiles).toBeUndefined();
    expect(absoluteLink('http://x', 'https://other/y')).toBe('https://other/y');
  });

  it('renders e-mail (escaped HTML) and SMS template parameters', () => {
    const payload: MessagePayload = { locale: 'en', title: 'A <b>', body: 'x & y', link: '/tasks/t1', subject: { type: 'task', id: 't1' } };
    const mail = emailMessage(payload, 'http://crm');
    expect(mail.subject).toBe('[Actionflow] A <b>');
    expect(mail.html).toContain('x &amp; y');
    expect(mail.html).toContain('<a href="http://crm/tasks/t1">Open task</a>');
    expect(mail.text).toContain('Open task: http://crm/tasks/t1');
    expect(smsMessage(payload, 'http://crm', 'SMS_1')).toEqual({ template: 'SMS_1', params: { title: 'A <b>', link: 'http://crm/tasks/t1' } });
  });
});
