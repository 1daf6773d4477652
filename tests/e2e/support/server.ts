import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../../server/app.js';
import { systemClock, type Clock } from '../../../server/core/clock.js';
import { loadConfig } from '../../../server/core/config.js';
import type { App, Deps } from '../../../server/core/http.js';
import { openDatabase } from '../../../server/db/index.js';
import { buildOrg, type TestOrg } from '../../support/factories.js';

export const PASSWORD = 'password123';

export interface RunningServer {
  app: App;
  baseUrl: string;
  org: TestOrg;
  /** What the app runs with, for calling jobs (e.g. the SLA pass) directly in-process. */
  deps: Deps;
  /** JSON API calls as a user, through the same HTTP port the browser uses. */
  as(username: string): Promise<ApiCaller>;
  close(): Promise<void>;
}

export type ApiCaller = <T = unknown>(method: string, path: string, body?: unknown, contentType?: string) => Promise<{ status: number; body: T }>;

/**
 * The real app on 127.0.0.1 with a fresh SQLite file and the test org tree. The system clock is the default because
 * the browser runs in real time (sessions, "today"); a test that moves time passes a ManualClock started at the
 * real now and advances it by less than a session's lifetime.
 */
export async function startServer(options: { clock?: Clock } = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const webIndex = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));
  if (!existsSync(webIndex)) throw new Error('web/dist is missing: run `npm run build` (npm run test:e2e does it for you)');
  const dir = mkdtempSync(join(tmpdir(), 'actionflow-e2e-'));
  const database = openDatabase(`sqlite:${join(dir, 'e2e.db')}`);
  await database.migrate();
  const config = loadConfig({ ACTIONFLOW_DATA_DIR: dir , ACTIONFLOW_OUTBOUND_ALLOW: '127.0.0.1,::1,localhost' });
  const app = await buildApp({ database, clock, config, checkResponses: true });
  const org = await buildOrg(database.db, clock);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  async function as(username: string): Promise<ApiCaller> {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    return async (method, path, body, contentType = 'application/json') => {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, ...(body !== undefined ? { 'content-type': contentType } : {}) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* YAML or empty bodies stay text */
      }
      return { status: res.status, body: parsed as never };
    };
  }

  return {
    app,
    baseUrl,
    org,
    deps: { db: database.db, dialect: database.dialect, clock, config },
    as,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
