import type { Command } from 'commander';
import { systemClock } from '../core/clock.js';
import { loadConfig } from '../core/config.js';
import { CliError, demoLoginsTable, describeDatabase, openConfigured } from './context.js';
import { currentKeyId } from '../core/secrets.js';

/** Under the usual 10 s of a container stop or systemd's default, so the process always exits on its own. */
const SHUTDOWN_GRACE_MS = 4500;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the web app and API; on an empty database load the demo company first 启动服务')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('-H, --host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load the demo company into an empty database')
    .option('--no-worker', 'serve HTTP only; do not run the background jobs (SLA timers, rules, notification outbox)')
    .action(async (options: { port?: string; host?: string; demo: boolean; worker: boolean }) => {
      // Flags act as PORT / HOST would, so everything derived from them (the public URL) follows.
      const base = loadConfig({ ...process.env, ...(options.port !== undefined ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) });
      if (!Number.isInteger(base.port) || base.port < 0 || base.port > 65535) throw new CliError(`--port / PORT must be a number from 0 to 65535, got "${options.port ?? process.env.PORT}"`);
      const { config, database } = await openConfigured(base);
      console.log(`Database: ${describeDatabase(config.databaseUrl)} (${database.dialect})`);
      // Rows written before secrets were sealed at rest (issue 14) are sealed now, under the current key.
      const { RESEALERS } = await import('./secrets.js');
      for (const owner of RESEALERS) {
        const sealed = await owner.reseal(database.db, { plaintextOnly: true });
        if (sealed.resealed) console.log(`Sealed the secrets of ${sealed.resealed} ${owner.name} row(s) at rest (key ${currentKeyId()}).`);
      }
      if (!config.secretKey && database.dialect === 'postgres') {
        console.warn(`ACTIONFLOW_SECRET_KEY is not set: channel secrets are sealed with ${config.dataDir}/secret.key; every server process must use the same key (docs/operations.md).`);
      }

      const users = await database.db.selectFrom('users').select(database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const loadsDemo = Number(users.n) === 0 && options.demo;
      if (loadsDemo) {
        console.log('Empty database: loading the demo company 正在加载演示数据…');
        const { loadDemoData } = await import('../demo/index.js');
        const started = Date.now();
        const summary = await loadDemoData(database.db, systemClock, { onProgress: (m) => console.log(`  ${m}`) });
        console.log(`  Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.customers} customers, ${summary.deals} deals, ${summary.activities} activities.`);
      }

      const { buildApp } = await import('../app.js');
      const app = await buildApp({ database, clock: systemClock, config, logger: true });
      await app.listen({ host: config.host, port: config.port });
      // Background jobs claim their work in the database, so every process may run them (see docs/operations.md).
      const { startWorker } = await import('../jobs/worker.js');
      const worker = options.worker
        ? startWorker({ db: database.db, dialect: database.dialect, clock: systemClock, config }, (message, error) => app.log.error({ err: error }, message))
        : null;
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : config.port;
      const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      console.log(`\nactionflow is running at http://${shownHost}:${actualPort}/  (API docs: http://${shownHost}:${actualPort}/api/docs)`);
      // The shared demo password is printed only right after loading the demo, never for an existing database.
      const logins = loadsDemo ? await demoLoginsTable(database) : '';
      if (logins) console.log(`\n${logins}\n`);

      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info(`${signal}: shutting down`);
        // Whatever still runs after the grace period is cut off: a stop must never hang a deploy or a restart.
        setTimeout(() => {
          app.log.error(`${signal}: work did not finish within ${SHUTDOWN_GRACE_MS} ms; exiting`);
          process.exit(1);
        }, SHUTDOWN_GRACE_MS).unref();
        // The listener closes first (no new requests), in-flight requests and job runs finish side by side.
        await Promise.all([app.close(), worker?.stop()]);
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}
