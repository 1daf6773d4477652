import type { Command } from 'commander';
import { ManualClock } from '../core/clock.js';
import type { AppConfig } from '../core/config.js';
import type { Db, Dialect } from '../db/index.js';
import type { Firing } from '../modules/sla/fire.js';
import { CliError, table, withDatabase } from './context.js';

/**
 * Evaluates every SLA timer as of `at` (events first, then every due ladder level in deadline order) with a clock
 * fixed at that instant. Firings are recorded once, so a second run at the same instant fires nothing.
 */
export async function tickAt(base: { db: Db; dialect: Dialect; config: AppConfig }, at: Date): Promise<Firing[]> {
  const { runSlaUntilIdle } = await import('../modules/sla/job.js');
  return runSlaUntilIdle({ ...base, clock: new ManualClock(at) });
}

/** The stable `--json` shape: `[{ timer, subject: {type, id}, level, recipients: [userId…], channels }]`. */
export function tickJson(fired: Firing[]) {
  return fired.map((f) => ({ timer: f.timer, subject: f.subject, level: f.level, recipients: f.recipients, channels: f.channels }));
}

export function registerTick(program: Command): void {
  program
    .command('tick')
    .description('Evaluate every SLA timer as of an instant (backfill, audits, tests) and print what fired 时效推演')
    .requiredOption('--at <instant>', 'ISO-8601 instant, e.g. 2026-10-14T10:00:00+08:00')
    .option('--json', 'print one JSON array: [{ timer, subject: {type, id}, level, recipients, channels }]')
    .action(async (options: { at: string; json?: boolean }) => {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(options.at) || Number.isNaN(Date.parse(options.at))) {
        throw new CliError('--at: must be an ISO-8601 instant with a zone, e.g. 2026-10-14T10:00:00+08:00');
      }
      await withDatabase(async (database, config) => {
        const fired = await tickAt({ db: database.db, dialect: database.dialect, config }, new Date(options.at));
        if (options.json) {
          console.log(JSON.stringify(tickJson(fired)));
          return;
        }
        if (fired.length === 0) {
          console.log(`Nothing due as of ${new Date(options.at).toISOString()} 无到期`);
          return;
        }
        const rows = fired.map((f) => [f.dueAt, `${f.subject.type} ${f.subject.id}`, String(f.level), f.colour, String(f.recipients.length), f.channels.join(',') || 'default', f.intervention ? 'yes' : '']);
        console.log(table(['deadline', 'subject', 'level', 'colour', 'recipients', 'channels', 'intervention'], rows));
        console.log(`${fired.length} level(s) fired as of ${new Date(options.at).toISOString()}`);
      });
    });
}
