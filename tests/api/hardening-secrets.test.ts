import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSecrets, open, parseSecretKey, seal, SECRET_KEY_FILE, SecretKeyError } from '../../server/core/secrets.js';
import { newId } from '../../server/core/ids.js';
import { findChannel, resealChannelSecrets } from '../../server/modules/channels/repo.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { startRobotReceiver, type RobotReceiver } from '../support/receivers.js';

/**
 * Issue 14, defect 10: channel secrets (robot keys, signing secrets, SMTP passwords, SMS access keys) are sealed at
 * rest with AES-256-GCM under a key from the environment (or a 0600 key file in the data directory), rotate without
 * downtime, and plaintext rows from before are sealed.
 */
describe('hardening: channel secrets sealed at rest', () => {
  let t: TestContext;
  let admin: Requester;
  let robot: RobotReceiver;
  const keyA = randomBytes(32).toString('base64');
  const keyB = randomBytes(32).toString('hex');

  beforeAll(async () => {
    t = await setupTestApp({ config: { secretKey: keyA } });
    admin = await t.as('admin');
    robot = await startRobotReceiver('dingtalk', { now: () => t.clock.now(), secret: 'SECsealed-1' });
  });
  afterAll(async () => {
    await robot?.close();
    await t?.close();
  });

  const createRobot = async (name: string) => {
    const res = await admin({ method: 'POST', url: '/api/channels', payload: { kind: 'dingtalk', name, settings: { format: 'text' }, secrets: { webhookUrl: robot.url, secret: 'SECsealed-1' } } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const stored = async (id: string) => (await t.db.selectFrom('channels').select('secrets').where('id', '=', id).executeTakeFirstOrThrow()).secrets;
  const testSend = (id: string) => admin({ method: 'POST', url: `/api/channels/${id}/test`, payload: {} });

  it('stores the secrets sealed under the configured key, never returns them, and still delivers signed messages', async () => {
    const id = await createRobot('加密群');
    const value = await stored(id);
    expect(value).toMatch(new RegExp(`^enc:v1:${parseSecretKey(keyA).id}:`));
    for (const leak of ['SECsealed-1', new URL(robot.url).searchParams.get('access_token')!]) expect(value).not.toContain(leak);
    const shown = await admin({ method: 'GET', url: `/api/channels/${id}` });
    expect(shown.json()).toMatchObject({ secretSet: true, secretFields: ['secret', 'webhookUrl'] });
    expect(shown.body).not.toContain('SECsealed-1');
    const sent = await testSend(id);
    expect(sent.json(), sent.body).toMatchObject({ ok: true });
    expect(robot.accepted.at(-1)!.text).toContain('加密群');
  });

  let moved = '';
  it('a sealed value copied into another channel does not open there (authenticated context)', async () => {
    const a = await createRobot('甲群');
    const b = await createRobot('乙群');
    moved = b;
    await t.db.updateTable('channels').set({ secrets: await stored(a) }).where('id', '=', b).execute();
    const loaded = (await findChannel(t.db, b))!;
    expect(loaded.secrets).toEqual({});
    expect(loaded.secretsError).toContain(`channel:${b}`);
    const sent = await testSend(b);
    expect(sent.json()).toMatchObject({ ok: false, error: expect.stringContaining('secrets unreadable') });
    // The admin screen still lists every channel.
    expect((await admin({ method: 'GET', url: '/api/channels' })).statusCode).toBe(200);
  });

  it('seals plaintext rows from before, and rotation re-seals everything under the new key', async () => {
    const now = t.clock.now().toISOString();
    const legacy = newId();
    const plaintext = JSON.stringify({ webhookUrl: robot.url, secret: 'SECsealed-1' });
    await t.db.insertInto('channels').values({ id: legacy, kind: 'dingtalk', name: '旧明文群', team_id: null, settings: '{"format":"text"}', secrets: plaintext, rate_per_minute: null, rate_per_second: null, enabled: 1, created_at: now, updated_at: now }).execute();
    // A plaintext row still works until it is sealed …
    expect((await testSend(legacy)).json()).toMatchObject({ ok: true });
    // … and the startup pass seals plaintext only.
    const first = await resealChannelSecrets(t.db, { plaintextOnly: true });
    expect(first.resealed).toBe(1);
    expect(await stored(legacy)).toMatch(/^enc:v1:/);

    // Rotation: B becomes the current key, A stays readable as a previous key until `secrets rotate` ran.
    configureSecrets({ dataDir: t.config.dataDir, secretKey: keyB, previousSecretKeys: [keyA] });
    expect((await testSend(legacy)).json()).toMatchObject({ ok: true });
    const rotated = await resealChannelSecrets(t.db);
    // Every readable row is now under B; the moved 乙群 value opens nowhere and is reported, not lost.
    expect(rotated.unreadable).toEqual([moved]);
    expect(rotated.resealed).toBe(rotated.total - 1);
    for (const row of await t.db.selectFrom('channels').select(['id', 'secrets']).where('id', '!=', moved).execute()) {
      expect(row.secrets.startsWith(`enc:v1:${parseSecretKey(keyB).id}:`), row.id).toBe(true);
    }
    // Only B configured from now on: everything still opens and delivers.
    configureSecrets({ dataDir: t.config.dataDir, secretKey: keyB });
    expect((await testSend(legacy)).json()).toMatchObject({ ok: true });
  });

  it('without ACTIONFLOW_SECRET_KEY, a key file is generated in the data directory with mode 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actionflow-secret-'));
    configureSecrets({ dataDir: dir });
    const sealed = seal('smtp-password', 'channel:x');
    const file = join(dir, SECRET_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(sealed.startsWith(`enc:v1:${parseSecretKey(readFileSync(file, 'utf8')).id}:`)).toBe(true);
    expect(open(sealed, 'channel:x')).toBe('smtp-password');
    expect(() => open(sealed, 'channel:y')).toThrow(SecretKeyError);
    expect(() => parseSecretKey('too-short')).toThrow(/32 bytes/);
  });
});
