#!/usr/bin/env node
// Runs the TypeScript CLI in this same process through tsx's loader, so `npx actionflow` works without a build step
// and a process manager's SIGTERM reaches the server itself (tsx's own CLI relays signals through a child process and
// SIGKILLs it when the relay is not acknowledged within 30 ms, which happens on a loaded machine).
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
