import type { HostBridge } from '../../../protocol';
import { createBrowserHostBridge } from './browser-host-bridge';
import { registerShellWorker } from './register-shell-worker';

/*
 * `extendedLifetime` keeps the worker (and so the in-memory tokens and the link)
 * alive across a reload of the last console tab; without it Chromium starts a
 * fresh worker and the person would have to sign in again after every reload.
 * Browsers that do not know the option ignore it. Verified in Chromium 156.
 * See https://github.com/whatwg/html/issues/10997. The options stay an inline
 * literal: Vite only recognizes a worker whose options are static.
 */
declare global {
  interface WorkerOptions {
    extendedLifetime?: boolean;
  }
}

/**
 * The browser host: the `HostBridge` of the console served by the hub at
 * `/console`.
 *
 * - The link (one WebSocket to the page's own origin) runs in a SharedWorker,
 *   so every console tab of this origin shares it, as Electron's main process
 *   serves all windows. Where `SharedWorker` does not exist (some TV browsers,
 *   Android Chrome) the same worker core runs inside the page instead, one link
 *   per tab, and a console warning says so.
 * - Sign-in posts the username and password to `POST /v1/auth/token` on this
 *   origin; the worker keeps only the access and refresh tokens, in memory, and
 *   never the password. The refresh token renews the access token, so a wall
 *   display stays Live all day; sign-out drops both.
 * - Boards are cached in IndexedDB, and a service worker keeps the app shell,
 *   so a reload while the hub is down shows the last state at once, marked stale.
 * - `windows.open` opens a tab at `#/t/<tenant>/<board>`.
 */
export function createBrowserHost(): HostBridge {
  registerShellWorker();
  if (typeof SharedWorker === 'function') {
    try {
      const worker = new SharedWorker(new URL('./link-worker.ts', import.meta.url), {
        type: 'module',
        name: 'ops-console-link',
        extendedLifetime: true,
      });
      worker.addEventListener('error', (event) => {
        console.error(
          '[ops-console] The link worker failed to start; the console cannot connect. Reload the page.',
          event,
        );
      });
      const bridge = createBrowserHostBridge(worker.port, { linkMode: 'shared-worker' });
      window.addEventListener('pagehide', (event) => {
        // A page kept in the back/forward cache may come back; only a real unload releases the link.
        if (!event.persisted) worker.port.postMessage({ t: 'bye' });
      });
      return bridge;
    } catch (error) {
      console.warn(
        '[ops-console] Could not start the shared link worker; running the link in this tab instead.',
        error,
      );
    }
  } else {
    console.warn(
      '[ops-console] This browser has no SharedWorker; the link runs in this tab only (one connection per tab).',
    );
  }
  return createInPageHost();
}

/** The fallback: the worker core in this page, behind a MessageChannel so it speaks the same validated messages. */
function createInPageHost(): HostBridge {
  const channel = new MessageChannel();
  // Messages posted before the core attaches wait in the port's queue.
  void import('./link-worker-core').then(
    ({ LinkWorkerCore }) => new LinkWorkerCore({ hubUrl: location.origin }).attach(channel.port2),
    (error: unknown) =>
      console.error(
        '[ops-console] The in-page link failed to load; the console cannot connect.',
        error,
      ),
  );
  return createBrowserHostBridge(channel.port1, { linkMode: 'in-page' });
}
