/**
 * WAL checkpoints off the event loop (SQLite, the server process). By default the connection that commits the
 * 1000th WAL page copies the WAL back into the database file and fsyncs it inside that COMMIT: with a synchronous
 * driver every request waits 15–50 ms behind it, once every ~50 activity writes (docs/performance.md, "Activity
 * writes"). Here the server's connection never checkpoints; a worker thread with its own connection runs PASSIVE
 * checkpoints — they never wait for, nor block, readers or writers — every `intervalMs`, and the next writer after a
 * complete one restarts the WAL from its beginning, so the file stays small. Durability is unchanged: a COMMIT is in
 * the WAL either way, and a checkpoint is crash-safe wherever it runs. Other processes on the file (CLI commands)
 * keep SQLite's automatic checkpoints.
 *
 * Should the thread stop (an error opening the file), the server's connection takes automatic checkpoints back, so
 * the WAL never grows without bound.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** What one checkpoint found: WAL frames in the log and frames now copied into the database file. */
export interface CheckpointResult {
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** Called after every periodic checkpoint that found frames in the WAL. */
  onCheckpoint(listener: (result: CheckpointResult) => void): void;
  /** One checkpoint now, in the thread; what it found. */
  checkpointNow(): Promise<CheckpointResult>;
  /** Ends the thread; the server's connection checkpoints on its own again (and on close, as SQLite does). */
  stop(): Promise<void>;
}

/** SQLite's default `wal_autocheckpoint`, restored when the thread stops. */
const AUTOCHECKPOINT_PAGES = 1000;

// CommonJS run by the worker (`eval`): no loader needed, whatever runs the main thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let timer = null;
const checkpoint = () => {
  const [r] = db.pragma('wal_checkpoint(PASSIVE)');
  return { log: r ? r.log : 0, checkpointed: r ? r.checkpointed : 0 };
};
const pass = () => {
  const r = checkpoint();
  if (r.log > 0) parentPort.postMessage(r);
  timer = setTimeout(pass, workerData.intervalMs);
};
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearTimeout(timer);
    db.close();
    parentPort.close();
  } else {
    parentPort.postMessage({ ...checkpoint(), request: m.request });
  }
});
pass();
`;

export function startCheckpointer(sqlite: SQLite.Database, file: string, intervalMs = 100): Checkpointer {
  sqlite.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
  // Never what keeps a process alive: a checkpoint cut short by the exit is rolled back by SQLite, nothing is lost.
  worker.unref();
  const listeners: ((result: CheckpointResult) => void)[] = [];
  const requested = new Map<number, (result: CheckpointResult) => void>();
  let nextRequest = 0;
  worker.on('message', ({ request, ...result }: CheckpointResult & { request?: number }) => {
    if (request === undefined) listeners.forEach((l) => l(result));
    else requested.get(request)?.(result);
    requested.delete(request ?? -1);
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      resolve();
    });
  });
  // An error ends the thread; 'exit' follows and hands checkpoints back to the connection.
  worker.on('error', (error) => {
    if (!stopping) console.error('SQLite checkpoint thread stopped; checkpoints run inline again:', error);
  });
  return {
    onCheckpoint: (listener) => void listeners.push(listener),
    checkpointNow: () =>
      new Promise((resolve) => {
        const request = nextRequest++;
        requested.set(request, resolve);
        worker.postMessage({ request });
      }),
    stop: async () => {
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}
