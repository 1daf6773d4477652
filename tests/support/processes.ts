/**
 * Child "server processes" for multi-process tests (PostgreSQL exactly-once checks): spawns a TypeScript worker
 * script with tsx, collects its stdout lines and lets the test wait for a line. Protocol used by the worker scripts:
 * print `ready` once connected, start on a `go` line, print one JSON line of counts on SIGTERM and exit.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: string[];
  waitFor(predicate: (line: string) => boolean): Promise<string>;
}

export function startChild(script: string, env: Record<string, string>, label = 'worker'): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ predicate: (l: string) => boolean; resolve: (l: string) => void }> = [];
  createInterface({ input: proc.stdout }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (!w.predicate(line)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  });
  proc.stderr.on('data', (chunk) => process.stderr.write(`[${label} ${proc.pid}] ${chunk}`));
  return {
    proc,
    lines,
    waitFor: (predicate) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(predicate);
        if (seen) return resolve(seen);
        waiters.push({ predicate, resolve });
        proc.once('exit', (code) => reject(new Error(`${label} ${proc.pid} exited with ${code} before answering`)));
      }),
  };
}

/** Stops each child with SIGTERM and returns the JSON line it prints on the way out. */
export async function stopChildren<T>(children: Child[]): Promise<T[]> {
  const results: T[] = [];
  for (const c of children) {
    const done = c.waitFor((l) => l.startsWith('{'));
    c.proc.kill('SIGTERM');
    results.push(JSON.parse(await done) as T);
  }
  return results;
}
