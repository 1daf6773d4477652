import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.js';
import { openDatabase } from '../../server/db/index.js';
import { TEST_DATABASE_URL, testDialect } from '../support/database.js';
import { buildOrg } from '../support/factories.js';
import { creditCode, xlsx } from '../support/imports.js';

const root = join(import.meta.dirname, '..', '..');

function actionflow(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'actionflow.js'), ...args], { cwd: root, env: { ...process.env, ...env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('actionflow import customers (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actionflow-import-cli-'));
  const database = `actionflow_icli_${randomBytes(5).toString('hex')}`;
  const env: Record<string, string> = { ACTIONFLOW_DATA_DIR: join(dir, 'data') };
  if (testDialect() === 'postgres') {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  } else env.DATABASE_URL = `sqlite:${join(dir, 'data', 'cli.db')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    if (testDialect() === 'postgres') await admin(`create database ${database}`);
    const handle = openDatabase(env.DATABASE_URL, { poolSize: 2 });
    await handle.migrate();
    await buildOrg(handle.db, new ManualClock('2026-11-02T02:00:00.000Z'));
    await handle.close();
  }, 60_000);
  afterAll(async () => {
    if (testDialect() === 'postgres') await admin(`drop database if exists ${database} with (force)`);
  });

  it('dry run writes nothing, the import prints one JSON object last, and a second run changes nothing', async () => {
    const file = join(dir, '客户.xlsx');
    writeFileSync(file, await xlsx([['客户名称', '手机号', '统一社会信用代码', '负责人'], ['嘉兴一号公司', '13800138070', creditCode(70), 'seller_a'], ['嘉兴二号公司', '13800138071', '', ''], ['嘉兴三号公司', '1.38E+10', '', 'seller_a']]));
    const dry = await actionflow(['import', 'customers', file, '--dry-run', '--json'], env);
    expect(dry.code, dry.stderr).toBe(0);
    // Row 3 has no owner and the organisation imports without --owner: an error, like the scientific phone.
    expect(JSON.parse(dry.stdout.trim().split('\n').pop()!)).toMatchObject({ created: 1, updated: 0, unchanged: 0, errors: 2 });
    const first = await actionflow(['import', 'customers', file, '--owner', 'seller_b', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('commit 导入');
    expect(JSON.parse(first.stdout.trim().split('\n').pop()!)).toMatchObject({ created: 2, updated: 0, unchanged: 0, errors: 1 });
    const again = await actionflow(['import', 'customers', file, '--owner', 'seller_b', '--json'], env);
    expect(JSON.parse(again.stdout.trim().split('\n').pop()!)).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: 1 });
    const handle = openDatabase(env.DATABASE_URL, { poolSize: 2 });
    try {
      const rows = await handle.db.selectFrom('customers').innerJoin('users', 'users.id', 'customers.owner_id').select(['customers.name', 'users.username']).where('customers.name', 'like', '嘉兴%').orderBy('customers.name').execute();
      expect(rows).toEqual([
        { name: '嘉兴一号公司', username: 'seller_a' },
        { name: '嘉兴二号公司', username: 'seller_b' },
      ]);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
