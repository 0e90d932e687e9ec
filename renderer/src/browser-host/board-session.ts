import { WS_PATH } from '../../../protocol';
import type { ActionReceipt, ActionRequest, BoardUpdate, LinkStatus } from '../../../protocol';
import { LinkClient } from '../../../protocol/link';
import type { SocketConstructor } from '../../../protocol/link';
import { BoardSession as ProtocolBoardSession } from '../../../protocol/session';
import type { HeldToken } from './held-token';
import { IndexedDbSnapshotStore } from './indexeddb-snapshot-store';

/** What the link worker needs of one profile's session. */
export interface BoardSession {
  /** Starts (or shares) a tenant's feed; `send` gets a `reset` (or `loading`) at once, then coalesced updates. */
  subscribe(tenant: string, send: (update: BoardUpdate) => void): () => void;
  /** Starts the link again after a new sign-in. */
  restart(): void;
  /** "Retry now": skips the reconnect wait. @returns true when an attempt was started. */
  retryNow(): boolean;
  /** Sends an operator action on the live link; see `LinkClient.sendAction` (never queued). */
  sendAction(request: ActionRequest): Promise<ActionReceipt>;
  /** Stops the link; with `clearCache` (sign-out) the profile's IndexedDB cache is deleted, else it is flushed. */
  close(options: { clearCache: boolean }): Promise<void>;
}

export interface BoardSessionOptions {
  hubUrl: string;
  profileId: string;
  token: HeldToken;
  onStatus(status: LinkStatus): void;
}

/**
 * One profile's session in the link worker: the protocol/ link client (with the
 * browser's WebSocket and the held token) and the protocol/ board session over
 * the IndexedDB snapshot cache. The worker's network signals feed the link.
 */
export function startBoardSession(options: BoardSessionOptions): BoardSession {
  const link = new LinkClient({
    url: wsUrl(options.hubUrl),
    WebSocket: WebSocket as unknown as SocketConstructor,
    getToken: options.token.source,
  });
  const session = new ProtocolBoardSession({
    link,
    store: new IndexedDbSnapshotStore(options.profileId),
    onError: ({ code, message, tenant }) =>
      console.warn(`[ops-console] ${tenant ? `${tenant}: ` : ''}${code}: ${message}`),
  });
  const offStatus = session.onStatus((status) => options.onStatus(status));

  const onOnline = () => link.setNetworkOnline(true);
  const onOffline = () => link.setNetworkOnline(false);
  globalThis.addEventListener('online', onOnline);
  globalThis.addEventListener('offline', onOffline);

  if (options.token.present()) link.start();

  return {
    subscribe: (tenant, send) => session.subscribe(tenant, send),
    restart() {
      link.start();
    },
    retryNow: () => link.retryNow(),
    sendAction: (request) => link.sendAction(request),
    async close({ clearCache }) {
      globalThis.removeEventListener('online', onOnline);
      globalThis.removeEventListener('offline', onOffline);
      offStatus();
      link.stop(clearCache ? 'signed out' : 'session replaced');
      if (clearCache) await session.discard();
      else await session.close();
    },
  };
}

function wsUrl(hubUrl: string): string {
  const url = new URL(WS_PATH, hubUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
