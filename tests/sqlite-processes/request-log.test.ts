/**
 * The request log of a real `actionflow serve` (docs/operations.md): one JSON line per request with what was asked,
 * the status and the time taken — written asynchronously so a request never waits for the pipe, and flushed when the
 * process stops, so the lines of the last requests before a SIGTERM are not lost.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from './support.js';

describe('request log of actionflow serve', () => {
  it('one line per request, each with method, url, status and time; all flushed on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actionflow-log-'));
    const server = await startServer({ DATABASE_URL: `sqlite:${join(dir, 'af.db')}`, ACTIONFLOW_DATA_DIR: dir }, ['--no-worker']);
    const asked = ['/api/health?n=1', '/api/health?n=2', '/api/no-such-route', '/api/me'];
    const statuses: number[] = [];
    for (const path of asked) statuses.push((await fetch(`${server.url}${path}`)).status);
    expect(statuses).toEqual([200, 200, 404, 401]);
    // Stopped right after the last answer: its line may still be in the buffer, and must be written on the way out.
    await server.stop();

    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number });
    const requests = lines.filter((l) => l.req);
    expect(requests.map((l) => [l.msg, l.req!.method, l.req!.url, l.res?.statusCode])).toEqual(asked.map((url, i) => ['request completed', 'GET', url, statuses[i]]));
    for (const l of requests) expect(l.responseTime).toBeGreaterThanOrEqual(0);
    expect(lines.some((l) => l.msg === 'incoming request')).toBe(false);
    expect(lines.some((l) => l.msg === 'SIGTERM: shutting down')).toBe(true);
  }, 120_000);
});
