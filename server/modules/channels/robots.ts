/**
 * Message bodies of the WeCom, DingTalk and Feishu group robots, and how to read their answers.
 * Pure: building a request and judging a response need no network, so both are unit-tested byte for byte.
 */
import { dingtalkSign, feishuSign } from './signing.js';

export type RobotKind = 'wecom' | 'dingtalk' | 'feishu';

export interface RobotMessage {
  /** Markdown body; robots without markdown get it as plain text. */
  title: string;
  text: string;
  format: 'text' | 'markdown';
  /** Mobile numbers to @-mention (WeCom text and DingTalk support mention by mobile). */
  mentionMobiles?: string[];
  /** People the message concerns; pinged by mobile where the format allows, otherwise named as `@name`. */
  mentions?: RobotMention[];
}

export interface RobotMention {
  name: string;
  mobile: string | null;
}

/** Mobiles to ping: the legacy list plus every mention with a mobile, without repeats. */
function pingMobiles(message: RobotMessage): string[] {
  return [...new Set([...(message.mentionMobiles ?? []), ...(message.mentions ?? []).flatMap((m) => (m.mobile ? [m.mobile] : []))])];
}

/** `@name` for each mention the robot cannot ping (`pinged` = the format pings mentions with a mobile). */
function namedLine(message: RobotMessage, pinged: boolean): string {
  return (message.mentions ?? []).filter((m) => !(pinged && m.mobile)).map((m) => `@${m.name}`).join(' ');
}

export interface RobotConfig {
  kind: RobotKind;
  webhookUrl: string;
  /** Signing secret (DingTalk "加签", Feishu "签名校验"); WeCom robots carry their key in the URL. */
  secret?: string | null;
}

export interface HttpRequestSpec {
  url: string;
  body: unknown;
}

export function buildRobotRequest(config: RobotConfig, message: RobotMessage, now: Date): HttpRequestSpec {
  switch (config.kind) {
    case 'wecom':
      return { url: config.webhookUrl, body: wecomBody(message) };
    case 'dingtalk': {
      let url = config.webhookUrl;
      if (config.secret) {
        const timestamp = now.getTime();
        const sign = encodeURIComponent(dingtalkSign(config.secret, timestamp));
        url += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
      }
      return { url, body: dingtalkBody(message) };
    }
    case 'feishu': {
      const body: Record<string, unknown> = feishuBody(message);
      if (config.secret) {
        const timestamp = Math.floor(now.getTime() / 1000);
        Object.assign(body, { timestamp: String(timestamp), sign: feishuSign(config.secret, timestamp) });
      }
      return { url: config.webhookUrl, body };
    }
  }
}

function wecomBody(message: RobotMessage) {
  if (message.format === 'markdown') {
    // WeCom markdown cannot ping by mobile (only `<@userid>` of WeCom's own ids): the people are named instead.
    const names = namedLine(message, false);
    return { msgtype: 'markdown', markdown: { content: `**${message.title}**\n${message.text}${names ? `\n\n${names}` : ''}` } };
  }
  const names = namedLine(message, true);
  return {
    msgtype: 'text',
    text: { content: `${message.title}\n${message.text}${names ? `\n${names}` : ''}`, mentioned_mobile_list: pingMobiles(message) },
  };
}

function dingtalkBody(message: RobotMessage) {
  const mobiles = pingMobiles(message);
  const at = { atMobiles: mobiles, isAtAll: false };
  // DingTalk only renders a mention whose `@mobile` also appears in the text.
  const mentions = [...mobiles.map((m) => `@${m}`), namedLine(message, true)].filter(Boolean).join(' ');
  if (message.format === 'markdown') {
    return { msgtype: 'markdown', markdown: { title: message.title, text: `### ${message.title}\n${message.text}${mentions ? `\n\n${mentions}` : ''}` }, at };
  }
  return { msgtype: 'text', text: { content: `${message.title}\n${message.text}${mentions ? ` ${mentions}` : ''}` }, at };
}

function feishuBody(message: RobotMessage) {
  // Custom Feishu bots mention only by open_id, which actionflow does not know: the people are named.
  const names = namedLine(message, false);
  if (names) message = { ...message, text: `${message.text}\n\n${names}` };
  if (message.format === 'markdown') {
    return {
      msg_type: 'interactive',
      card: {
        config: { wide_screen_mode: true },
        header: { title: { tag: 'plain_text', content: message.title } },
        elements: [{ tag: 'markdown', content: message.text }],
      },
    };
  }
  return { msg_type: 'text', content: { text: `${message.title}\n${message.text}` } };
}

export interface DeliveryVerdict {
  ok: boolean;
  /** Worth retrying later (robot down, rate-limited); false means a configuration problem → dead letter. */
  retryable: boolean;
  /** The robot said "too fast": back off, but never dead-letter the message for it. */
  throttled?: boolean;
  /** Robot's own code and message, kept for the dead-letter list. */
  error?: string;
}

/** WeCom 45009, DingTalk 130101 and Feishu 9499/11232 mean "too fast". */
const TOO_FAST: Record<RobotKind, number[]> = { wecom: [45009], dingtalk: [130101], feishu: [9499, 11232] };

/** Robots answer HTTP 200 with an error code in the body; a 200 is not a delivery until the body says so. */
export function judgeRobotResponse(kind: RobotKind, status: number, body: unknown): DeliveryVerdict {
  if (status === 429) return { ok: false, retryable: true, throttled: true, error: `HTTP ${status}` };
  if (status >= 500) return { ok: false, retryable: true, error: `HTTP ${status}` };
  if (status < 200 || status >= 300) return { ok: false, retryable: false, error: `HTTP ${status}` };
  const data = (body ?? {}) as Record<string, unknown>;
  const code = Number(kind === 'feishu' ? (data.code ?? data.StatusCode ?? 0) : (data.errcode ?? 0));
  const text = String(kind === 'feishu' ? (data.msg ?? data.StatusMessage ?? '') : (data.errmsg ?? ''));
  if (code === 0) return { ok: true, retryable: false };
  const tooFast = TOO_FAST[kind].includes(code);
  return { ok: false, retryable: tooFast, ...(tooFast ? { throttled: true } : {}), error: `${kind} ${code}: ${text}` };
}
