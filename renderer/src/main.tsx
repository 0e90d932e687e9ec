import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AppStoresProvider, createAppStores } from './app/app-stores';
import { getHostBridge } from './host/host-bridge-context';
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
    const host = await getHostBridge({ allowFixtureFallback: import.meta.env.DEV || import.meta.env.MODE === 'test' });
    const stores = createAppStores(host.bridge);
    const notice = host.fallbackReason ? messagesFor(stores.prefs.getState().locale).host.fixture(host.fallbackReason) : undefined;
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

void start();
