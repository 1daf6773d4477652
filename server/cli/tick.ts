import type { Command } from 'commander';
import type { AppConfig } from '../core/config.js';
import type { Db, Dialect } from '../db/index.js';
import type { Fired } from '../jobs/job.js';
import { CliError, openConfigured, table } from './context.js';

/**
 * Evaluates every time-driven job (SLA ladders, cadence steps, no-shows, pool sweeps, digests, scheduled rules) as of
 * `at`, in time order, with the worker's own code (jobs/replay.ts). Everything fired is recorded once, so a second
 * run at the same instant fires nothing.
 */
export async function tickAt(base: { db: Db; dialect: Dialect; config: AppConfig }, at: Date): Promise<Fired[]> {
  const { composeModules } = await import('../modules/index.js');
  const { replayUntil } = await import('../jobs/replay.js');
  return replayUntil(base, at, composeModules().jobs);
}

/** `tick --dry-run`: the same replay on a rehearsal handle, rolled back at the end, so nothing is written. */
export async function dryRunTickAt(base: { rehearse(): Db; dialect: Dialect; config: AppConfig }, at: Date): Promise<Fired[]> {
  const db = base.rehearse();
  try {
    return await tickAt({ db, dialect: base.dialect, config: base.config }, at);
  } finally {
    await db.destroy();
  }
}

/** The stable `--json` shape: one array, each item `{ kind, at, … }` (SLA items keep timer, subject, level, recipients, channels). */
export function tickJson(fired: Fired[]) {
  return fired.map((f) => ({ ...f }));
}

function describe(f: Fired): string {
  if (f.subject) return `${f.subject.type} ${f.subject.id}${typeof f.level === 'number' ? ` level ${f.level}` : ''}`;
  if (typeof f.returned === 'number') return `${f.returned} returned to the pool`;
  if (typeof f.rule === 'string') return `rule ${f.rule}`;
  return '';
}

export function registerTick(program: Command): void {
  program
    .command('tick')
    .description('Replay every time-driven job as of an instant (backfill, audits, tests) and print what fired 时效推演')
    .requiredOption('--at <instant>', 'ISO-8601 instant, e.g. 2026-10-14T10:00:00+08:00')
    .option('--json', 'print one JSON array: [{ kind, at, … }]')
    .option('--dry-run', 'show what would fire and write nothing (everything runs in a transaction that is rolled back)')
    .action(async (options: { at: string; json?: boolean; dryRun?: boolean }) => {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(options.at) || Number.isNaN(Date.parse(options.at))) {
        throw new CliError('--at: must be an ISO-8601 instant with a zone, e.g. 2026-10-14T10:00:00+08:00');
      }
      const at = new Date(options.at);
      const { config, database } = await openConfigured();
      let fired: Fired[];
      try {
        fired = options.dryRun ? await dryRunTickAt({ ...database, config }, at) : await tickAt({ db: database.db, dialect: database.dialect, config }, at);
      } finally {
        await database.close();
      }
      if (options.json) {
        console.log(JSON.stringify(tickJson(fired)));
        return;
      }
      const suffix = options.dryRun ? ' (dry run: nothing written 预演，未写入)' : '';
      if (fired.length === 0) {
        console.log(`Nothing due as of ${at.toISOString()} 无到期${suffix}`);
        return;
      }
      console.log(table(['at', 'kind', 'what'], fired.map((f) => [f.at, f.kind, describe(f)])));
      const perKind = new Map<string, number>();
      for (const f of fired) perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + 1);
      console.log(`${fired.length} fired as of ${at.toISOString()}: ${[...perKind].map(([k, n]) => `${k} ${n}`).join(', ')}${suffix}`);
    });
}
