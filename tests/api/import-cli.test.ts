import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Starts the CLI and answers the child (to kill) and its exit. */
function startActionflow(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [join(root, 'bin', 'actionflow.js'), ...args], { cwd: root, env: { ...process.env, ...env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (_code, signal) => resolve({ signal, stderr })));
  return { child, exited };
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
    const errorFile = join(dir, '客户-错误.csv');
    const dry = await actionflow(['import', 'customers', file, '--dry-run', '--json', '--errors', errorFile], env);
    expect(dry.code, dry.stderr).toBe(0);
    // Row 3 has no owner and the organisation imports without --owner: an error, like the scientific phone.
    const errorRows = readFileSync(errorFile, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').slice(1);
    expect(errorRows.map((r) => r.split(',')[0]), errorRows.join('\n')).toEqual(['嘉兴二号公司', '嘉兴三号公司']);
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
  }, 240_000);

  it('actionflow import contracts: a plan that does not sum is an error row, a second run changes nothing', async () => {
    // A won deal of the customer the first test imported.
    const handle = openDatabase(env.DATABASE_URL, { poolSize: 2 });
    try {
      const customer = await handle.db.selectFrom('customers').select(['id', 'owner_id', 'team_path']).where('name', '=', '嘉兴一号公司').executeTakeFirstOrThrow();
      const now = '2026-11-02T02:00:00.000Z';
      const pipelineId = `p-${randomBytes(4).toString('hex')}`;
      await handle.db.insertInto('pipelines').values({ id: pipelineId, key: 'cli-contracts', name: 'B2B', name_en: null, template_key: null, definition: JSON.stringify({ key: 'cli-contracts', name: 'B2B', stages: [] }), version: 1, archived: 0, created_at: now, updated_at: now }).execute();
      await handle.db
        .insertInto('deals')
        .values({ id: `d-${randomBytes(4).toString('hex')}`, title: '嘉兴一号年度采购', customer_id: customer.id, pipeline_id: pipelineId, stage_key: 'won', status: 'won', owner_id: customer.owner_id, team_path: customer.team_path, amount_fen: 0, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now })
        .execute();
    } finally {
      await handle.close();
    }
    const file = join(dir, '合同.xlsx');
    writeFileSync(
      file,
      await xlsx([
        ['合同编号', '客户名称', '商机名称', '签订日期', '合同金额', '第1期付款日', '第1期金额', '第2期付款日', '第2期金额'],
        ['JX-2026-001', '嘉兴一号公司', '嘉兴一号年度采购', '2026-10-08', '¥50,000', '2026-11-30', '20000', '2026-12-31', '30000'],
        ['JX-2026-002', '嘉兴一号公司', '嘉兴一号年度采购', '2026-10-08', '50000', '2026-11-30', '20000', '2026-12-31', '20000'],
      ]),
    );
    const first = await actionflow(['import', 'contracts', file, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout.trim().split('\n').pop()!)).toMatchObject({ created: 1, updated: 0, unchanged: 0, errors: 1 });
    const again = await actionflow(['import', 'contracts', file, '--json'], env);
    expect(JSON.parse(again.stdout.trim().split('\n').pop()!)).toMatchObject({ created: 0, updated: 0, unchanged: 1, errors: 1 });
    const check = openDatabase(env.DATABASE_URL, { poolSize: 2 });
    try {
      const contracts = await check.db.selectFrom('contracts').select(['number', 'amount_fen']).execute();
      expect(contracts.map((c) => [c.number, Number(c.amount_fen)])).toEqual([['JX-2026-001', 5_000_000]]);
    } finally {
      await check.close();
    }
  }, 120_000);

  it('kill -9 during the commit, then `import resume ID`: every row once (with --mapping FILE and --mode create)', async () => {
    // Headers no synonym knows: without --mapping there would be no name column at all.
    const rows: string[][] = [['甲列', '乙列']];
    for (let i = 0; i < 3000; i++) rows.push([`断点续传${i}号商贸有限公司`, `1390${String(i).padStart(7, '0')}`]);
    const file = join(dir, '断点.xlsx');
    writeFileSync(file, await xlsx(rows));
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ 甲列: 'name', 乙列: 'phone' }));
    const handle = openDatabase(env.DATABASE_URL, { poolSize: 1 });
    const created = async () => Number((await handle.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('name', 'like', '断点续传%').executeTakeFirstOrThrow()).n);
    try {
      const run = startActionflow(['import', 'customers', file, '--mapping', mapping, '--mode', 'create', '--owner', 'seller_a', '--json'], env);
      // Wait for the first committed batch (of six), then kill the process without letting it clean up.
      let state: { id: string; status: string; applied_rows: number } | undefined;
      await expect
        .poll(
          async () => {
            state = await handle.db.selectFrom('imports').select(['id', 'status', 'applied_rows']).where('file_name', '=', '断点.xlsx').executeTakeFirst();
            return state?.status === 'committing' && Number(state.applied_rows) > 0;
          },
          { timeout: 90_000, interval: 20 },
        )
        .toBe(true);
      run.child.kill('SIGKILL');
      expect((await run.exited).signal).toBe('SIGKILL');
      const died = await handle.db.selectFrom('imports').select(['status', 'applied_rows', 'committed_through']).where('id', '=', state!.id).executeTakeFirstOrThrow();
      expect(died.status).toBe('committing');
      expect(Number(died.applied_rows)).toBeLessThan(3000);
      // Batches are all or nothing: exactly the checkpointed rows exist.
      expect(await created()).toBe(Number(died.applied_rows));
      // The dead process's lease (2 minutes) has run out, as it would have before anyone notices and resumes.
      await handle.db.updateTable('imports').set({ lease_until: '2000-01-01T00:00:00.000Z' }).where('id', '=', state!.id).execute();
      const resumed = await actionflow(['import', 'resume', state!.id, '--json'], env);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(JSON.parse(resumed.stdout.trim().split('\n').pop()!)).toMatchObject({ created: 3000, errors: 0 });
      expect(await created()).toBe(3000);
      const phones = await handle.db.selectFrom('customers').select((eb) => eb.fn.count<number>('phone_normalized').distinct().as('n')).where('name', 'like', '断点续传%').executeTakeFirstOrThrow();
      expect(Number(phones.n)).toBe(3000);
      expect((await handle.db.selectFrom('imports').select('status').where('id', '=', state!.id).executeTakeFirstOrThrow()).status).toBe('committed');
    } finally {
      await handle.close();
    }
  }, 240_000);
});
