/**
 * Cooperative yielding for long background passes. better-sqlite3 is synchronous, so every `await` on a query resolves
 * as a microtask and the event loop never polls sockets until the whole pass returns: a catch-up of 100k timers would
 * keep HTTP waiting for minutes. Calling `breathe()` between units of work gives the event loop a turn at most every
 * `sliceMs` of busy time (wall time is right here: this is scheduling, not domain time, so no Clock).
 */
let lastYield = performance.now();

export async function breathe(sliceMs = 20): Promise<void> {
  if (performance.now() - lastYield < sliceMs) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastYield = performance.now();
}

/** Always gives the event loop a turn (between worker passes). */
export async function yieldNow(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastYield = performance.now();
}
