/**
 * A write that loses to another writer (SQLite still locked by another process after the busy timeout; on PostgreSQL a
 * deadlock or serialization victim, see tests/api/conflicts.test.ts) answers 409 CONFLICT `write_conflict` with
 * Retry-After, in Chinese first, instead of a 500 — and nothing of it is written, so sending it again is safe.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { ManualClock } from '../../server/core/clock.js';
import { loadConfig } from '../../server/core/config.js';
import type { App } from '../../server/core/http.js';
import { openDatabase, type DatabaseHandle } from '../../server/db/index.js';
import { buildOrg } from '../support/factories.js';
import { TEST_PASSWORD } from '../support/app.js';

describe('a write blocked by another process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actionflow-conflict-'));
  const file = join(dir, 'af.db');
  let database: DatabaseHandle;
  let app: App;
  let cookie = '';

  beforeAll(async () => {
    // A short busy timeout stands for the 30 s one running out.
    database = openDatabase(`sqlite:${file}`, { busyTimeoutMs: 50 });
    await database.migrate();
    const clock = new ManualClock('2026-11-02T02:00:00.000Z');
    app = await buildApp({ database, clock, config: loadConfig({ ACTIONFLOW_DATA_DIR: dir }), checkResponses: true });
    await buildOrg(database.db, clock);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'seller_a', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    cookie = `af_session=${login.cookies.find((c) => c.name === 'af_session')!.value}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const createCustomer = (name: string, lang = 'zh-CN') =>
    app.inject({ method: 'POST', url: '/api/customers', headers: { cookie, 'accept-language': lang }, payload: { name } });
  const count = async (name: string) => (await database.db.selectFrom('customers').select('id').where('name', '=', name).execute()).length;

  it('answers 409 write_conflict with Retry-After and writes nothing; the same request succeeds once the lock is gone', async () => {
    const other = new SQLite(file);
    other.prepare('begin immediate').run();
    try {
      const zh = await createCustomer('锁冲突客户');
      expect(zh.statusCode, zh.body).toBe(409);
      expect(zh.headers['retry-after']).toBe('1');
      const body = zh.json() as { error: { code: string; reason: string; message: string } };
      expect(body.error).toMatchObject({ code: 'CONFLICT', reason: 'write_conflict' });
      expect(body.error.message).toContain('请稍后重试');
      const en = await createCustomer('锁冲突客户', 'en');
      expect((en.json() as { error: { message: string } }).error.message).toContain('please try again');
    } finally {
      other.prepare('rollback').run();
      other.close();
    }
    expect(await count('锁冲突客户')).toBe(0);
    expect((await createCustomer('锁冲突客户')).statusCode).toBe(201);
    expect(await count('锁冲突客户')).toBe(1);
  });
});
