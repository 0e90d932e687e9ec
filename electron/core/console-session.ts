// Length (~310 lines): the session's public API, one short method per bridge operation; the
// logic behind them lives in profile-runtime.ts, operator-actions.ts and protocol/session.
import type { ActionReceipt, ActionRequest } from '../../protocol/actions';
import type { BoardUpdate } from '../../protocol/bridge/board-feed';
import type {
  BridgeResult,
  ProfileSummary,
  SignInInput,
  TenantInfo,
} from '../../protocol/bridge/host-bridge';
import { isTenantId } from '../../protocol/ids';
import type { Clock } from '../../protocol/link/clock';
import type { LinkStatus } from '../../protocol/link/link-state';
import { worstLinkStatus } from '../../protocol/link/worst-link-status';
import type { SocketConstructor } from '../../protocol/link/socket-port';
import type { CoreLogger } from './core-logger';
import type { CredentialStore } from './credential-store';
import { requestToken } from './hub-client-http';
import { HubUrlError, normalizeHubUrl, requireSecureHubTransport } from './hub-url';
import { performAction, tenantsOf } from './operator-actions';
import { createProfileRuntime, type ProfileRuntime } from './profile-runtime';
import { ProfileStore, type Profile } from './profiles';
import { RefreshingTokenSource } from './refreshing-token-source';
import { FileSnapshotStore } from './snapshot-cache';

export interface ConsoleSessionOptions {
  dataDir: string;
  credentials: CredentialStore;
  log: CoreLogger;
  /** Defaults to `ws`. */
  WebSocket?: SocketConstructor;
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  /** Managed policy `allowInsecureRemoteHubs`: plain http to hubs on other computers. Default false. */
  allowInsecureRemoteHubs?: boolean;
}

const NO_PROFILE_STATUS: LinkStatus = { state: 'idle', since: 0, reason: 'no profile signed in' };

/**
 * The desktop's session: profiles, one link per hub profile, per-tenant board
 * feeds shared by every window, and the link status. Plain Node (no `electron`
 * import); the Electron main process wraps it and feeds it power and network
 * signals. No token or credential ever leaves this object.
 */
export class ConsoleSession {
  private readonly runtimes = new Map<string, ProfileRuntime>();
  private readonly statusListeners = new Set<(profileId: string, status: LinkStatus) => void>();
  private readonly profiles: ProfileStore;
  private started = false;

  constructor(private readonly options: ConsoleSessionOptions) {
    this.profiles = new ProfileStore(options.dataDir, options.log);
  }

  /** Starts a link for every profile with a stored credential. Caches are read before any network use. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const profile of await this.profiles.list()) {
      let stored: string | null;
      try {
        stored = await this.options.credentials.get(profile.hubUrl, profile.username);
      } catch (error) {
        // A keychain that fails for one entry must not stop the console: that profile just needs a sign-in.
        this.options.log.warn(
          { profile: profile.id, reason: error instanceof Error ? error.message : String(error) },
          'could not read the stored credential; the profile needs sign-in',
        );
        continue;
      }
      if (stored === null) continue;
      try {
        this.requireSecureTransport(profile.hubUrl);
      } catch (error) {
        if (!(error instanceof HubUrlError)) throw error;
        this.options.log.warn(
          { profile: profile.id, reason: error.message },
          'profile not started',
        );
        continue;
      }
      this.runtimeFor(profile).link.start();
    }
  }

  /** Every profile, with its tenants while signed in and the keychain warning when there is no keychain. */
  async listProfiles(): Promise<ProfileSummary[]> {
    const summaries: ProfileSummary[] = [];
    for (const profile of await this.profiles.list()) {
      const runtime = this.runtimes.get(profile.id);
      const state = runtime?.link.status().state;
      const summary: ProfileSummary = {
        ...profile,
        tenants: runtime?.tenants ?? [],
        signedIn: runtime !== undefined && state !== 'auth_required' && state !== 'stopped',
      };
      if (this.options.credentials.sessionOnlyWarning)
        summary.sessionOnlyWarning = this.options.credentials.sessionOnlyWarning;
      summaries.push(summary);
    }
    return summaries;
  }

  /**
   * Exchanges the password for tokens at the hub's token endpoint, stores the
   * refresh token in the keychain (or, with no keychain, for this session only),
   * saves the profile and starts its link. The password is not kept anywhere:
   * renewals use the refresh token. Plain http to a hub on another computer is
   * refused unless policy allows it.
   */
  async signIn(input: SignInInput): Promise<BridgeResult<ProfileSummary>> {
    let hubUrl: string;
    try {
      hubUrl = normalizeHubUrl(input.hubUrl);
      this.requireSecureTransport(hubUrl);
    } catch (error) {
      if (error instanceof HubUrlError)
        return { ok: false, error: { code: 'bad_request', message: error.message } };
      throw error;
    }
    if (!input.username || !input.password)
      return {
        ok: false,
        error: { code: 'bad_request', message: 'username and password are required' },
      };
    const tokens = this.tokenSource(hubUrl, input.username);
    const answer = await tokens.signIn(input.password);
    if (!answer.ok) return { ok: false, error: { code: answer.code, message: answer.message } };
    const profile = await this.profiles.upsert({
      hubUrl,
      username: input.username,
      displayName: input.displayName,
    });
    const runtime = this.runtimeFor(profile, tokens);
    runtime.tokens = tokens;
    runtime.tenants = answer.tenants;
    runtime.scope = answer.scope;
    runtime.link.start();
    this.options.log.info(
      { profile: profile.id, hub: hubUrl, tenants: answer.tenants.length },
      'signed in',
    );
    const summary = (await this.listProfiles()).find((p) => p.id === profile.id);
    if (!summary) throw new Error(`profile ${profile.id} vanished while signing in`);
    return { ok: true, value: summary };
  }

  /** Stops the profile's link, deletes its cache, credential and profile entry. */
  async signOut(profileId: string): Promise<void> {
    const runtime = this.runtimes.get(profileId);
    const profile =
      runtime?.profile ?? (await this.profiles.list()).find((p) => p.id === profileId);
    if (!profile) return;
    if (runtime) {
      runtime.link.stop('signed out');
      await runtime.boards.discard();
      this.runtimes.delete(profileId);
    } else {
      await new FileSnapshotStore(
        FileSnapshotStore.dirFor(this.options.dataDir, profileId),
        this.options.log,
      ).clear();
    }
    await this.options.credentials.delete(profile.hubUrl, profile.username);
    await this.profiles.remove(profileId);
    this.options.log.info({ profile: profileId }, 'signed out; cache and credential deleted');
  }

  /** Tenants of every signed-in profile, as granted by their tokens, with whether each may act on them. */
  tenants(): TenantInfo[] {
    return [...this.runtimes.values()].flatMap(tenantsOf);
  }

  /**
   * `actions.perform`: sends the action over the link of the profile that has its
   * tenant (see operator-actions.ts). Never throws; never queues.
   */
  performAction(request: ActionRequest): Promise<BridgeResult<ActionReceipt>> {
    return performAction(this.runtimes.values(), request, this.options.log);
  }

  /**
   * Subscribes a window to a tenant's board. The first window starts the feed
   * (cache first, then the link); later ones share it. Returns an unsubscribe function.
   * @throws TypeError for a malformed tenant id or when no profile is signed in.
   */
  subscribeBoard(
    tenant: string,
    onUpdate: (update: BoardUpdate) => void,
    profileId?: string,
  ): () => void {
    if (!isTenantId(tenant)) throw new TypeError(`not a tenant id: ${JSON.stringify(tenant)}`);
    const runtime = profileId ? this.runtimes.get(profileId) : this.runtimeForTenant(tenant);
    if (!runtime)
      throw new TypeError(
        `no signed-in profile${profileId ? ` ${profileId}` : ''} to show tenant ${tenant}; sign in first`,
      );
    return runtime.boards.subscribe(tenant, onUpdate);
  }

  /**
   * The link status of one profile; without `profileId`, the worst across every
   * profile (see `worstLinkStatus`), so one healthy hub never hides another that is down.
   */
  linkStatus(profileId?: string): LinkStatus {
    if (profileId) return this.runtimes.get(profileId)?.boards.status() ?? NO_PROFILE_STATUS;
    const links = [...this.runtimes.values()].map((runtime) => ({
      label: runtime.profile.displayName,
      status: runtime.boards.status(),
    }));
    return worstLinkStatus(links) ?? NO_PROFILE_STATUS;
  }

  /** The status of the link that carries `tenant` (what a window showing it cares about); the worst across profiles when no profile has it. */
  linkStatusForTenant(tenant: string): LinkStatus {
    const runtime = this.runtimeForTenant(tenant);
    return runtime ? runtime.boards.status() : this.linkStatus();
  }

  /** Called on every link status change of any profile. Returns an unsubscribe function. */
  onLinkStatus(listener: (profileId: string, status: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Network signal from the host (Electron `online`/`offline`). */
  setNetworkOnline(online: boolean): void {
    for (const runtime of this.runtimes.values()) runtime.link.setNetworkOnline(online);
  }

  /**
   * "Retry now" from a window: every profile's link that waits to reconnect tries at once.
   * @returns true when at least one attempt was started.
   */
  retryNow(): boolean {
    let started = false;
    for (const runtime of this.runtimes.values()) started = runtime.link.retryNow() || started;
    return started;
  }

  /** `powerMonitor` suspend. */
  notifySuspend(): void {
    for (const runtime of this.runtimes.values()) runtime.link.notifySuspend();
  }

  /** `powerMonitor` resume: links retry at once. */
  notifyResume(): void {
    for (const runtime of this.runtimes.values()) runtime.link.notifyResume();
  }

  /** Quit: writes every cache now, then stops the links. */
  async quit(): Promise<void> {
    for (const runtime of this.runtimes.values()) {
      await runtime.boards.close();
      runtime.link.stop('quit');
    }
    this.runtimes.clear();
  }

  private runtimeForTenant(tenant: string): ProfileRuntime | undefined {
    const all = [...this.runtimes.values()];
    return (
      all.find((runtime) => runtime.tenants.includes(tenant)) ??
      (all.length === 1 ? all[0] : undefined)
    );
  }

  /** @throws HubUrlError (InsecureHubUrlError) for plain http to another computer, unless policy allows it. */
  private requireSecureTransport(hubUrl: string): void {
    requireSecureHubTransport(hubUrl, {
      allowInsecureRemoteHubs: this.options.allowInsecureRemoteHubs ?? false,
    });
  }

  private tokenSource(hubUrl: string, username: string): RefreshingTokenSource {
    const tokens: RefreshingTokenSource = new RefreshingTokenSource({
      hubUrl,
      username,
      credentials: this.options.credentials,
      request: (body) => requestToken(hubUrl, body, { fetch: this.options.fetch }),
      log: this.options.log,
      now: this.options.clock ? () => (this.options.clock as Clock).now() : undefined,
      onGranted: (answer) => {
        for (const runtime of this.runtimes.values())
          if (runtime.tokens === tokens)
            Object.assign(runtime, { tenants: answer.tenants, scope: answer.scope });
      },
    });
    return tokens;
  }

  private runtimeFor(profile: Profile, tokens?: RefreshingTokenSource): ProfileRuntime {
    const existing = this.runtimes.get(profile.id);
    if (existing) return existing;
    const runtime = createProfileRuntime(
      profile,
      tokens ?? this.tokenSource(profile.hubUrl, profile.username),
      this.options,
      (status) => {
        for (const listener of [...this.statusListeners]) listener(profile.id, status);
      },
    );
    this.runtimes.set(profile.id, runtime);
    return runtime;
  }
}
