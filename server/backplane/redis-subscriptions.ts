import type { Logger } from 'pino';
import type { TenantListener } from './backplane';
import type { ConnectionHealth, RedisBackplaneMetrics } from './redis-connection-health';
import type { RedisConnection } from './redis-connections';
import { TenantFeed, type FeedSource } from './redis-live-feed';

export interface RedisSubscriptionsOptions {
  subscriber: RedisConnection;
  health: ConnectionHealth;
  source: FeedSource;
  channelOf: (tenant: string) => string;
  logger: Logger;
  metrics: RedisBackplaneMetrics;
  feedRetryDelayMs?: number;
  /** Cluster mode: ioredis resubscribes the sharded subscribers itself when slots move. */
  sharded?: boolean;
}

/**
 * The subscriber side of the Redis backplane: one sharded subscription and one
 * live feed per tenant that has local listeners, however many listeners it has.
 * @internal
 */
export class RedisSubscriptions {
  private readonly feeds = new Map<string, TenantFeed>();
  private readonly channelTenants = new Map<string, string>();

  constructor(private readonly options: RedisSubscriptionsOptions) {
    options.subscriber.on('smessage', (channel: string, message: string) => {
      const tenant = this.channelTenants.get(channel);
      if (tenant) this.feeds.get(tenant)?.onMessage(message);
    });
    if (options.sharded) {
      // Slots moved (a migration or a failover): ioredis resubscribes each channel on the
      // shard that now owns it, but without waiting for the answer. Subscribing again here,
      // and awaiting it, makes sure the feed hears the new owner before its backfill reads
      // the stream, so an announcement published there meanwhile is in what it reads.
      options.subscriber.on('subscribersReady', () => {
        void this.resubscribeAll('sharded subscribers moved');
      });
    }
  }

  /** Backfills one tenant's feed, when this hub has one (after a rewind was detected). */
  catchUp(tenant: string, reason: string): void {
    this.feeds.get(tenant)?.catchUp(reason);
  }

  /** Adds a listener; the first one for a tenant subscribes its channel, then backfills. */
  async add(
    tenant: string,
    fromSeq: number,
    listener: TenantListener,
    epoch: string | undefined,
  ): Promise<() => Promise<void>> {
    let feed = this.feeds.get(tenant);
    const isNew = !feed;
    if (!feed) {
      feed = new TenantFeed(
        {
          tenant,
          source: this.options.source,
          logger: this.options.logger,
          onFeedError: () => this.options.metrics.onRedisError?.('feed'),
          retryDelayMs: this.options.feedRetryDelayMs,
        },
        fromSeq,
        epoch ?? null,
      );
      this.feeds.set(tenant, feed);
      this.channelTenants.set(this.options.channelOf(tenant), tenant);
    }
    const state = feed.addListener(listener, fromSeq, epoch);
    if (isNew) {
      await this.ssubscribe(tenant);
      feed.catchUp('subscribed');
    }
    const subscribed = feed;
    return async () => {
      subscribed.removeListener(state);
      if (subscribed.size > 0 || this.feeds.get(tenant) !== subscribed) return;
      subscribed.close();
      this.feeds.delete(tenant);
      const channel = this.options.channelOf(tenant);
      this.channelTenants.delete(channel);
      if (!this.options.health.isUp('subscriber')) return;
      await this.options.subscriber.sunsubscribe(channel).catch((error: unknown) => {
        this.options.logger.warn(
          { err: error, tenant },
          'sunsubscribe failed; the channel is dropped on the next reconnect',
        );
      });
    };
  }

  /**
   * On every 'ready' of the subscriber connection, and when a cluster's slots moved:
   * subscribe again, then backfill what was missed.
   */
  async resubscribeAll(reason = 'subscriber connection ready'): Promise<void> {
    await Promise.all(
      [...this.feeds].map(async ([tenant, feed]) => {
        await this.ssubscribe(tenant);
        feed.catchUp(reason);
      }),
    );
  }

  close(): void {
    for (const feed of this.feeds.values()) feed.close();
    this.feeds.clear();
    this.channelTenants.clear();
  }

  private async ssubscribe(tenant: string): Promise<void> {
    // While the connection is down, resubscribeAll runs once it is ready again.
    if (!this.options.health.isUp('subscriber')) return;
    try {
      await this.options.subscriber.ssubscribe(this.options.channelOf(tenant));
    } catch (error) {
      this.options.metrics.onRedisError?.('command');
      this.options.logger.warn(
        { err: error, tenant },
        'ssubscribe failed; retrying when the subscriber reconnects',
      );
    }
  }
}
