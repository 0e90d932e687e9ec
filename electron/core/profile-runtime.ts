import WebSocket from 'ws';
import type { Clock } from '../../protocol/link/clock';
import { LinkClient } from '../../protocol/link/link-client';
import type { LinkStatus } from '../../protocol/link/link-state';
import type { SocketConstructor } from '../../protocol/link/socket-port';
import { BoardSession } from '../../protocol/session/board-session';
import type { CoreLogger } from './core-logger';
import { wsUrlOf } from './hub-url';
import type { Profile } from './profiles';
import type { RefreshingTokenSource } from './refreshing-token-source';
import { FileSnapshotStore } from './snapshot-cache';

/** One signed-in hub profile at run time: its link, token source, board feeds and granted tenants. */
export interface ProfileRuntime {
  profile: Profile;
  link: LinkClient;
  /** Replaced at each sign-in; the link asks whichever is current. */
  tokens: RefreshingTokenSource;
  boards: BoardSession;
  tenants: string[];
  /** The scope of the newest token granted (space-separated, e.g. `read operate`); empty before the first. */
  scope: string;
}

/** What a profile runtime is built from (a subset of ConsoleSessionOptions). */
export interface ProfileRuntimeDeps {
  dataDir: string;
  log: CoreLogger;
  /** Defaults to `ws`. */
  WebSocket?: SocketConstructor;
  clock?: Clock;
  random?: () => number;
}

/**
 * Builds a profile's runtime: a link to its hub that asks the runtime's current token
 * source for tokens, a board session over the link and the profile's snapshot cache,
 * and logging of link states and problems. The link is not started.
 * @param onStatus called on every status change of the profile's boards.
 */
export function createProfileRuntime(
  profile: Profile,
  tokens: RefreshingTokenSource,
  deps: ProfileRuntimeDeps,
  onStatus: (status: LinkStatus) => void,
): ProfileRuntime {
  const { log } = deps;
  const link = new LinkClient({
    url: wsUrlOf(profile.hubUrl),
    WebSocket: deps.WebSocket ?? (WebSocket as unknown as SocketConstructor),
    clock: deps.clock,
    random: deps.random,
    getToken: (how) => runtime.tokens.source(how),
    // The main process serves every window for weeks; one failing window callback must not take it down.
    onListenerError: (error, event) =>
      log.error(
        {
          profile: profile.id,
          event,
          err: error instanceof Error ? error.message : String(error),
        },
        'a link listener failed; the link carries on',
      ),
  });
  const store = new FileSnapshotStore(FileSnapshotStore.dirFor(deps.dataDir, profile.id), log);
  const boards = new BoardSession({
    link,
    store,
    clock: deps.clock,
    onError: (error) => log.warn({ profile: profile.id, ...error }, 'link or cache problem'),
  });
  const runtime: ProfileRuntime = { profile, link, tokens, boards, tenants: [], scope: '' };
  link.on('state', ({ from, to, reason }) =>
    log.info({ profile: profile.id, from, to, reason }, 'link state'),
  );
  boards.onStatus(onStatus);
  return runtime;
}
