import type { WireError } from '../error-codes';
import type { LinkStatus } from '../link/link-state';
import type { BoardUpdate } from './board-feed';
import type { UpdateStatus } from './update-status';

/**
 * The one interface the renderer uses to reach its host. The Electron preload
 * implements it over IPC; the browser host implements it over a SharedWorker.
 * No token and no credential ever crosses it: sign-in takes the password once
 * and the host keeps it (keychain) or forgets it (browser).
 */

export const BOARD_KINDS = [
  'overview',
  'orders',
  'floor',
  'payments',
  'inventory',
  'feed',
] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export type WindowMode = 'normal' | 'fullscreen' | 'kiosk';

export interface ProfileSummary {
  id: string;
  hubUrl: string;
  username: string;
  displayName: string;
  /** Tenants granted by the current token; empty until signed in. */
  tenants: string[];
  signedIn: boolean;
  /** Set when credentials are kept for this session only (no keychain). */
  sessionOnlyWarning?: string;
}

export interface SignInInput {
  hubUrl: string;
  username: string;
  password: string;
  displayName?: string;
}

export interface TenantInfo {
  id: string;
  /** Display name when the hub or profile knows one; else the id. */
  name: string;
  profileId: string;
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  platform: string;
  /** True when the host can run a hub on this machine ("Host a hub on this PC"). */
  canHostHub: boolean;
  /** True when the host can open native windows; the browser host opens tabs instead. */
  canOpenWindows: boolean;
}

export interface OpenWindowOptions {
  mode?: WindowMode;
  /** Wall-display playlist: boards to rotate through, and the interval in seconds. */
  playlist?: { boards: BoardKind[]; intervalSec: number };
}

export interface HostedHubStatus {
  running: boolean;
  url?: string;
  demo?: boolean;
  error?: WireError;
}

/** Result of an operation that can fail for reasons a person must see. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

export interface HostBridge {
  profiles: {
    list(): Promise<ProfileSummary[]>;
    signIn(input: SignInInput): Promise<BridgeResult<ProfileSummary>>;
    signOut(profileId: string): Promise<void>;
  };
  tenants: {
    list(): Promise<TenantInfo[]>;
  };
  boards: {
    /** Starts (or shares) the tenant's live feed; the callback gets a `reset` first. Returns an unsubscribe function. */
    subscribe(tenant: string, onUpdate: (update: BoardUpdate) => void): () => void;
  };
  link: {
    status(): Promise<LinkStatus>;
    /** Called on every link status change. Returns an unsubscribe function. */
    subscribe(onStatus: (status: LinkStatus) => void): () => void;
  };
  windows: {
    open(
      tenant: string,
      board: BoardKind,
      options?: OpenWindowOptions,
    ): Promise<BridgeResult<void>>;
  };
  app: {
    info(): Promise<AppInfo>;
  };
  hostedHub: {
    status(): Promise<HostedHubStatus>;
    /** Starts the bundled hub with the demo and signs in to it. Only when `app.info().canHostHub`. */
    start(options: { demo: boolean; bindAddress?: string }): Promise<BridgeResult<HostedHubStatus>>;
  };
  updates: {
    /** The current update state; `not-applicable` in the browser. */
    status(): Promise<UpdateStatus>;
    /** Called on every update state change. Returns an unsubscribe function. */
    subscribe(onStatus: (status: UpdateStatus) => void): () => void;
    /** Checks the feed now (when updates are on). */
    check(): Promise<UpdateStatus>;
    /** Restarts and installs a downloaded update (`state: 'ready'`, `installBy: 'app'`). */
    restartToUpdate(): Promise<BridgeResult<void>>;
  };
}
