/**
 * Service worker of the browser console (built as `console-sw.js` next to
 * index.html, scope `/console/`). It keeps the app shell — index.html and the
 * hashed bundle files listed in `shell-assets.json` — so a reload while the hub
 * is down still starts the console, which then shows the IndexedDB-cached
 * boards, marked stale. It never touches the API or the WebSocket: only GETs
 * under its own scope.
 *
 * - Navigations: network first (a new build is picked up at once), the cached
 *   shell when the hub cannot be reached.
 * - Hashed assets: cache first (their names change with their content).
 *
 * Self-contained on purpose (no imports): a service worker must not depend on
 * chunks another build may have removed.
 */

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const sw = globalThis as unknown as ServiceWorkerScope;
const CACHE = 'ops-console-shell-v1';
const SHELL_URL = new URL('./', sw.registration.scope).href;
const ASSET_LIST_URL = new URL('./shell-assets.json', sw.registration.scope).href;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.add(new Request(SHELL_URL, { cache: 'reload' }));
      const list = await fetch(ASSET_LIST_URL, { cache: 'no-store' }).then((response) =>
        response.ok ? response.json() : [],
      );
      const assets = Array.isArray(list)
        ? list.filter(
            (entry): entry is string =>
              typeof entry === 'string' && /^assets\/[\w.-]+$/.test(entry),
          )
        : [];
      await cache.addAll(assets.map((asset) => new URL(asset, sw.registration.scope).href));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(sw.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstShell(request));
    return;
  }
  if (new URL(request.url).pathname.includes('/assets/')) event.respondWith(cacheFirst(request));
});

async function networkFirstShell(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(SHELL_URL, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(SHELL_URL);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
