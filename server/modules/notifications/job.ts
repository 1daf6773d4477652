import type { Job } from '../../jobs/job.js';
import { defaultWorkerId, dispatchDue } from './dispatcher.js';

const workerId = defaultWorkerId();

/**
 * Outbox dispatcher: polls every second when idle, so a due row waits at most about a second before it is sent.
 * Not replayed by `tick`: delivery talks to the outside world; tick stops at handing messages to the outbox.
 */
export const outboxJob: Job = { name: 'notifications', idleIntervalMs: 1000, run: (deps) => dispatchDue(deps, { workerId }) };
