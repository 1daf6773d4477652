/** Helpers of the platform tests: a fake platform server, a connection pointed at it, and the outbox drained. */
import { expect } from 'vitest';
import type { Deps } from '../../server/core/http.js';
import { dispatchDue } from '../../server/modules/notifications/dispatcher.js';
import type { TestContext } from './app.js';
import { CREDS, FakePlatforms } from './fake-platforms.js';

export async function startFake(t: TestContext): Promise<FakePlatforms> {
  const fake = await new FakePlatforms(t.clock).start();
  fake.depts = [
    { id: '2', name: '华东销售部', parentId: '1' },
    { id: '3', name: '华东一店', parentId: '2' },
  ];
  return fake;
}

export const depsOf = (t: TestContext): Deps => ({ db: t.db, dialect: t.dialect, clock: t.clock, config: t.config });

/** Creates a connection of `platform` pointed at the fake; returns its id. */
export async function connect(t: TestContext, fake: FakePlatforms, platform: 'wecom' | 'dingtalk' | 'feishu', settings: Record<string, unknown> = {}): Promise<string> {
  const admin = await t.as('admin');
  const ids = platform === 'wecom' ? { corpId: CREDS.wecom.corpId, agentId: CREDS.wecom.agentId } : platform === 'dingtalk' ? { appKey: CREDS.dingtalk.appKey, agentId: CREDS.dingtalk.agentId } : { appId: CREDS.feishu.appId };
  const secrets =
    platform === 'feishu'
      ? { secret: CREDS.feishu.secret, verificationToken: CREDS.callback.verificationToken, encryptKey: CREDS.callback.encryptKey }
      : { secret: CREDS[platform].secret, callbackToken: CREDS.callback.token, encodingAesKey: CREDS.callback.encodingAesKey, ...(platform === 'dingtalk' ? { cardApiSecret: CREDS.dingtalk.cardApiSecret } : {}) };
  const res = await admin({
    method: 'POST',
    url: '/api/platforms',
    payload: { platform, name: `${platform} 应用`, settings: { ...ids, baseUrl: fake.url, apiBaseUrl: fake.url, loginBaseUrl: fake.url, signIn: true, ...settings }, secrets },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Runs the dispatcher until nothing is due (as of the test clock). */
export async function drain(t: TestContext): Promise<void> {
  for (let i = 0; i < 20 && (await dispatchDue(depsOf(t), { workerId: 'test' })) > 0; i++);
}
