import { CodedError } from '../../../protocol/codes';
import { parseBridgeResult } from '../../../protocol';
import type {
  BoardUpdate,
  BridgeArgs,
  BridgeError,
  BridgeOperationResult,
  FallibleOperationName,
  HostBridge,
  LinkStatus,
} from '../../../protocol';
import { createPageOperations } from './page-operations';
import { parseWorkerMessage } from './worker-protocol';
import type { PageMessage, WorkerOperationName } from './worker-protocol';

/** The page's end of the link worker's port (a SharedWorker port, or a MessageChannel port for the in-page fallback). */
export interface WorkerPort {
  postMessage(message: PageMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start(): void;
}

/** Raised into a request's promise when the worker answers with an error. */
export class WorkerRequestError extends CodedError {
  override name = 'WorkerRequestError';
  constructor(error: BridgeError) {
    super(error.code, error.message);
  }
}

export interface BrowserHostBridgeOptions {
  /** How the link runs, for `app.info().platform`: `shared-worker` or `in-page`. */
  linkMode: 'shared-worker' | 'in-page';
  /** Opens a URL in a new tab; injectable for tests. */
  openTab?: (url: string) => boolean;
}

type Pending = {
  op: WorkerOperationName;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
};

/**
 * What the bridge has checked about the board streams it passed on, for
 * diagnostics and e2e tests (read from `globalThis.opsBrowserHostDiagnostics`).
 */
export interface BoardStreamDiagnostics {
  /** Last seq passed to the UI, per tenant. */
  lastSeq: Record<string, number>;
  /** Event batches that did not continue the last seq (each led to a fresh subscription). */
  gaps: number;
  /** Resets received, per tenant. */
  resets: Record<string, number>;
}

interface BoardListener {
  /** Current subscription id; replaced when a gap forces a fresh subscription. */
  sub: number;
  tenant: string;
  onUpdate: (update: BoardUpdate) => void;
  /** Last seq passed on; null until the first reset. */
  seq: number | null;
}

/**
 * The page side of the browser host: implements `HostBridge` by talking to the
 * link worker over a port. Every message from the worker is validated before it
 * reaches the UI; invalid ones are dropped with a warning.
 */
export function createBrowserHostBridge(
  port: WorkerPort,
  options: BrowserHostBridgeOptions,
): HostBridge {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const boardListeners = new Map<number, BoardListener>();
  const diagnostics: BoardStreamDiagnostics = { lastSeq: {}, gaps: 0, resets: {} };
  (globalThis as { opsBrowserHostDiagnostics?: BoardStreamDiagnostics }).opsBrowserHostDiagnostics =
    diagnostics;

  /** Passes an update on when it continues the stream; on a gap, starts the subscription afresh instead. */
  function deliver(sub: number, update: BoardUpdate): void {
    const listener = boardListeners.get(sub);
    if (!listener || update.tenant !== listener.tenant) return;
    if (update.kind === 'reset') {
      listener.seq = update.seq;
      diagnostics.resets[update.tenant] = (diagnostics.resets[update.tenant] ?? 0) + 1;
    } else if (update.kind === 'events') {
      const first = update.events[0];
      if (!first) return;
      const contiguous =
        listener.seq !== null &&
        update.events.every((record, index) => record.seq === (listener.seq as number) + index + 1);
      if (!contiguous) {
        diagnostics.gaps += 1;
        console.warn(
          `[ops-console] The link worker sent ${update.tenant} events from seq ${first.seq} after seq ${listener.seq}; resubscribing for a fresh board.`,
        );
        boardListeners.delete(sub);
        port.postMessage({ t: 'unsub', sub });
        listen(listener);
        return;
      }
      listener.seq = first.seq + update.events.length - 1;
    }
    if (listener.seq !== null) diagnostics.lastSeq[update.tenant] = listener.seq;
    listener.onUpdate(update);
  }

  function listen(listener: BoardListener): void {
    listener.sub = nextId++;
    listener.seq = null;
    boardListeners.set(listener.sub, listener);
    port.postMessage({
      t: 'sub',
      sub: listener.sub,
      op: 'boards.subscribe',
      args: [listener.tenant],
    });
  }
  const linkListeners = new Set<(status: LinkStatus) => void>();
  let lastStatus: LinkStatus | null = null;

  port.addEventListener('message', (event: MessageEvent) => {
    const parsed = parseWorkerMessage(event.data);
    if (!parsed.ok) {
      console.warn(
        `[ops-console] Dropped an invalid message from the link worker: ${parsed.error}`,
      );
      return;
    }
    const message = parsed.value;
    switch (message.t) {
      case 'res': {
        const entry = pending.get(message.id);
        if (!entry) return;
        pending.delete(message.id);
        if (!message.ok) {
          entry.reject(new WorkerRequestError(message.error));
          return;
        }
        const value = parseBridgeResult(entry.op, message.value);
        if (value.ok) entry.resolve(value.value);
        else
          entry.reject(
            new WorkerRequestError({
              code: 'bad_worker_answer',
              message: `The link worker answered ${entry.op} with invalid data: ${value.error}`,
            }),
          );
        return;
      }
      case 'board':
        deliver(message.sub, message.update);
        return;
      case 'link':
        lastStatus = message.status;
        for (const listener of linkListeners) listener(message.status);
        return;
    }
  });
  port.start();

  /** Sends operation `op` to the worker; resolves with its answer, checked against the op's result schema. */
  function request<K extends WorkerOperationName>(
    op: K,
    args: BridgeArgs<K>,
  ): Promise<BridgeOperationResult<K>> {
    const id = nextId++;
    return new Promise<BridgeOperationResult<K>>((resolve, reject) => {
      pending.set(id, { op, resolve: resolve as (value: unknown) => void, reject });
      port.postMessage({ t: 'req', id, op, args } as PageMessage);
    });
  }

  /** Like `request`, for an operation answering a BridgeResult: a failed request is folded into it. */
  async function requestFallible<K extends WorkerOperationName & FallibleOperationName>(
    op: K,
    args: BridgeArgs<K>,
  ): Promise<BridgeOperationResult<K>> {
    try {
      return await request(op, args);
    } catch (error) {
      return { ok: false, error: toBridgeError(error) } as BridgeOperationResult<K>;
    }
  }

  // With 'noopener', window.open returns null even on success, so a blocked pop-up cannot be told apart.
  const openTab =
    options.openTab ??
    ((url: string) => {
      window.open(url, '_blank', 'noopener');
      return true;
    });

  return {
    profiles: {
      list: () => request('profiles.list', []),
      // The hub is the page's own origin (the hub field is hidden in the browser); the worker refuses any other.
      signIn: (input) => requestFallible('profiles.signIn', [input]),
      signOut: (profileId) => request('profiles.signOut', [profileId]),
    },
    tenants: {
      list: () => request('tenants.list', []),
    },
    boards: {
      subscribe(tenant, onUpdate) {
        const listener: BoardListener = { sub: -1, tenant, onUpdate, seq: null };
        listen(listener);
        return () => {
          if (!boardListeners.delete(listener.sub)) return;
          port.postMessage({ t: 'unsub', sub: listener.sub });
        };
      },
    },
    link: {
      async status() {
        if (lastStatus) return lastStatus;
        return request('link.status', []);
      },
      retryNow: () => request('link.retryNow', []),
      subscribe(onStatus) {
        linkListeners.add(onStatus);
        if (lastStatus) onStatus(lastStatus);
        return () => {
          linkListeners.delete(onStatus);
        };
      },
    },
    actions: {
      // Sent by the worker on its live link; never queued (see LinkClient.sendAction).
      perform: (request) => requestFallible('actions.perform', [request]),
    },
    ...createPageOperations({ linkMode: options.linkMode, openTab }),
  };
}

function toBridgeError(error: unknown): BridgeError {
  if (error instanceof WorkerRequestError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
