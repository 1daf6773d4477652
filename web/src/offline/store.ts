/**
 * The device's queue of writes made without a connection, in IndexedDB (survives a reload, a closed tab and a
 * phone restart). A tiny promise wrapper: one database, one object store keyed by the idempotency key.
 */
export interface QueuedWrite {
  /** The Idempotency-Key the write is sent with, every time: a retry never creates a second record. */
  key: string;
  kind: 'activity' | 'task_done' | 'check_in';
  method: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  /** What the user sees in the "待同步" list. */
  label: string;
  createdAt: string;
  status: 'pending' | 'conflict';
  /** Why it could not be applied (shown; the item stays until dismissed). */
  error?: string;
}

const DB = 'actionflow-offline';
const STORE = 'writes';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const store = {
  put: (write: QueuedWrite) => run('readwrite', (s) => s.put(write)).then(() => undefined),
  remove: (key: string) => run('readwrite', (s) => s.delete(key)).then(() => undefined),
  all: async () => ((await run('readonly', (s) => s.getAll())) as QueuedWrite[]).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
};
