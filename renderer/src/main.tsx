import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AppStoresProvider, createAppStores } from './app/app-stores';
import { getHostBridge, type ResolvedHost } from './host/host-bridge-context';
import { messagesFor } from './i18n/locale';
import './styles/theme.css';
import './styles/layout.css';
import './styles/boards.css';
import './styles/wall.css';

/**
 * Entry point, loaded by renderer/index.html. Finds the host (Electron preload
 * or browser host), creates the window's stores and renders the app. In dev the
 * fixture host may stand in, and a banner says so.
 */
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('renderer/index.html must contain <div id="root"></div>.');
  try {
    const host = await resolveHost();
    const stores = createAppStores(host.bridge);
    const notice = host.fallbackReason
      ? messagesFor(stores.prefs.getState().locale).host.fixture(host.fallbackReason)
      : undefined;
    createRoot(root).render(
      <StrictMode>
        <AppStoresProvider stores={stores}>
          <App {...(notice ? { notice } : {})} />
        </AppStoresProvider>
      </StrictMode>,
    );
  } catch (error) {
    console.error('[ops-console] Could not start', error);
    root.textContent = error instanceof Error ? error.message : String(error);
    root.setAttribute('role', 'alert');
  }
}

/** In dev, `?fixture=1` forces the demo fixture host (for screenshots and UI work without a hub); `&update=ready` or `per-machine` sets its update state. */
async function resolveHost(): Promise<ResolvedHost> {
  const params = new URLSearchParams(window.location.search);
  if (import.meta.env.DEV && params.has('fixture')) {
    const { createFixtureHost, DEMO_UPDATE_STATUSES } = await import('./fixtures/fixture-host');
    const update = DEMO_UPDATE_STATUSES.get(params.get('update') ?? '');
    return {
      bridge: createFixtureHost({
        liveIntervalMs: 1500,
        incidents: true,
        ...(update ? { update } : {}),
      }),
      source: 'fixture',
      fallbackReason: 'forced with ?fixture=1',
    };
  }
  return getHostBridge({ allowFixtureFallback: import.meta.env.DEV });
}

void start();
