import { boardOptionsOf, type TenantDirectoryEntry } from '../../protocol/tenant-directory';
import type { TenantDirectory } from '../directory/tenant-directory';
import { TenantChannel, type ChannelDeps, type JoinResult } from './tenant-channel';
import type { Subscription } from './subscription';
import { WarmTenants } from './warm-tenants';
import { ThrottledWarning } from '../logging/throttled-warning';

/** How long a tenant's channel stays open after the last event this hub accepted for it. */
export const WARM_IDLE_MS = 10 * 60_000;

/**
 * The tenants this instance holds, one channel each. A subscription can only be added
 * to the channel of its own tenant, after its owner's token was checked; a channel
 * only ever sends to its own members. That is tenant isolation by structure.
 *
 * A channel with no members lingers for `lingerMs` (a reconnecting client finds its
 * board warm) and is then closed, ending its backplane subscription. A tenant this hub
 * accepted events for is kept open regardless (`keepWarm`), so its board and checkpoint
 * fold every event even when nobody watches.
 */
export class TenantRegistry {
  private readonly channels = new Map<string, Promise<TenantChannel>>();
  private readonly lingering = new Map<string, NodeJS.Timeout>();
  /** Channels closing after their linger, until their final checkpoint is written. */
  private readonly closing = new Map<string, Promise<void>>();
  /** Joins in flight per tenant; a lingering channel is not closed under them. */
  private readonly joining = new Map<string, number>();
  private readonly warm: WarmTenants;
  private readonly warmFailures: ThrottledWarning;
  private readonly stopWatching: () => void;

  /**
   * @param directory where boards get their names, time zone and currency; a change
   *   to an entry reaches the open channel's members as a fresh snapshot. Null: every
   *   board starts in UTC with no currency and carries no entry.
   */
  constructor(
    private readonly deps: Omit<ChannelDeps, 'profile'>,
    private readonly directory: TenantDirectory | null,
    private readonly lingerMs = 10_000,
    warmIdleMs = WARM_IDLE_MS,
  ) {
    this.warm = new WarmTenants(warmIdleMs, deps.now, (tenant) => this.cooled(tenant));
    this.warmFailures = new ThrottledWarning(deps.logger, 'keeping an ingested tenant warm failed');
    this.stopWatching = directory?.watch((tenant) => void this.directoryChanged(tenant)) ?? noop;
  }

  /** Hands an open channel its tenant's new directory entry. Never rejects. */
  private async directoryChanged(tenant: string): Promise<void> {
    const pending = this.channels.get(tenant);
    if (!pending) return;
    const entry = await this.entryOf(tenant);
    if (entry === undefined) return;
    const channel = await pending.catch(() => null);
    channel?.useDirectory(entry);
  }

  /** The tenant's directory entry; undefined (and a log line) when the directory cannot be read. */
  private async entryOf(tenant: string): Promise<TenantDirectoryEntry | null | undefined> {
    if (!this.directory) return null;
    try {
      return await this.directory.get(tenant);
    } catch (error) {
      this.deps.logger.error(
        { err: error, tenant },
        'tenant directory cannot be read; the board keeps its last names and time zone',
      );
      return undefined;
    }
  }

  /**
   * Called before this hub appends events for `tenant`: opens its channel if needed and keeps
   * it open while events keep arriving, so the board and its checkpoint fold every event even
   * when nobody watches. Resolves once the channel is open, so it is subscribed before the
   * append and no event can be trimmed before the channel sees it. Never rejects; a channel
   * that cannot be opened is logged and retried at the next ingest.
   */
  async keepWarm(tenant: string): Promise<void> {
    if (this.warm.touch(tenant)) this.cancelLinger(tenant);
    try {
      await this.acquire(tenant);
    } catch (error) {
      this.warm.forget(tenant);
      // Once per ingest while the backplane is down would flood the log; the ingest answers 503 anyway.
      this.warmFailures.warn({ err: error, tenant });
    }
  }

  /**
   * The channel holding `tenant`'s board, for an operator action about to append an event:
   * kept warm as for ingest (so the board folds that event whoever watches) and opened
   * when needed.
   * @throws BackplaneUnavailableError when the channel cannot be opened.
   */
  async channelForAction(tenant: string): Promise<TenantChannel> {
    await this.keepWarm(tenant);
    return this.acquire(tenant);
  }

  private cooled(tenant: string): void {
    const pending = this.channels.get(tenant);
    if (!pending) return;
    void pending.then(
      (channel) => {
        if (channel.size === 0) this.scheduleLinger(tenant, channel);
      },
      () => undefined, // opening failed; the next ingest or join retries.
    );
  }

  /**
   * Joins `sub` to its tenant's channel, opening the channel when needed.
   * @throws BackplaneUnavailableError when the channel cannot be opened; the next join retries.
   */
  async join(
    sub: Subscription,
    resumeFrom: number | undefined,
    epoch: string | undefined,
  ): Promise<JoinResult> {
    if (!sub.authorized())
      throw new Error(`subscription to ${sub.tenant} is not authorized by its connection's token`);
    const tenant = sub.tenant;
    this.joining.set(tenant, (this.joining.get(tenant) ?? 0) + 1);
    try {
      const channel = await this.acquire(tenant);
      this.cancelLinger(tenant);
      const result = await channel.join(sub, resumeFrom, epoch);
      if (sub.closed) this.leave(sub);
      return result;
    } finally {
      const left = (this.joining.get(tenant) ?? 1) - 1;
      if (left > 0) this.joining.set(tenant, left);
      else this.joining.delete(tenant);
    }
  }

  leave(sub: Subscription): void {
    sub.close();
    const pending = this.channels.get(sub.tenant);
    if (!pending) return;
    void pending.then(
      (channel) => {
        channel.leave(sub);
        if (channel.size === 0) this.scheduleLinger(sub.tenant, channel);
      },
      () => undefined, // opening failed; acquire() already forgot the channel and the joiner got the error.
    );
  }

  /** Tenants with an open channel (for metrics and tests). */
  tenants(): string[] {
    return [...this.channels.keys()];
  }

  async closeAll(): Promise<void> {
    this.stopWatching();
    this.warm.clear();
    for (const timer of this.lingering.values()) clearTimeout(timer);
    this.lingering.clear();
    const all = [...this.channels.values()];
    this.channels.clear();
    await Promise.allSettled(all.map(async (pending) => (await pending).close()));
  }

  private acquire(tenant: string): Promise<TenantChannel> {
    let pending = this.channels.get(tenant);
    if (!pending) {
      // A channel still closing writes its final checkpoint first; the new one starts from it.
      const closing = this.closing.get(tenant) ?? Promise.resolve();
      pending = closing.then(async () => {
        const entry = (await this.entryOf(tenant)) ?? null;
        const channel = await TenantChannel.open(tenant, {
          ...this.deps,
          profile: boardOptionsOf(entry),
        });
        // Also over a checkpointed board, which may carry an older entry.
        channel.useDirectory(entry);
        return channel;
      });
      this.channels.set(tenant, pending);
      pending.catch(() => {
        // Forget the failed open so the next subscribe tries again; the joiner reports the error.
        if (this.channels.get(tenant) === pending) this.channels.delete(tenant);
      });
    }
    return pending;
  }

  private scheduleLinger(tenant: string, channel: TenantChannel): void {
    if (this.lingering.has(tenant)) return;
    const timer = setTimeout(() => {
      this.lingering.delete(tenant);
      if (channel.size > 0 || this.joining.has(tenant) || this.warm.isWarm(tenant)) return;
      this.channels.delete(tenant);
      const closed = channel
        .close()
        .catch((error: unknown) =>
          this.deps.logger.warn({ err: error, tenant }, 'closing an idle channel failed'),
        )
        .finally(() => {
          if (this.closing.get(tenant) === closed) this.closing.delete(tenant);
        });
      this.closing.set(tenant, closed);
    }, this.lingerMs);
    timer.unref();
    this.lingering.set(tenant, timer);
  }

  private cancelLinger(tenant: string): void {
    const timer = this.lingering.get(tenant);
    if (!timer) return;
    clearTimeout(timer);
    this.lingering.delete(tenant);
  }
}

function noop(): void {}
