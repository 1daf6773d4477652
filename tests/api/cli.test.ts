import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { systemClock } from '../../server/core/clock.js';
import { loadConfig } from '../../server/core/config.js';
import { openDatabase, type DatabaseHandle } from '../../server/db/index.js';
import { TEST_DATABASE_URL, testDialect } from '../support/database.js';

const root = join(import.meta.dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `actionflow` entry point (`node bin/actionflow.js`), with no stdin, as a user or CI would. */
function actionflow(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'actionflow.js'), ...args], {
      cwd: root,
      env: { ...process.env, ...env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const PIPELINE = `key: quick_flow
name: 快速流程
stages:
  - key: first
    name: 初次接触
    probability: 10
  - key: Second
    name: 方案
    probability: 500
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

describe('actionflow CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actionflow-cli-'));
  // SQLite project: a database file in a temp dir. PostgreSQL project: a database of its own on the test server,
  // as a real installation has (the CLI takes a plain DATABASE_URL, no schema option).
  const database = `actionflow_cli_${randomBytes(5).toString('hex')}`;
  const env: Record<string, string> = { ACTIONFLOW_DATA_DIR: join(dir, 'data') };
  if (testDialect() === 'postgres') {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  } else env.DATABASE_URL = `sqlite:${join(dir, 'data', 'cli.db')}`;

  const open = (): DatabaseHandle => openDatabase(env.DATABASE_URL, { poolSize: 2 });
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
  });
  afterAll(async () => {
    if (testDialect() === 'postgres') await admin(`drop database if exists ${database} with (force)`);
  });

  it('pipeline validate prints file:line:column for each error and exits 1', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, PIPELINE);
    const run = await actionflow(['pipeline', 'validate', file], env);
    expect(run.code).toBe(1);
    // `- key: Second` is line 7 (the value starts at column 10), `probability: 500` line 9 (column 18).
    expect(run.stderr).toContain(`${file}:7:10: must start with a lowercase letter`);
    expect(run.stderr).toContain(`${file}:9:18: must be 0-100 (stages[1].probability)`);
    expect(run.stderr).toMatch(/2 error\(s\)/);

    const good = join(dir, 'good.yaml');
    writeFileSync(good, PIPELINE.replace('key: Second', 'key: second').replace('probability: 500', 'probability: 50'));
    const ok = await actionflow(['pipeline', 'validate', good], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('valid (3 stages)');
  }, 60_000);

  it('pipeline validate and import answer an alias bomb or 10,000-level nesting with FILE:line:col, never a stack trace', async () => {
    const bomb = join(dir, 'bomb.yaml');
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, c] of [...'bcdefghi'].entries()) lines.push(`${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`);
    writeFileSync(bomb, lines.join('\n'));
    const deep = join(dir, 'deep.yaml');
    writeFileSync(deep, `key: x\nstages: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    for (const [file, command] of [[bomb, 'validate'], [deep, 'validate'], [bomb, 'import']]) {
      const run = await actionflow(['pipeline', command, file], env);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: (too many alias|the document is nested too deeply)`, 'm'));
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  it('migrate creates the schema on an empty database and is idempotent', async () => {
    const first = await actionflow(['migrate'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\): 0001_foundation/);
    const again = await actionflow(['migrate'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already up to date');
    const database = open();
    try {
      const users = await database.db.selectFrom('users').select(database.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(users.n)).toBe(0);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('user add creates a user who can log in with the generated password; bad input exits 1 naming the option', async () => {
    const demo = await actionflow(['demo', '--scale', '0.1'], env);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('seller_east1');

    const unknownTeam = await actionflow(['user', 'add', '--username', 'new_seller', '--name', '新销售', '--role', 'seller', '--team', '不存在的组'], env);
    expect(unknownTeam.code).toBe(1);
    expect(unknownTeam.stderr).toContain('--team');
    const badRole = await actionflow(['user', 'add', '--username', 'new_seller', '--name', '新销售', '--role', 'king', '--team', '华南一组（广州）'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('--role');

    const added = await actionflow(['user', 'add', '--username', 'new_seller', '--name', '新销售', '--role', 'seller', '--team', '华南一组（广州）'], env);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(added.stdout)?.[1];
    expect(password).toBeTruthy();

    const database = open();
    const config = loadConfig({ ACTIONFLOW_DATA_DIR: join(dir, 'data') });
    const app = await buildApp({ database, clock: systemClock, config });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'new_seller', password } });
      expect(login.statusCode).toBe(200);
      expect(login.json().user).toMatchObject({ username: 'new_seller', displayName: '新销售', role: 'seller', team: { name: '华南一组（广州）' } });
      const dup = await actionflow(['user', 'add', '--username', 'new_seller', '--name', 'x', '--role', 'seller', '--team', '华南一组（广州）', '--password', 'longenough'], env);
      expect(dup.code).toBe(1);
      expect(dup.stderr).toMatch(/taken/);
    } finally {
      await app.close();
      await database.close();
    }
  }, 90_000);

  it('serve on an existing database prints no demo passwords, and SIGTERM stops it within 5 s (worker included)', async () => {
    const child = spawn(process.execPath, [join(root, 'bin', 'actionflow.js'), 'serve', '--port', '0'], {
      cwd: root,
      env: { ...process.env, ...env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /running at (http:\/\/[^/]+)\//.exec(stdout);
        if (m) {
          clearInterval(timer);
          resolve(m[1]);
        }
      }, 50);
      void exited.then(() => reject(new Error(`serve exited early: ${stdout}`)));
    });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(stdout).not.toContain('demo1234');
    const started = Date.now();
    child.kill('SIGTERM');
    // Waiting for the exit rather than a fixed delay: under CI load the signal can take longer than any guess to land.
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  }, 90_000);
});
