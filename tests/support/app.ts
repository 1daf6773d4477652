import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.js';
import { ManualClock } from '../../server/core/clock.js';
import { loadConfig, type AppConfig } from '../../server/core/config.js';
import type { App } from '../../server/core/http.js';
import { openTestDatabase } from './database.js';
import { buildOrg, type TestOrg } from './factories.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestContext {
  app: App;
  db: Awaited<ReturnType<typeof openTestDatabase>>['db'];
  dialect: 'sqlite' | 'postgres';
  clock: ManualClock;
  org: TestOrg;
  /** The app's configuration (e.g. `filesDir`, a fresh temp directory per test file). */
  config: AppConfig;
  /** Session cookie per username, logged in through the real endpoint. */
  as(username: string): Promise<Requester>;
  /** A handle on the same database whose work is rolled back when destroyed (`tick --dry-run`). */
  rehearse(): TestContext['db'];
  close(): Promise<void>;
}

export type Requester = (options: Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> }) => Promise<LightMyRequestResponse>;

export const TEST_PASSWORD = 'password123';

export async function setupTestApp(options: { start?: string; loginMax?: number; config?: Partial<AppConfig> } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = new ManualClock(options.start ?? '2026-11-02T02:00:00.000Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'actionflow-test-'));
  const base = loadConfig({ ACTIONFLOW_DATA_DIR: dataDir });
  const config: AppConfig = { ...base, maxUploadBytes: 1024 * 1024, maxImportBytes: 2 * 1024 * 1024, loginThrottle: { ...base.loginThrottle, accountFailures: options.loginMax ?? 1000, addressFailures: options.loginMax ?? 1000 }, outboundAllow: ['127.0.0.1', '::1', 'localhost'], ...options.config };
  const app = await buildApp({ database, clock, config, checkResponses: true });
  const org = await buildOrg(database.db, clock);
  const cookies = new Map<string, string>();

  async function as(username: string): Promise<Requester> {
    let cookie = cookies.get(username);
    if (!cookie) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const set = res.cookies.find((c) => c.name === 'af_session');
      if (!set) throw new Error('no session cookie');
      cookie = `af_session=${set.value}`;
      cookies.set(username, cookie);
    }
    const value = cookie;
    return (req) => app.inject({ ...req, headers: { ...(req.headers ?? {}), cookie: value } } as InjectOptions);
  }

  return {
    app,
    db: database.db,
    dialect: database.dialect,
    clock,
    org,
    config,
    as,
    rehearse: () => database.rehearse(),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
