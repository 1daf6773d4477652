/**
 * `bench/import.ts --via serve`: the import as the web app runs it — a separate `actionflow serve` process (no
 * worker, no special Node flags), the file uploaded over HTTP, the dry run and the commit started without `wait` so
 * they run as the server's background phase, polled until done. The server's RSS high-water mark (VmHWM, the whole
 * process with all its threads) and CPU (utime + stime) come from /proc, so the client's memory is not counted.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';

export interface ServePass {
  label: string;
  dryMs: number;
  dryCpu: number;
  dryCounts: unknown;
  commitMs: number;
  commitCpu: number;
  commitCounts: unknown;
  hwmMb: number;
}

/** Runs the file through a fresh server process `passes` times (the second pass: the same file again). */
export async function importThroughServer(options: { databaseUrl: string; schema?: string; file: string; username: string; password: string; passes: string[] }): Promise<{ baseMb: number; passes: ServePass[] }> {
  let url = options.databaseUrl;
  if (options.schema) {
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${options.schema}`);
    url = u.toString();
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'actionflow-bench-import-'));
  const server = spawn(process.execPath, ['bin/actionflow.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo', '--no-worker'], {
    // The GBK CSV is 32 MB: above the default upload limit of 20 MB, which an operator raises for such files.
    env: { ...process.env, DATABASE_URL: url, ACTIONFLOW_DATA_DIR: dataDir, ACTIONFLOW_MAX_UPLOAD_BYTES: String(64 * 1024 * 1024), NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /running at (http:\/\/[^/\s]+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${out}`)));
    });
    const status = () => readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(status())?.[1] ?? 0) / 1024;
    const cpu = () => {
      const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    };
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: options.username, password: options.password }) });
    if (login.status !== 200) throw new Error(`login ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    // Polled like the web app's progress bar; the interval only paces the client.
    const until = async (id: string, running: string) => {
      for (;;) {
        const imp = await api('GET', `/api/imports/${id}`);
        if (imp.status !== running) return imp;
        await wait(500);
      }
    };
    const baseMb = hwm();
    const passes: ServePass[] = [];
    for (const label of options.passes) {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(options.file)]), basename(options.file));
      const up = await fetch(`${base}/api/imports`, { method: 'POST', headers: { cookie }, body: form });
      if (up.status !== 201) throw new Error(`upload ${up.status} ${await up.text()}`);
      const uploaded = (await up.json()) as { import: { id: string }; suggested: unknown };
      const id = uploaded.import.id;
      let c0 = cpu();
      let t0 = performance.now();
      await api('POST', `/api/imports/${id}/dry-run`, { mapping: uploaded.suggested, options: { mode: 'upsert', duplicates: 'update', perRowEvents: false, defaultOwnerId: null } });
      const dry = await until(id, 'validating');
      const dryMs = performance.now() - t0;
      const dryCpu = cpu() - c0;
      c0 = cpu();
      t0 = performance.now();
      await api('POST', `/api/imports/${id}/commit`, {});
      const done = await until(id, 'committing');
      passes.push({ label, dryMs, dryCpu, dryCounts: dry.counts, commitMs: performance.now() - t0, commitCpu: cpu() - c0, commitCounts: done.result, hwmMb: hwm() });
    }
    return { baseMb, passes };
  } finally {
    server.kill('SIGTERM');
  }
}
