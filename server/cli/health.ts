import type { Command } from 'commander';
import { systemClock, type Clock } from '../core/clock.js';
import { systemActor } from '../core/policy.js';
import type { Queryable } from '../db/index.js';
import { CliError, table, withDatabase } from './context.js';

export interface BacktestCliOptions {
  months: number;
  leadDays: number;
  quietDays: number;
  json?: boolean;
}

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10} %`);

/**
 * `actionflow health backtest`: the same figures as `GET /api/health/backtest` (one function, health/backtest.ts),
 * printed as a summary line with the catch rate and lead time plus the customers, or as one JSON object (`--json`).
 */
export async function backtestOutput(db: Queryable, clock: Clock, options: BacktestCliOptions): Promise<string> {
  const { backtest } = await import('../modules/health/backtest.js');
  const result = await backtest(db, clock, systemActor('cli'), { months: options.months, leadDays: options.leadDays, quietDays: options.quietDays });
  if (options.json) return JSON.stringify(result);
  const lines = [
    `客户健康度回测 Backtest: orders stopped in the last ${result.months} months (none in the last ${result.quietDays} days): ${result.customers} customers`,
    `提前预警 Caught ≥ ${result.leadDays} days before the last order: ${result.caughtEarly} of ${result.customers} (catch rate ${pct(result.share)}); yellow/red at all: ${result.flagged}`,
    `提前天数 Lead time: median ${result.medianLeadDays === null ? '—' : `${result.medianLeadDays} days`}`,
  ];
  if (result.items.length) {
    lines.push('', table(['customer', 'last order', 'yellow/red since', 'lead days', 'caught'], result.items.map((i) => [i.customerId, i.lastOrderAt, i.flaggedAt ?? '—', i.leadDays === null ? '—' : String(i.leadDays), i.caught ? 'yes' : 'no'])));
  }
  return lines.join('\n');
}

function whole(name: string, min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new CliError(`${name}: must be a whole number from ${min} to ${max}`);
    return n;
  };
}

export function registerHealth(program: Command): void {
  const health = program.command('health').description('Customer health 客户健康度');
  health
    .command('backtest')
    .description('For customers whose orders stopped: how many the model had yellow or red before their last order, and how early 回测')
    .option('--months <n>', 'look back this many months for the last order', whole('--months', 1, 60), 12)
    .option('--lead-days <n>', 'caught when yellow/red at least this many days before the last order', whole('--lead-days', 0, 365), 30)
    .option('--quiet-days <n>', 'orders count as stopped after this many days without one', whole('--quiet-days', 0, 365), 90)
    .option('--json', 'print one JSON object (the API answer)')
    .action(async (options: BacktestCliOptions) => {
      await withDatabase(async (database) => console.log(await backtestOutput(database.db, systemClock, options)));
    });
}
