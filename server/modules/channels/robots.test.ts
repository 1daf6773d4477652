import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRobotRequest, judgeRobotResponse, type RobotMessage } from './robots.js';
import { dingtalkSign, feishuSign } from './signing.js';

const now = new Date('2026-11-25T10:00:00.123Z');
const message: RobotMessage = { title: '商机停滞提醒', text: '深圳市人民医院 已在「方案呈现」停留 7 个工作日', format: 'text', mentionMobiles: ['13800138000'] };

describe('robot request bodies and signatures', () => {
  it('builds a WeCom text message mentioning by mobile, and markdown without mentions', () => {
    const text = buildRobotRequest({ kind: 'wecom', webhookUrl: 'http://127.0.0.1/wecom?key=k' }, message, now);
    expect(text.url).toBe('http://127.0.0.1/wecom?key=k');
    expect(text.body).toEqual({
      msgtype: 'text',
      text: { content: `${message.title}\n${message.text}`, mentioned_mobile_list: ['13800138000'] },
    });
    const md = buildRobotRequest({ kind: 'wecom', webhookUrl: 'http://x/?key=k' }, { ...message, format: 'markdown' }, now);
    expect(md.body).toEqual({ msgtype: 'markdown', markdown: { content: `**${message.title}**\n${message.text}` } });
  });

  it('mentions every recipient of one message: WeCom/DingTalk ping by mobile, Feishu and WeCom markdown name them', () => {
    const many: RobotMessage = { title: 'T', text: 'body', format: 'text', mentions: [{ name: '张三', mobile: '13800138000' }, { name: '李四', mobile: null }] };
    expect(buildRobotRequest({ kind: 'wecom', webhookUrl: 'http://x' }, many, now).body).toEqual({
      msgtype: 'text',
      text: { content: 'T\nbody\n@李四', mentioned_mobile_list: ['13800138000'] },
    });
    expect(buildRobotRequest({ kind: 'wecom', webhookUrl: 'http://x' }, { ...many, format: 'markdown' }, now).body).toEqual({
      msgtype: 'markdown',
      markdown: { content: '**T**\nbody\n\n@张三 @李四' },
    });
    expect(buildRobotRequest({ kind: 'dingtalk', webhookUrl: 'http://x' }, many, now).body).toEqual({
      msgtype: 'text',
      text: { content: 'T\nbody @13800138000 @李四' },
      at: { atMobiles: ['13800138000'], isAtAll: false },
    });
    expect(buildRobotRequest({ kind: 'feishu', webhookUrl: 'http://x' }, many, now).body).toEqual({ msg_type: 'text', content: { text: 'T\nbody\n\n@张三 @李四' } });
  });

  it('signs DingTalk with timestamp in ms + "\\n" + secret, base64, URL-encoded in the query', () => {
    const req = buildRobotRequest({ kind: 'dingtalk', webhookUrl: 'http://127.0.0.1/robot/send?access_token=t', secret: 'SECabc' }, message, now);
    const url = new URL(req.url);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe(String(now.getTime()));
    const expected = createHmac('sha256', 'SECabc').update(`${now.getTime()}\nSECabc`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(req.url).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(req.body).toMatchObject({ msgtype: 'text', at: { atMobiles: ['13800138000'], isAtAll: false } });
  });

  it('signs Feishu with timestamp in seconds, key = timestamp + "\\n" + secret over an empty message, in the body', () => {
    const req = buildRobotRequest({ kind: 'feishu', webhookUrl: 'http://127.0.0.1/hook/abc', secret: 's3cret' }, { ...message, format: 'markdown' }, now);
    const ts = Math.floor(now.getTime() / 1000);
    const expected = createHmac('sha256', `${ts}\ns3cret`).update('').digest('base64');
    expect(req.body).toMatchObject({ timestamp: String(ts), sign: expected, msg_type: 'interactive' });
    expect(feishuSign('s3cret', ts)).toBe(expected);
    expect(dingtalkSign('a', 1)).not.toBe(dingtalkSign('b', 1));
  });

  it('treats robot error codes inside HTTP 200 as failures, "too fast" as retryable, sign errors as permanent', () => {
    expect(judgeRobotResponse('wecom', 200, { errcode: 0, errmsg: 'ok' })).toEqual({ ok: true, retryable: false });
    expect(judgeRobotResponse('wecom', 200, { errcode: 93000, errmsg: 'invalid webhook url' })).toMatchObject({ ok: false, retryable: false });
    expect(judgeRobotResponse('wecom', 200, { errcode: 45009, errmsg: 'api freq out of limit' })).toMatchObject({ ok: false, retryable: true });
    expect(judgeRobotResponse('dingtalk', 200, { errcode: 310000, errmsg: 'sign not match' })).toMatchObject({ ok: false, retryable: false, error: 'dingtalk 310000: sign not match' });
    expect(judgeRobotResponse('dingtalk', 200, { errcode: 130101, errmsg: 'send too fast' })).toMatchObject({ ok: false, retryable: true });
    expect(judgeRobotResponse('feishu', 200, { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' })).toMatchObject({ ok: false, retryable: false });
    expect(judgeRobotResponse('feishu', 200, { code: 0, msg: 'success' }).ok).toBe(true);
    expect(judgeRobotResponse('feishu', 503, null)).toMatchObject({ ok: false, retryable: true });
  });
});
