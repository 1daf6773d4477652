/**
 * `actionflow platforms list` and `actionflow platforms sync ID [--apply] [--overwrite] [--json]`: contact sync from a
 * terminal (a dry run unless --apply), the same plan and apply as the API and the nightly job.
 */
import type { Command } from 'commander';
import { systemClock } from '../core/clock.js';
import { CliError, table, withDatabase } from './context.js';

export function registerPlatforms(program: Command): void {
  const platforms = program.command('platforms').description('WeCom / DingTalk / Feishu app connections 平台应用');
  platforms
    .command('list')
    .description('List the connections 列出连接')
    .action(async () => {
      await withDatabase(async (database) => {
        const { listConnections } = await import('../modules/platforms/repo.js');
        const rows = (await listConnections(database.db)).map((c) => [c.id, c.platform, c.name, c.enabled ? 'on' : 'off', c.settings.sync?.nightly ? 'nightly' : '']);
        console.log(table(['id', 'platform', 'name', 'enabled', 'sync'], rows));
      });
    });
  platforms
    .command('sync <id>')
    .description('Contact sync 通讯录同步: departments → teams, members → users; a dry run unless --apply')
    .option('--apply', 'apply the plan (default: dry run)')
    .option('--overwrite', 'also replace values an admin changed by hand since the last sync')
    .option('--json', 'print the run as JSON')
    .action(async (id: string, options: { apply?: boolean; overwrite?: boolean; json?: boolean }) => {
      await withDatabase(async (database, config) => {
        const { findConnection } = await import('../modules/platforms/repo.js');
        const { runSync } = await import('../modules/platforms/sync.js');
        const conn = await findConnection(database.db, id);
        if (!conn) throw new CliError(`no platform connection "${id}"`);
        const run = await runSync({ db: database.db, dialect: database.dialect, clock: systemClock, config }, conn, { dryRun: !options.apply, overwrite: !!options.overwrite, actorId: null });
        if (!run) throw new CliError('the sync did not start');
        if (options.json) console.log(run.plan);
        else console.log(`${run.status}: ${JSON.stringify(JSON.parse(run.plan).counts ?? {})}${run.error ? ` — ${run.error}` : ''}`);
        if (run.status === 'failed') throw new CliError(run.error ?? 'sync failed');
      });
    });
}
