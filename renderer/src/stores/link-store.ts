import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HostBridge } from '../../../protocol/bridge/host-bridge';
import { LINK_STATES, type LinkStatus } from '../../../protocol/link/link-state';

/** The host's link to the hub, as the status bar shows it. Null until the host answers. */
export interface LinkView {
  status: LinkStatus | null;
}

export type LinkStore = StoreApi<LinkView> & {
  /** Subscribes to the host; returns the unsubscribe function. */
  connect(bridge: HostBridge): () => void;
};

/** Accepts a status only when it has a known state and a numeric `since`; anything else is ignored. */
export function isLinkStatus(value: unknown): value is LinkStatus {
  if (typeof value !== 'object' || value === null) return false;
  const status = value as Partial<LinkStatus>;
  return (
    LINK_STATES.includes(status.state as LinkStatus['state']) && typeof status.since === 'number'
  );
}

export function createLinkStore(): LinkStore {
  const store = createStore<LinkView>(() => ({ status: null }));
  const accept = (status: unknown) => {
    if (isLinkStatus(status)) store.setState({ status });
    else console.warn('[ops-console] Ignored a malformed link status from the host', status);
  };
  return Object.assign(store, {
    connect(bridge: HostBridge) {
      let live = true;
      // The first pushed status wins over a slower initial query.
      let pushed = false;
      const unsubscribe = bridge.link.subscribe((status) => {
        pushed = true;
        accept(status);
      });
      bridge.link.status().then(
        (status) => {
          if (live && !pushed) accept(status);
        },
        (error: unknown) => console.warn('[ops-console] Could not read the link status', error),
      );
      return () => {
        live = false;
        unsubscribe();
      };
    },
  });
}
