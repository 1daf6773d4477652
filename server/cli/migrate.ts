import type { Command } from 'commander';
import { describeDatabase } from './context.js';
import { loadConfig } from '../core/config.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Create or update the database schema (idempotent) 建表/升级数据库')
    .action(async () => {
      const config = loadConfig();
      const { openDatabase } = await import('../db/index.js');
      const database = openDatabase(config.databaseUrl);
      try {
        const applied = await database.migrate();
        console.log(`Database ${describeDatabase(config.databaseUrl)} (${database.dialect})`);
        console.log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Already up to date.');
      } finally {
        await database.close();
      }
    });
}
