#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx actionflow` works inside the repo without a build step.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const child = spawn(process.execPath, [tsx, join(root, 'server', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
// A process manager signals this wrapper; the server must hear it too to stop its jobs and close cleanly.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
