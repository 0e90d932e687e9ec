import type { Code } from '../codes';
import type { BoardState } from '../board/board-state';
import type { EventMessage } from '../messages';
import type { LinkStatus, LinkTransition } from './link-state';

/** How a token was obtained: the first one, an in-band renewal, or a fresh one for a reconnect. */
export type TokenHow = 'initial' | 'inband' | 'reconnect';

/** Everything a link client tells its consumers, by event name. */
export interface LinkEventMap {
  /** Every state transition, with the full status after it. */
  state: LinkTransition & { status: LinkStatus };
  /** A full state for a tenant; replaces whatever the consumer had. `state` is validated with `isBoardState`. */
  snapshot: { tenant: string; seq: number; epoch: string; state: BoardState };
  /** A replay after reconnect finished; the consumer's state is complete up to `seq`. */
  resumed: { tenant: string; seq: number; epoch: string };
  /**
   * One live event, already checked for continuity: it is exactly the next one the consumer
   * needs. It is the hub's `event` frame as parsed at the socket, passed on without a copy.
   */
  event: EventMessage;
  /** A gap or epoch change was found; a fresh snapshot has been asked for. */
  resync: { tenant: string; reason: string };
  /** A token was obtained (and, for `inband`, accepted by the hub). `exp` is epoch seconds. */
  token: { how: TokenHow; exp: number };
  /** A recoverable problem, for logs and status lines; `tenant` when it concerns one. */
  error: { code: Code; message: string; tenant?: string };
}

export type LinkEventName = keyof LinkEventMap;
export type LinkListener<K extends LinkEventName> = (payload: LinkEventMap[K]) => void;

/**
 * A minimal typed emitter. A throwing listener must not break the state machine
 * that called it, so its error goes to `onListenerError`, which by default rethrows
 * it on a fresh stack via `defer` so programming errors still surface.
 * @internal
 */
export class LinkEmitter {
  private readonly listeners = new Map<LinkEventName, Set<(payload: never) => void>>();

  constructor(
    private readonly defer: (fn: () => void) => void,
    private readonly onListenerError?: (error: unknown, event: LinkEventName) => void,
  ) {}

  on<K extends LinkEventName>(name: K, listener: LinkListener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    const stored = listener as (payload: never) => void;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  emit<K extends LinkEventName>(name: K, payload: LinkEventMap[K]): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as LinkListener<K>)(payload);
      } catch (error) {
        if (this.onListenerError) this.onListenerError(error, name);
        else
          this.defer(() => {
            throw error;
          });
      }
    }
  }
}
