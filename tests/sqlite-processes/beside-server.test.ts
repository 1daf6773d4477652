/**
 * SQLite: every CLI command works while `actionflow serve` writes to the same file. Write transactions take the
 * write lock when they begin and wait for it (busy_timeout), so nobody sees "database is locked".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/index.js';
import { actionflow, session, startServer, type Server } from './support.js';

const PIPELINE = `key: beside_flow
name: 并行流程
stages:
  - key: first
    name: 初次接触
    probability: 10
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

describe('the CLI beside a running server on one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actionflow-beside-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'af.db')}`, ACTIONFLOW_DATA_DIR: dir };
  let server: Server;

  beforeAll(async () => {
    const demo = await actionflow(['demo', '--scale', '0.05'], env);
    expect(demo.code, demo.stderr).toBe(0);
    server = await startServer(env);
  }, 180_000);
  afterAll(async () => server?.stop());

  it('tick, migrate, user add, pipeline import and imports all succeed while the server keeps writing', async () => {
    const admin = await session(server.url, 'admin', 'demo1234');
    let writes = 0;
    const failures: string[] = [];
    let writing = true;
    // The server writes continuously (customers through the API, plus its own background jobs).
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const res = await admin('/api/customers', { method: 'POST', body: JSON.stringify({ name: `并行写入客户${i}` }) });
        if (res.status === 201) writes++;
        else failures.push(`${res.status} ${await res.text()}`);
      }
    })();

    const file = join(dir, 'pipeline.yaml');
    writeFileSync(file, PIPELINE);
    // More rows than one commit batch (500): the import writes in several short transactions between the server's.
    const customers = join(dir, 'customers.csv');
    writeFileSync(customers, ['客户名称,手机号', ...Array.from({ length: 700 }, (_, i) => `旁路导入客户${i},139${String(i).padStart(8, '0')}`)].join('\n'));
    const activities = join(dir, 'activities.csv');
    writeFileSync(activities, ['客户名称,跟进方式,跟进时间,跟进内容', ...Array.from({ length: 700 }, (_, i) => `旁路导入客户${i},电话,2026-10-01 10:00,导入的电话${i}`)].join('\n'));
    const commands = [
      ['tick', '--at', new Date(Date.now() + 3 * 86_400_000).toISOString(), '--json'],
      ['migrate'],
      ['user', 'add', '--username', 'beside_user', '--name', '并行用户', '--role', 'seller', '--team', '华东一组（杭州）', '--password', 'longenough123'],
      ['pipeline', 'import', file],
      ['import', 'customers', customers, '--owner', 'admin', '--json'],
      ['import', 'activities', activities, '--json'],
      ['tick', '--at', new Date(Date.now() + 3 * 86_400_000).toISOString(), '--dry-run'],
    ];
    const runs = [];
    for (const args of commands) {
      const before = writes;
      const run = await actionflow(args, env);
      runs.push({ args: args.join(' '), code: run.code, stderr: run.stderr, writesDuring: writes - before });
      expect(run.stderr, args.join(' ')).not.toContain('database is locked');
      expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
    }
    writing = false;
    await writer;
    expect(failures).toEqual([]);
    // The server really was writing while the commands ran.
    expect(runs.filter((r) => r.writesDuring > 0).length, JSON.stringify(runs)).toBeGreaterThanOrEqual(3);
    const login = await session(server.url, 'beside_user', 'longenough123');
    expect((await login('/api/me')).status).toBe(200);
    const handle = openDatabase(env.DATABASE_URL);
    try {
      expect(await handle.db.selectFrom('pipelines').select('key').where('key', '=', 'beside_flow').executeTakeFirst()).toEqual({ key: 'beside_flow' });
      const imported = await handle.db.selectFrom('activities').innerJoin('customers', 'customers.id', 'activities.customer_id').select((eb) => eb.fn.countAll<number>().as('n')).where('customers.name', 'like', '旁路导入客户%').executeTakeFirstOrThrow();
      expect(Number(imported.n)).toBe(700);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
