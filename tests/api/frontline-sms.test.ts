import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { startAliyunSmsReceiver, startTencentSmsReceiver } from '../support/sms-receivers.js';

/** Issue 15 point 7: real SMS providers, checked by local receivers that verify the documented signature and body. */
describe('SMS providers', () => {
  let t: TestContext;
  let admin: Requester;
  let aliyun: Awaited<ReturnType<typeof startAliyunSmsReceiver>>;
  let tencent: Awaited<ReturnType<typeof startTencentSmsReceiver>>;

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-30T06:07:08.000Z' });
    admin = await t.as('admin');
    aliyun = await startAliyunSmsReceiver('LTAI5tKey', 'aliyun-secret');
    tencent = await startTencentSmsReceiver('AKIDtencent', 'tencent-secret');
  });
  afterAll(async () => {
    await aliyun?.close();
    await tencent?.close();
    await t?.close();
  });

  const channel = async (payload: Record<string, unknown>) => {
    const res = await admin({ method: 'POST', url: '/api/channels', payload: { kind: 'sms', ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const test = (id: string, to: string) => admin({ method: 'POST', url: `/api/channels/${id}/test`, payload: { to } });

  it('sends through Aliyun SMS with a valid ACS3-HMAC-SHA256 signature and the template parameters as JSON', async () => {
    const id = await channel({ name: '阿里云短信', settings: { provider: 'aliyun', signName: '康捷医疗', templateCode: 'SMS_4000001', endpoint: aliyun.url }, secrets: { accessKeyId: 'LTAI5tKey', accessKeySecret: 'aliyun-secret' } });
    const res = await test(id, '13900139000');
    expect(res.json()).toMatchObject({ ok: true });
    const got = aliyun.received.at(-1)!;
    expect(got.signatureOk).toBe(true);
    expect(got.headers).toMatchObject({ 'x-acs-action': 'SendSms', 'x-acs-version': '2017-05-25', 'x-acs-date': '2026-11-30T06:07:08Z' });
    expect(got.query).toMatchObject({ PhoneNumbers: '13900139000', SignName: '康捷医疗', TemplateCode: 'SMS_4000001' });
    expect(JSON.parse(got.query.TemplateParam)).toEqual({ title: 'Actionflow 测试消息', link: 'http://127.0.0.1:3000/' });

    // A wrong secret is refused by the receiver and reported, not counted as sent.
    await admin({ method: 'PATCH', url: `/api/channels/${id}`, payload: { secrets: { accessKeySecret: 'wrong' } } });
    const refused = await test(id, '13900139000');
    expect(refused.json()).toMatchObject({ ok: false, error: expect.stringContaining('SignatureDoesNotMatch') });
    expect(aliyun.received.at(-1)!.signatureOk).toBe(false);
  });

  it('sends through Tencent Cloud SMS with a valid TC3-HMAC-SHA256 signature and positional template parameters', async () => {
    const id = await channel({
      name: '腾讯云短信',
      settings: { provider: 'tencent', signName: '康捷医疗', templateCode: '1234567', sdkAppId: '1400000001', region: 'ap-guangzhou', templateParams: ['title', 'link'], endpoint: tencent.url },
      secrets: { accessKeyId: 'AKIDtencent', accessKeySecret: 'tencent-secret' },
    });
    const res = await test(id, '139 0013 9000');
    expect(res.json()).toMatchObject({ ok: true });
    const got = tencent.received.at(-1)!;
    expect(got.signatureOk).toBe(true);
    expect(got.headers).toMatchObject({ 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11', 'x-tc-region': 'ap-guangzhou', 'x-tc-timestamp': String(Date.parse('2026-11-30T06:07:08.000Z') / 1000) });
    expect(JSON.parse(got.body)).toEqual({
      PhoneNumberSet: ['+8613900139000'],
      SmsSdkAppId: '1400000001',
      SignName: '康捷医疗',
      TemplateId: '1234567',
      TemplateParamSet: ['Actionflow 测试消息', 'http://127.0.0.1:3000/'],
    });
    await admin({ method: 'PATCH', url: `/api/channels/${id}`, payload: { secrets: { accessKeySecret: 'wrong' } } });
    expect((await test(id, '13900139000')).json()).toMatchObject({ ok: false, error: expect.stringContaining('AuthFailure.SignatureFailure') });
  });

  it('refuses to send without credentials instead of pretending', async () => {
    const id = await channel({ name: '未配置', settings: { provider: 'aliyun', signName: '康捷医疗', endpoint: aliyun.url } });
    const before = aliyun.received.length;
    expect((await test(id, '13900139000')).json()).toMatchObject({ ok: false, error: expect.stringContaining('accessKeyId') });
    expect(aliyun.received.length).toBe(before);
  });
});
