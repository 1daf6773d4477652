/**
 * The address checks a platform makes when an admin saves the app's callback URL, on both databases: DingTalk's
 * HTTP event subscription posts an encrypted `check_url` event (signature, timestamp, nonce in the query; JSON
 * `{ encrypt }` body, AES key and the app key as receive id) and expects the encrypted word "success" back, signed;
 * Feishu posts `url_verification` (encrypted with the encrypt key when one is set, unsigned) and expects its
 * `challenge` back. A wrong signature, key or verification token is refused, so nobody can register the address for a
 * connection they do not hold the secrets of.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { feishuEncrypt, msgSignature, wecomDecrypt, wecomEncrypt } from '../../server/modules/platforms/protocol/crypto.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { CREDS, type FakePlatforms } from '../support/fake-platforms.js';
import { connect, startFake } from '../support/platforms.js';

describe('platform callback address checks', () => {
  let t: TestContext;
  let fake: FakePlatforms;
  afterEach(async () => {
    await fake?.close();
    await t?.close();
  });

  const ts = () => String(Math.floor(t.clock.now().getTime() / 1000));

  it('DingTalk check_url: verified and decrypted with the app key, answered with the encrypted, signed "success"', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'dingtalk');
    const url = `/api/platforms/${id}/callback`;
    const encrypt = wecomEncrypt(CREDS.callback.encodingAesKey, JSON.stringify({ EventType: 'check_url' }), CREDS.dingtalk.appKey);
    const post = (signature: string, body: unknown = { encrypt }) =>
      t.app.inject({ method: 'POST', url: `${url}?signature=${signature}&timestamp=${ts()}&nonce=n42`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });

    const res = await post(msgSignature(CREDS.callback.token, ts(), 'n42', encrypt));
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as { msg_signature: string; timeStamp: string; nonce: string; encrypt: string };
    // The answer is signed with the callback token over its own timestamp and nonce, and opens to "success".
    expect(answer.msg_signature).toBe(msgSignature(CREDS.callback.token, answer.timeStamp, answer.nonce, answer.encrypt));
    expect(wecomDecrypt(CREDS.callback.encodingAesKey, answer.encrypt, CREDS.dingtalk.appKey)).toBe('success');

    // A forged signature, a payload sealed for another app and a body without `encrypt` are all refused.
    expect((await post('0'.repeat(40))).statusCode).toBe(403);
    const foreign = wecomEncrypt(CREDS.callback.encodingAesKey, JSON.stringify({ EventType: 'check_url' }), 'another-app-key');
    expect((await post(msgSignature(CREDS.callback.token, ts(), 'n42', foreign), { encrypt: foreign })).statusCode).toBe(403);
    expect((await post(msgSignature(CREDS.callback.token, ts(), 'n42', encrypt), { plain: 'check_url' })).statusCode).toBe(403);
  });

  it('Feishu url_verification: the challenge comes back only with the verification token, encrypted or plain', async () => {
    t = await setupTestApp();
    fake = await startFake(t);
    const id = await connect(t, fake, 'feishu');
    const url = `/api/platforms/${id}/callback`;
    const post = (payload: unknown) => t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    const check = (token: string) => ({ encrypt: feishuEncrypt(CREDS.callback.encryptKey, JSON.stringify({ challenge: 'ch-7f3a', token, type: 'url_verification' })) });

    const res = await post(check(CREDS.callback.verificationToken));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ challenge: 'ch-7f3a' });

    expect((await post(check('not-the-token'))).statusCode).toBe(403);
    // With an encrypt key set, a plain (unencrypted) check is not accepted: it could come from anyone.
    expect((await post({ challenge: 'ch-7f3a', token: CREDS.callback.verificationToken, type: 'url_verification' })).statusCode).toBe(403);
    expect((await post({ encrypt: 'not-base64-ciphertext' })).statusCode).toBe(403);
  });
});
