/** HTTP load and raw-SQL timing for the side-by-side bench: closed-loop clients, latency percentiles. */
import BetterSqlite from 'better-sqlite3';
import pg from 'pg';

export interface Stats {
  requests: number;
  errors: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  firstError?: string;
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summarize(samples: number[], errors: number, wallMs: number, firstError?: string): Stats {
  samples.sort((a, b) => a - b);
  return {
    requests: samples.length + errors,
    errors,
    reqPerSec: (samples.length / wallMs) * 1000,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
    firstError,
  };
}

/** One request: resolves when the answer is fully read; throws (counted as an error) on a non-2xx status. */
export type Request = (client: number) => Promise<void>;

/**
 * `concurrency` clients each send their next request as soon as the previous answer arrived, for `durationMs` (and
 * at least `minRequests` in total), after `warmup` untimed requests per client.
 */
export async function drive(request: Request, options: { concurrency: number; durationMs: number; minRequests: number; warmup: number }): Promise<Stats> {
  for (let c = 0; c < options.concurrency; c++) for (let i = 0; i < options.warmup; i++) await request(c).catch(() => undefined);
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const client = async (c: number) => {
    while (performance.now() < deadline || samples.length + errors < options.minRequests) {
      const t0 = performance.now();
      try {
        await request(c);
        samples.push(performance.now() - t0);
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message.slice(0, 200);
        if (errors > 1000) return;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, c) => client(c)));
  return summarize(samples, errors, performance.now() - started, firstError);
}

/** The same SQL the API is compared with, straight on the driver (no ORM, no HTTP). */
export interface RawDb {
  dialect: 'sqlite' | 'postgres';
  run(text: string, params: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function openRaw(url: string, schema?: string): Promise<RawDb> {
  if (url.startsWith('sqlite:')) {
    const db = new BetterSqlite(url.slice('sqlite:'.length), { readonly: false });
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const statements = new Map<string, BetterSqlite.Statement>();
    return {
      dialect: 'sqlite',
      run: async (text, params) => {
        let stmt = statements.get(text);
        if (!stmt) statements.set(text, (stmt = db.prepare(text)));
        return stmt.reader ? stmt.all(...params) : [stmt.run(...params)];
      },
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  return {
    dialect: 'postgres',
    run: async (text, params) => {
      let n = 0;
      return (await client.query(text.replace(/\?/g, () => `$${++n}`), params)).rows;
    },
    close: () => client.end(),
  };
}

/** Times `steps` (run in sequence, as one answer) `iterations` times after a warm-up. */
export async function timeRaw(steps: () => Promise<unknown>, iterations: number): Promise<Stats> {
  for (let i = 0; i < Math.min(20, iterations); i++) await steps();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await steps();
    samples.push(performance.now() - t0);
  }
  return summarize(samples, 0, performance.now() - started);
}
