/* global self, caches, fetch, URL */
/*
 * actionflow service worker (hand-written; see docs/architecture.md "Offline"): the app shell and the seller's today
 * view load without a connection. Writes are never cached or replayed here — the page keeps them in IndexedDB
 * (web/src/offline/queue.ts) and sends them with their idempotency keys when the connection returns.
 *
 * - install: caches index.html, the manifest and every built script and style listed in /precache.json (written by
 *   the build), so a lazily loaded page works offline even if it was never opened online.
 * - navigations: network first, the cached index.html when offline (the router then renders the page).
 * - /assets/*: cache first (file names carry a content hash).
 * - GET /api/me, /api/me/abilities, /api/tasks…, /api/appointments…, /api/notifications…: network first, the last
 *   answer when offline (the today view). Logging in or out clears them, so one user never sees another's.
 */
const SHELL = 'af-shell-v1';
const DATA = 'af-data-v1';
const TODAY = /^\/api\/(me|me\/abilities|tasks|appointments|notifications)(\?|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(['/', '/manifest.webmanifest', '/icon.svg']);
      try {
        const list = await (await fetch('/precache.json', { cache: 'no-store' })).json();
        await cache.addAll(list.map((f) => '/' + f));
      } catch {
        // A development server has no precache list; pages are then cached as they load.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL && key !== DATA) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, cacheName, fallbackUrl) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(cacheName)).put(fallbackUrl ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(fallbackUrl ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    // A session starts or ends: the cached answers belong to whoever was signed in before (their URLs, such as
    // ?assigneeId=me, do not name the user), so they go before the request is sent, not racing the next user's.
    if (url.pathname === '/api/auth/login' || url.pathname === '/api/auth/logout') {
      event.respondWith(caches.delete(DATA).then(() => fetch(request)));
    }
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (TODAY.test(url.pathname + url.search)) {
    event.respondWith(networkFirst(request, DATA));
  }
});
