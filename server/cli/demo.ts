import { existsSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { systemClock } from '../core/clock.js';
import { CliError, demoLoginsTable, describeDatabase, withDatabase } from './context.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'DELETE ALL DATA (every table and the attachment files) and load the demo company. Asks nothing: meant for ' +
        'demo and test machines. 清空全部数据并加载演示数据（不会二次确认）',
    )
    .option('--scale <factor>', 'size of the company relative to the default 300 customers / 500 deals / 5,000 activities', '1')
    .action(async (options: { scale: string }) => {
      const scale = Number(options.scale);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new CliError(`--scale must be a number above 0 and at most 100, got "${options.scale}"`);
      const { loadDemoData, resetDatabase } = await import('../demo/index.js');
      await withDatabase(async (database, config) => {
        console.log(`Resetting ${describeDatabase(config.databaseUrl)} (${database.dialect})…`);
        const tables = await resetDatabase(database.db);
        console.log(`  Emptied ${tables.length} tables.`);
        if (existsSync(config.filesDir)) {
          rmSync(config.filesDir, { recursive: true, force: true });
          console.log(`  Removed attachment files under ${config.filesDir}`);
        }
        const started = Date.now();
        const summary = await loadDemoData(database.db, systemClock, { scale, onProgress: (m) => console.log(`  ${m}`) });
        console.log(
          `Loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.teams} teams, ${summary.users} users, ${summary.pipelines} pipelines, ` +
            `${summary.customers} customers, ${summary.contacts} contacts, ${summary.deals} deals, ${summary.activities} activities, ${summary.tasks} tasks.`,
        );
        console.log(`\n${await demoLoginsTable(database)}`);
      });
    });
}
