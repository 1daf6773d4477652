/**
 * Callbacks as WeCom and Feishu post them to the app: XML or JSON, encrypted and signed with the connection's callback
 * secrets (the fake platforms' CREDS), built here because the fake server cannot reach the app under test.
 */
import { randomBytes } from 'node:crypto';
import { feishuEncrypt, feishuSignature, msgSignature, wecomEncrypt } from '../../server/modules/platforms/protocol/crypto.js';
import { CREDS } from './fake-platforms.js';

/** Encrypts a WeCom callback's XML for the corp and signs it: the query and body WeCom posts. */
function wecomEnvelope(inner: string, timestamp: string, token?: string) {
  const encrypt = wecomEncrypt(CREDS.callback.encodingAesKey, inner, CREDS.wecom.corpId);
  const nonce = randomBytes(5).toString('hex');
  const signature = msgSignature(token ?? CREDS.callback.token, timestamp, nonce, encrypt);
  return {
    query: `msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
    body: `<xml><ToUserName><![CDATA[${CREDS.wecom.corpId}]]></ToUserName><AgentID><![CDATA[${CREDS.wecom.agentId}]]></AgentID><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
  };
}

/** A member's text message to the app (接收消息, doc 90239: MsgType text, Content). */
export function wecomTextMessage(opts: { fromUser: string; content: string; msgId?: string; timestamp: string; token?: string }) {
  const inner = `<xml><ToUserName><![CDATA[${CREDS.wecom.corpId}]]></ToUserName><FromUserName><![CDATA[${opts.fromUser}]]></FromUserName><CreateTime>${opts.timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${opts.content}]]></Content><MsgId>${opts.msgId ?? '7000001'}</MsgId><AgentID>${CREDS.wecom.agentId}</AgentID></xml>`;
  return wecomEnvelope(inner, opts.timestamp, opts.token);
}

/** A WeCom template-card button event as WeCom posts it: XML, encrypted, with msg_signature over it. */
export function wecomCardEvent(opts: { fromUser: string; taskId: string; key: string; responseCode?: string; token?: string; timestamp: string; selected?: { question: string; option: string } }) {
  const selected = opts.selected ? `<SelectedItems><SelectedItem><QuestionKey><![CDATA[${opts.selected.question}]]></QuestionKey><OptionIds><OptionId><![CDATA[${opts.selected.option}]]></OptionId></OptionIds></SelectedItem></SelectedItems>` : '';
  const inner = `<xml><ToUserName><![CDATA[${CREDS.wecom.corpId}]]></ToUserName><FromUserName><![CDATA[${opts.fromUser}]]></FromUserName><CreateTime>${opts.timestamp}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${opts.key}]]></EventKey><TaskId><![CDATA[${opts.taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[${opts.responseCode ?? 'rc-1'}]]></ResponseCode>${selected}<AgentID>${CREDS.wecom.agentId}</AgentID></xml>`;
  return wecomEnvelope(inner, opts.timestamp, opts.token);
}

/** A Feishu card.action.trigger callback (schema 2.0), encrypted with the encrypt key and signed. */
export function feishuCardAction(opts: { userId: string; card: string; action: string; comment?: string; token?: string; timestamp: string }) {
  const event = {
    schema: '2.0',
    header: { event_id: randomBytes(8).toString('hex'), token: opts.token ?? CREDS.callback.verificationToken, create_time: opts.timestamp, event_type: 'card.action.trigger', tenant_key: 't', app_id: CREDS.feishu.appId },
    event: { operator: { user_id: opts.userId, open_id: `ou_${opts.userId}` }, token: 'c-update-token', action: { tag: 'button', value: { card: opts.card, action: opts.action }, ...(opts.comment ? { form_value: { comment: opts.comment } } : {}) }, context: { open_message_id: 'om_1' } },
  };
  const body = JSON.stringify({ encrypt: feishuEncrypt(CREDS.callback.encryptKey, JSON.stringify(event)) });
  const nonce = randomBytes(6).toString('hex');
  return { body, headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': opts.timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': feishuSignature(opts.timestamp, nonce, CREDS.callback.encryptKey, body) } };
}
