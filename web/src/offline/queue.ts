/**
 * Offline writes: `sendOrQueue` sends a write with its idempotency key, and when the device has no connection keeps
 * it in IndexedDB instead ("待同步"). `replay` sends the kept writes in order when the connection returns, each
 * with the same key, so a write that reached the server before the connection dropped is answered from the
 * server's stored reply, never applied twice. A write the server refuses (a task someone else completed
 * meanwhile, a 4xx) is kept as a conflict and shown, not dropped.
 */
import { ApiError, errorMessage } from '../api/client';
import { store, type QueuedWrite } from './store';

export type { QueuedWrite };
export const QUEUE_EVENT = 'actionflow:queue';

const changed = () => window.dispatchEvent(new Event(QUEUE_EVENT));

/** crypto.randomUUID exists only in secure contexts; intranet installs often serve plain HTTP. */
export function newIdempotencyKey(prefix = 'ql'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A failure of the connection, not an answer of the server. */
export function isOffline(error: unknown): boolean {
  return !(error instanceof ApiError) && (error instanceof TypeError || (typeof navigator !== 'undefined' && !navigator.onLine));
}

async function send(write: Pick<QueuedWrite, 'method' | 'path' | 'body' | 'key'>): Promise<Response> {
  return fetch(write.path, {
    method: write.method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': write.key },
    body: JSON.stringify(write.body ?? {}),
  });
}

async function failure(res: Response): Promise<ApiError> {
  const data = await res.json().catch(() => null);
  return new ApiError(res.status, data?.error ?? { code: `HTTP_${res.status}`, message: res.statusText }, 'zh');
}

/** Sends now, or keeps the write on the device when there is no connection. */
export async function sendOrQueue<T>(write: Omit<QueuedWrite, 'createdAt' | 'status'>): Promise<{ queued: false; body: T } | { queued: true }> {
  if (navigator.onLine) {
    try {
      const res = await send(write);
      if (!res.ok) throw await failure(res);
      return { queued: false, body: (await res.json()) as T };
    } catch (error) {
      if (!isOffline(error)) throw error;
    }
  }
  await store.put({ ...write, createdAt: new Date().toISOString(), status: 'pending' });
  changed();
  return { queued: true };
}

/** Before completing a task offline-made, the server's current status: someone else may have completed it. */
async function precheck(write: QueuedWrite): Promise<string | null> {
  if (write.kind !== 'task_done') return null;
  const res = await fetch(write.path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) return errorMessage(await failure(res));
  const task = (await res.json()) as { status: string };
  return task.status === 'open' ? null : `任务已被他人处理（${task.status === 'done' ? '已完成' : '已取消'}）/ the task was ${task.status} meanwhile`;
}

let running: Promise<{ synced: number; conflicts: number }> | null = null;

/** Sends every pending write in order; stops at the first connection failure. One replay at a time per page. */
export function replay(): Promise<{ synced: number; conflicts: number }> {
  running ??= (async () => {
    let synced = 0;
    let conflicts = 0;
    try {
      for (const write of await store.all()) {
        if (write.status !== 'pending') continue;
        try {
          const conflict = await precheck(write);
          if (conflict) {
            await store.put({ ...write, status: 'conflict', error: conflict });
            conflicts++;
            continue;
          }
          const res = await send(write);
          if (res.ok) {
            await store.remove(write.key);
            synced++;
          } else if (res.status === 409 && (await res.clone().json().catch(() => null))?.error?.code === 'IDEMPOTENCY_IN_PROGRESS') {
            break; // the first attempt is still running on the server: try again later
          } else {
            await store.put({ ...write, status: 'conflict', error: errorMessage(await failure(res)) });
            conflicts++;
          }
        } catch (error) {
          if (isOffline(error)) break;
          throw error;
        }
      }
    } finally {
      running = null;
      changed();
    }
    return { synced, conflicts };
  })();
  return running;
}

export const queuedWrites = () => store.all();
export async function dismiss(key: string) {
  await store.remove(key);
  changed();
}
