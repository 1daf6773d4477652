import type { Job } from '../../jobs/job.js';
import { defaultWorkerId, dispatchDue } from './dispatcher.js';

const workerId = defaultWorkerId();

/** Outbox dispatcher: polls every second when idle, so a due row waits at most about a second before it is sent. */
export const outboxJob: Job = { name: 'notifications', idleIntervalMs: 1000, run: (deps) => dispatchDue(deps, { workerId }) };
