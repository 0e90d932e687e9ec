import type { UpdateStatus } from '../../../protocol/bridge/update-status';
import type { WireError } from '../../../protocol/codes';
import { decideOnFeed, stagingFraction } from './update-decision';
import { channelFileName, fetchFeedInfo } from './update-feed';
import type { UpdatePlan } from './update-plan';

/** Downloads and installs an update; implemented over electron-updater in electron/main. */
export interface UpdateInstaller {
  /** Downloads `version` from the plan's feed; resolves when it will install on the next restart. */
  download(
    plan: Extract<UpdatePlan, { kind: 'check' }>,
    version: string,
    onProgress: (percent: number) => void,
  ): Promise<void>;
  /** Quits and installs the downloaded update. */
  restartAndInstall(): void;
}

export type UpdateLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  detail: Record<string, unknown>,
) => void;

export interface UpdateServiceOptions {
  plan: UpdatePlan;
  currentVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  /** This installation's staging id (see staging-id.ts); read only when a feed is checked. */
  stagingId(): Promise<string>;
  installer: UpdateInstaller;
  log: UpdateLog;
  /** Why IT's policy file was rejected, shown with the status. */
  policyProblem?: string;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Feed request timeout, ms. */
  timeoutMs?: number;
}

/**
 * Self-update for one installation: checks the feed the plan names (never
 * when the plan is `off`), decides with decideOnFeed, and hands a download to
 * the installer only for per-user installs. Publishes an UpdateStatus on
 * every change.
 */
export class UpdateService {
  readonly #options: UpdateServiceOptions;
  readonly #listeners = new Set<(status: UpdateStatus) => void>();
  #status: UpdateStatus;
  #running: Promise<UpdateStatus> | null = null;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: UpdateServiceOptions) {
    this.#options = options;
    const { plan } = options;
    this.#status = {
      state: plan.kind === 'off' ? 'off' : 'idle',
      reason:
        plan.kind === 'off' ? plan.reason : plan.installBy === 'it' ? 'per-machine' : 'per-user',
      currentVersion: options.currentVersion,
      ...(plan.channel ? { channel: plan.channel } : {}),
      managed: plan.managed,
      ...(plan.kind === 'check' ? { installBy: plan.installBy } : {}),
      ...(options.policyProblem ? { policyProblem: options.policyProblem } : {}),
    };
  }

  status(): UpdateStatus {
    return this.#status;
  }

  /** Calls `listener` on every status change. Returns an unsubscribe function. */
  onStatus(listener: (status: UpdateStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Checks the feed now and acts on the answer. With an `off` plan it returns
   * the status without any network access. Concurrent calls share one check;
   * after an update is downloaded or announced, further checks do nothing.
   */
  check(): Promise<UpdateStatus> {
    const { plan } = this.#options;
    if (plan.kind === 'off') return Promise.resolve(this.#status);
    if (['ready', 'downloading', 'available'].includes(this.#status.state))
      return Promise.resolve(this.#status);
    this.#running ??= this.#check(plan).finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Checks now and then every `intervalMs` (wall boxes run for weeks). No-op when the plan is off. */
  start(intervalMs: number): void {
    if (this.#options.plan.kind === 'off') return;
    void this.check();
    this.#timer = setInterval(() => void this.check(), intervalMs);
    this.#timer.unref?.();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** Restarts into the downloaded update; refused unless one is ready for the app to install. */
  restartToUpdate(): { ok: true; value: undefined } | { ok: false; error: WireError } {
    if (this.#status.state !== 'ready' || this.#status.installBy !== 'app')
      return {
        ok: false,
        error: { code: 'not_ready', message: 'No downloaded update is waiting to be installed.' },
      };
    this.#options.log('info', `restarting to install ${this.#status.availableVersion}`, {});
    this.#options.installer.restartAndInstall();
    return { ok: true, value: undefined };
  }

  async #check(plan: Extract<UpdatePlan, { kind: 'check' }>): Promise<UpdateStatus> {
    const { log } = this.#options;
    const now = this.#options.now ?? Date.now;
    this.#set({ state: 'checking', error: undefined });
    const file = channelFileName(plan.channel, this.#options.platform, this.#options.arch);
    const answer = await fetchFeedInfo(plan.feedUrl, file, {
      fetch: this.#options.fetch,
      timeoutMs: this.#options.timeoutMs,
    });
    if (!answer.ok) {
      log('warn', `update check failed: ${answer.error.message}`, { code: answer.error.code });
      return this.#set({
        state: 'error',
        reason: 'feed-error',
        error: answer.error,
        checkedAt: now(),
      });
    }
    let fraction: number;
    try {
      fraction = stagingFraction(await this.#options.stagingId());
    } catch (error) {
      // Without an id this PC cannot know its place in a rollout; join only unstaged releases.
      log('warn', 'no staging id; only fully rolled-out updates apply', { err: error });
      fraction = 1;
    }
    const decision = decideOnFeed({
      plan,
      feed: answer.info,
      currentVersion: this.#options.currentVersion,
      stagingFraction: fraction,
    });
    log('info', `update check: ${decision.action} (${decision.reason})`, {
      latest: answer.info.version,
      channel: plan.channel,
    });
    if (decision.action === 'none')
      return this.#set({ state: 'up-to-date', reason: decision.reason, checkedAt: now() });
    if (decision.action === 'notify')
      return this.#set({
        state: 'available',
        reason: 'per-machine',
        availableVersion: decision.version,
        checkedAt: now(),
      });
    this.#set({
      state: 'downloading',
      reason: 'per-user',
      availableVersion: decision.version,
      percent: 0,
      checkedAt: now(),
    });
    try {
      await this.#options.installer.download(plan, decision.version, (percent) =>
        this.#set({ percent: Math.max(0, Math.min(100, Math.round(percent))) }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log('error', `update download failed: ${message}`, {});
      return this.#set({
        state: 'error',
        reason: 'feed-error',
        error: { code: 'download_failed', message },
      });
    }
    log('info', `update ${decision.version} downloaded; it installs on restart`, {});
    return this.#set({ state: 'ready', percent: 100 });
  }

  #set(patch: Partial<UpdateStatus>): UpdateStatus {
    const next: UpdateStatus = { ...this.#status, ...patch };
    for (const key of Object.keys(next) as (keyof UpdateStatus)[])
      if (next[key] === undefined) delete next[key];
    this.#status = next;
    for (const listener of this.#listeners) listener(next);
    return next;
  }
}
