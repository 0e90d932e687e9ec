import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HostBridge } from '../../../protocol/bridge/host-bridge';
import {
  UPDATE_REASONS,
  UPDATE_STATES,
  type UpdateStatus,
} from '../../../protocol/bridge/update-status';

/** The host's self-update state, for the settings screen and the status bar. Null until the host answers. */
export interface UpdateView {
  status: UpdateStatus | null;
}

export type UpdateStore = StoreApi<UpdateView> & {
  /** Subscribes to the host; returns the unsubscribe function. */
  connect(bridge: HostBridge): () => void;
};

/** Accepts a status only with a known state and reason and a version string. */
export function isUpdateStatus(value: unknown): value is UpdateStatus {
  if (typeof value !== 'object' || value === null) return false;
  const status = value as Partial<UpdateStatus>;
  return (
    UPDATE_STATES.includes(status.state as UpdateStatus['state']) &&
    UPDATE_REASONS.includes(status.reason as UpdateStatus['reason']) &&
    typeof status.currentVersion === 'string'
  );
}

export function createUpdateStore(): UpdateStore {
  const store = createStore<UpdateView>(() => ({ status: null }));
  const accept = (status: unknown) => {
    if (isUpdateStatus(status)) store.setState({ status });
    else console.warn('[ops-console] Ignored a malformed update status from the host', status);
  };
  return Object.assign(store, {
    connect(bridge: HostBridge) {
      let live = true;
      let pushed = false;
      const unsubscribe = bridge.updates.subscribe((status) => {
        pushed = true;
        accept(status);
      });
      bridge.updates.status().then(
        (status) => {
          if (live && !pushed) accept(status);
        },
        (error: unknown) => console.warn('[ops-console] Could not read the update status', error),
      );
      return () => {
        live = false;
        unsubscribe();
      };
    },
  });
}
