import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { HostBridge } from '../../../protocol/bridge/host-bridge';
import { HostBridgeProvider } from '../host/host-bridge-context';
import { messagesFor, intlLocaleOf } from '../i18n/locale';
import type { Messages } from '../i18n/messages-en';
import { createBoardStoreRegistry, type BoardStoreRegistry } from '../stores/board-store';
import { createClockStore, type ClockStore } from '../stores/clock-store';
import { createDirectoryStore, type DirectoryStore } from '../stores/directory-store';
import type { BoardView } from '../stores/board-view';
import type { FrameScheduler } from '../stores/frame-scheduler';
import { createLinkStore, type LinkStore } from '../stores/link-store';
import { createPrefsStore, type PrefsStore } from '../stores/prefs-store';
import { createSessionStore, type SessionStore } from '../stores/session-store';
import { createUpdateStore, type UpdateStore } from '../stores/update-store';

/**
 * The window's stores, created once per window over its host bridge. Components
 * reach them through the hooks below and only select from them.
 */
export interface AppStores {
  bridge: HostBridge;
  boards: BoardStoreRegistry;
  link: LinkStore;
  /** The host's self-update state (settings screen, status bar). */
  updates: UpdateStore;
  session: SessionStore;
  prefs: PrefsStore;
  /** Tenants' names learnt from their boards' directory entries (picker, headers, title). */
  directory: DirectoryStore;
  /** Clock for ages and "x min ago", epoch ms; injectable for tests. */
  now: () => number;
  /** The shared 1 s tick over `now`, for components that show a time. */
  clock: ClockStore;
}

export interface AppStoresOptions {
  scheduler?: FrameScheduler;
  storage?: Storage;
  now?: () => number;
}

export function createAppStores(bridge: HostBridge, options: AppStoresOptions = {}): AppStores {
  const now = options.now ?? Date.now;
  return {
    bridge,
    boards: createBoardStoreRegistry(bridge, {
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
      now,
    }),
    link: createLinkStore(),
    updates: createUpdateStore(),
    session: createSessionStore(bridge),
    prefs: createPrefsStore(options.storage),
    directory: createDirectoryStore(options.storage),
    now,
    clock: createClockStore(now),
  };
}

const StoresContext = createContext<AppStores | null>(null);

/** Provides the stores and the host bridge, and connects the link store while mounted. */
export function AppStoresProvider({
  stores,
  children,
}: {
  stores: AppStores;
  children: ReactNode;
}) {
  useEffect(() => stores.link.connect(stores.bridge), [stores]);
  useEffect(() => stores.updates.connect(stores.bridge), [stores]);
  return (
    <StoresContext.Provider value={stores}>
      <HostBridgeProvider bridge={stores.bridge}>{children}</HostBridgeProvider>
    </StoresContext.Provider>
  );
}

/** @throws Error outside AppStoresProvider. */
export function useAppStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores)
    throw new Error(
      'useAppStores() needs <AppStoresProvider stores={createAppStores(bridge)}> above it.',
    );
  return stores;
}

/** The current dictionary and Intl locale tag. */
export function useMessages(): { t: Messages; intl: string } {
  const locale = useStore(useAppStores().prefs, (prefs) => prefs.locale);
  return { t: messagesFor(locale), intl: intlLocaleOf(locale) };
}

/**
 * Selects from one tenant's board view, keeping the host subscription open
 * while any component of the window uses that tenant.
 */
export function useBoardView<T>(tenant: string, select: (view: BoardView) => T): T {
  const { boards } = useAppStores();
  useEffect(() => boards.retain(tenant), [boards, tenant]);
  return useStore(boards.storeFor(tenant), select);
}
