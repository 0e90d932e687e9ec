import { createContext, useContext, type ReactNode } from 'react';
import { receiveBoardUpdate } from '../../../protocol/bridge/board-update-schema';
import type { HostBridge } from '../../../protocol/bridge/host-bridge';
import { CodedError } from '../../../protocol/codes';

/**
 * How the renderer finds its host. Electron's preload exposes the bridge as
 * `window.opsHost`; anywhere else the browser host (SharedWorker link +
 * IndexedDB cache) provides it. No component knows which host it runs in:
 * they all call `useHostBridge()`.
 */

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge. */
    opsHost?: HostBridge;
  }
}

/** Where the bridge came from, so the app can say so instead of failing silently. */
export type HostSource = 'electron' | 'browser' | 'fixture';

export interface ResolvedHost {
  bridge: HostBridge;
  source: HostSource;
  /** Set when the fixture host stands in because the browser host could not be loaded. */
  fallbackReason?: string;
}

export interface GetHostOptions {
  /** Allow the deterministic fixture host when the browser host is unavailable; true only in dev and tests. */
  allowFixtureFallback?: boolean;
  /** Injectable for tests; defaults to a dynamic import of the browser host module. */
  loadBrowserHost?: () => Promise<{ createBrowserHost(): HostBridge }>;
  loadFixtureHost?: () => Promise<{
    createFixtureHost(options?: { liveIntervalMs?: number }): HostBridge;
  }>;
}

/** Thrown when no host can be found in a production build; the message names the fix. */
export class HostUnavailableError extends CodedError {
  override name = 'HostUnavailableError';
  constructor(message: string) {
    super('host_unavailable', message);
  }
}

/**
 * Board updates from Electron main enter this process here: the preload stays a
 * thin, zod-free relay, so the one check of each update happens at this edge
 * (docs/architecture.md, "The path of one event"). The browser host checks its
 * worker's pushes at its own port.
 */
export function checkedBoardUpdates(bridge: HostBridge): HostBridge {
  return {
    ...bridge,
    boards: {
      subscribe: (tenant, onUpdate) =>
        bridge.boards.subscribe(tenant, (update) => onUpdate(receiveBoardUpdate(tenant, update))),
    },
  };
}

/**
 * Resolves the host bridge: `window.opsHost` when present (Electron), otherwise
 * the browser host from `renderer/src/browser-host/index.ts`. The fixture host is
 * used only when `allowFixtureFallback` is set (dev/test), and the result says so.
 * @throws HostUnavailableError when neither host is available and fallback is not allowed.
 */
export async function getHostBridge(options: GetHostOptions = {}): Promise<ResolvedHost> {
  if (typeof window !== 'undefined' && window.opsHost)
    return { bridge: checkedBoardUpdates(window.opsHost), source: 'electron' };
  const loadBrowserHost = options.loadBrowserHost ?? importBrowserHost;
  let reason: string;
  try {
    const mod = await loadBrowserHost();
    if (typeof mod.createBrowserHost === 'function')
      return { bridge: mod.createBrowserHost(), source: 'browser' };
    reason = 'renderer/src/browser-host/index.ts does not export createBrowserHost()';
  } catch (error) {
    reason = `the browser host failed to load: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!options.allowFixtureFallback) {
    throw new HostUnavailableError(
      `No host bridge: ${reason}. Run inside Electron (window.opsHost) or build with the browser host.`,
    );
  }
  console.warn(`[ops-console] Using the fixture host with demo data because ${reason}.`);
  const loadFixtureHost = options.loadFixtureHost ?? (() => import('../fixtures/fixture-host'));
  const fixture = await loadFixtureHost();
  // Keep the demo moving so a developer sees live updates, highlights and ticking ages.
  return {
    bridge: fixture.createFixtureHost({ liveIntervalMs: 1500 }),
    source: 'fixture',
    fallbackReason: reason,
  };
}

async function importBrowserHost(): Promise<{ createBrowserHost(): HostBridge }> {
  // A glob import keeps the build working while the browser host module does not exist yet:
  // an empty match becomes a clear "not found" instead of a bundler error.
  const modules = import.meta.glob<{ createBrowserHost(): HostBridge }>('../browser-host/index.ts');
  const load = modules['../browser-host/index.ts'];
  if (!load) throw new Error('renderer/src/browser-host/index.ts was not found');
  return load();
}

const HostBridgeContext = createContext<HostBridge | null>(null);

/** Makes a host bridge available to every component below it. */
export function HostBridgeProvider({
  bridge,
  children,
}: {
  bridge: HostBridge;
  children: ReactNode;
}) {
  return <HostBridgeContext.Provider value={bridge}>{children}</HostBridgeContext.Provider>;
}

/**
 * The host bridge of this window.
 * @throws Error when used outside HostBridgeProvider.
 */
export function useHostBridge(): HostBridge {
  const bridge = useContext(HostBridgeContext);
  if (!bridge)
    throw new Error(
      'useHostBridge() needs a <HostBridgeProvider bridge={...}> above it; main.tsx sets one up.',
    );
  return bridge;
}
