/**
 * `actionflow import customers|deals|activities FILE [--mapping M] [--dry-run] [--mode create|update|upsert] [--json]` and
 * `actionflow import resume ID`: the staged import from a terminal, beside a running server (SQLite: every batch is
 * its own short write transaction). Progress goes to standard error; `--json` prints one object last on standard
 * output: { "created", "updated", "unchanged", "errors", … }.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '../core/clock.js';
import type { AnyActor } from '../core/policy.js';
import type { DatabaseHandle } from '../db/index.js';
import type { AppConfig } from '../core/config.js';
import { CliError, table, withDatabase } from './context.js';
import { IMPORT_KINDS, type ImportKind } from '../modules/imports/fields.js';

interface ImportCliOptions {
  mapping?: string;
  dryRun?: boolean;
  mode: 'create' | 'update' | 'upsert';
  duplicates?: 'skip' | 'update' | 'create';
  json?: boolean;
  as?: string;
  owner?: string;
  format?: 'xlsx' | 'csv';
  encoding?: 'utf8' | 'gb18030';
  errors?: string;
}

/** A one-line progress bar on standard error, redrawn in place on a terminal, every 10 % otherwise. */
function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return {
    update(done: number, total: number | null) {
      const share = total ? Math.min(1, done / total) : null;
      const bar = share === null ? '' : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${Math.round(share * 100)}% `;
      const line = `${label} ${bar}${done}${total ? `/${total}` : ''} rows`;
      if (tty) process.stderr.write(`\r${line}`);
      else if (share !== null && Math.floor(share * 10) > lastDecile) {
        lastDecile = Math.floor(share * 10);
        process.stderr.write(`${line}\n`);
      }
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}

async function actorFor(database: DatabaseHandle, username: string | undefined): Promise<AnyActor> {
  const { systemActor } = await import('../core/policy.js');
  if (!username) return systemActor('cli');
  const { findUserByUsername, toActor } = await import('../modules/auth/repo.js');
  const user = await findUserByUsername(database.db, username);
  if (!user || user.active !== 1) throw new CliError(`no active user "${username}"`);
  return toActor(user);
}

function printSummary(label: string, counts: Record<string, number>) {
  console.error(`${label}:`);
  console.error(table(['created 新建', 'updated 更新', 'unchanged 未变', 'errors 错误', 'skipped 跳过', 'conflicts 冲突', 'denied 无权'], [[counts.created, counts.updated, counts.unchanged, counts.errors, counts.skipped, counts.conflicts, counts.denied].map(String)]));
}

async function importFile(kind: ImportKind, file: string, options: ImportCliOptions) {
  if (!existsSync(file)) throw new CliError(`cannot read ${file}`);
  await withDatabase(async (database, config: AppConfig) => {
    const service = await import('../modules/imports/service.js');
    const { headerKey } = await import('../modules/imports/mapping.js');
    const deps = { db: database.db, clock: systemClock, config };
    const actor = await actorFor(database, options.as);
    let defaultOwnerId: string | null = null;
    if (options.owner) {
      const { findUserByUsername } = await import('../modules/auth/repo.js');
      const owner = await findUserByUsername(database.db, options.owner);
      if (!owner) throw new CliError(`no user "${options.owner}"`);
      defaultOwnerId = owner.id;
    }
    const uploaded = await service.importFromPath(deps, actor, file, basename(file), { format: options.format, encoding: options.encoding, kind });
    const headers = uploaded.import.headers;
    let mapping = uploaded.suggested;
    if (options.mapping) {
      // A saved preset by name, or a JSON file { "header": "field" }.
      const presets = (await service.listPresets(deps, actor, kind)).items;
      const preset = presets.find((p) => p.name === options.mapping);
      const byHeader: Record<string, string> = preset ? preset.mapping : existsSync(options.mapping) ? JSON.parse(readFileSync(options.mapping, 'utf8')) : null;
      if (!byHeader) throw new CliError(`--mapping: no preset or file "${options.mapping}"`);
      const keyed = new Map(Object.entries(byHeader).map(([h, f]) => [headerKey(h), f]));
      mapping = headers.map((h) => (keyed.get(headerKey(h)) as (typeof mapping)[number]) ?? null);
    }
    if (!options.json) {
      console.error(`${file}: ${uploaded.import.format}${uploaded.import.encoding ? ` (${uploaded.import.encoding})` : ''}, import ${uploaded.import.id}`);
      console.error(table(['column 列', 'field 字段'], headers.map((h, i) => [h, mapping[i] ?? '—'])));
    }
    const dryBar = progressBar('dry run 校验');
    const dry = await service.startDryRun(
      deps,
      actor,
      uploaded.import.id,
      { mapping, options: { mode: options.mode, duplicates: options.duplicates ?? (options.mode === 'create' ? 'skip' : 'update'), perRowEvents: false, defaultOwnerId }, wait: true },
      (p) => dryBar.update(p.done, p.total),
    );
    dryBar.end();
    printSummary(`dry run 预检 (${dry.totalRows} rows)`, dry.counts);
    if (options.errors && dry.counts.errors + dry.counts.denied + dry.counts.conflicts > 0) {
      const { createWriteStream } = await import('node:fs');
      const out = createWriteStream(options.errors);
      await service.errorFile(deps, actor, dry.id, options.errors.endsWith('.csv') ? 'csv' : 'xlsx', 'zh', out);
      await new Promise<void>((resolve) => out.once('close', () => resolve()));
      console.error(`error file 错误文件: ${options.errors}`);
    }
    let final = dry.counts;
    if (!options.dryRun) {
      const bar = progressBar('commit 导入');
      const committed = await service.startCommit(deps, actor, dry.id, { wait: true }, { onProgress: (p) => bar.update(p.done, p.total) });
      bar.end();
      final = committed.result ?? final;
      printSummary(`commit 导入 (${committed.status})`, final);
    }
    if (options.json) console.log(JSON.stringify({ import: dry.id, ...final }));
  });
}

export function registerImport(program: Command): void {
  const cmd = program.command('import').description('Staged imports from Excel/CSV 导入');
  const WHAT: Record<ImportKind, string> = {
    customers: 'Import customers (with a contact per row): dry run, then commit in checkpointed batches',
    deals: 'Import deals, open or closed (won/lost on a date): rows name their customer by name, credit code or phone',
    activities: 'Import the follow-up history (one activity per row, on a customer and optionally one of its deals)',
    contracts: 'Import contracts with payment plans, one row per contract (合同编号 is the key): instalment columns 第N期付款日/金额/付款方式/开票日, or 分期数 + 首期付款日; the plan must sum exactly',
  };
  for (const kind of IMPORT_KINDS) {
    cmd
      .command(kind)
      .argument('<file>', '.xlsx, or .csv in UTF-8 (with or without BOM) or GBK/GB18030')
      .option('--mapping <preset|file>', 'a saved mapping preset name, or a JSON file {"header": "field"}; default: suggested from the headers')
      .option('--dry-run', 'validate and report only; write nothing')
      .option('--mode <mode>', 'create | update | upsert', 'upsert')
      .option('--duplicates <policy>', 'an existing record matched by its natural key: skip | update | create')
      .option('--as <username>', 'import as this user (their scope); default: the organisation')
      .option('--owner <username>', kind === 'customers' ? 'owner of new customers without an owner column' : "owner of new rows without an owner column (default: the customer's owner)")
      .option('--format <format>', 'override the detected format: xlsx | csv')
      .option('--encoding <encoding>', 'override the detected CSV encoding: utf8 | gb18030')
      .option('--errors <file>', 'write the error file (.xlsx or .csv) when rows fail')
      .option('--json', 'print one JSON object { created, updated, unchanged, errors, … } last')
      .description(WHAT[kind])
      .action(async (file: string, options: ImportCliOptions) => {
        if (!['create', 'update', 'upsert'].includes(options.mode)) throw new CliError('--mode must be create, update or upsert');
        await importFile(kind, file, options);
      });
  }
  cmd
    .command('resume')
    .argument('<id>', 'import id')
    .option('--json', 'print the counts as JSON')
    .description('Continue an import whose process died (commit resumes after its last committed batch)')
    .action(async (id: string, options: { json?: boolean }) => {
      await withDatabase(async (database, config) => {
        const service = await import('../modules/imports/service.js');
        const bar = progressBar('resume 继续');
        const counts = await service.resumeImport({ db: database.db, clock: systemClock, config }, id, { onProgress: (p) => bar.update(p.done, p.total) });
        bar.end();
        if (counts) printSummary('resumed 已继续', counts as unknown as Record<string, number>);
        if (options.json) console.log(JSON.stringify({ import: id, ...counts }));
      });
    });
  cmd
    .command('undo')
    .argument('<id>', 'import id')
    .description('Undo an import within 7 days (changed records are left alone and listed)')
    .action(async (id: string) => {
      await withDatabase(async (database, config) => {
        const service = await import('../modules/imports/service.js');
        const { systemActor } = await import('../core/policy.js');
        const result = await service.undoImport({ db: database.db, clock: systemClock, config }, systemActor('cli'), id);
        console.log(`deleted ${result.undo.deleted}, restored ${result.undo.restored}, conflicts ${result.undo.conflicts}`);
        for (const c of result.undo.conflictRows) console.log(`  row ${c.row}: ${c.name} (${c.customerId}) ${c.reason}`);
      });
    });
}
