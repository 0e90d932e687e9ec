import { randomBytes } from 'node:crypto';
import type { EventInput } from '../../protocol/events';
import { MAX_INGEST_BATCH } from '../../protocol/http-api';
import { backoffDelay, type BackoffOptions } from '../../protocol/link/backoff';
import {
  systemClock,
  type Clock,
  type RandomSource,
  type TimerHandle,
} from '../../protocol/link/clock';

/** What one POST of a batch came to. `retryAfterMs` from a Retry-After header. */
export type PostOutcome =
  { ok: true } | { ok: false; status?: number; message: string; retryAfterMs?: number };

export interface DemoProducerLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface DemoProducerOptions {
  /** Sends one batch to one tenant's ingest endpoint. Must not throw for HTTP answers; network errors may throw. */
  post(tenant: string, events: EventInput[]): Promise<PostOutcome>;
  log: DemoProducerLog;
  clock?: Clock;
  random?: RandomSource;
  /** Retry delays, full jitter. Default base 250 ms, cap 5 000 ms. */
  backoff?: BackoffOptions;
  /** Events kept per tenant while the hub is away; beyond it the oldest are dropped, with an error log. Default 20 000. */
  maxQueuedPerTenant?: number;
  /** Events per POST, at most MAX_INGEST_BATCH. Default 200. */
  batchSize?: number;
  /** Prefix of the ids given to events that have none; random per producer by default. */
  idPrefix?: string;
}

/** Counts since start, for logs and tests. */
export interface DemoProducerStats {
  queued: number;
  sent: number;
  retries: number;
  /** Events given up on: dropped from a full queue, or refused by the hub as invalid. */
  dropped: number;
}

const DEFAULT_RETRY_BACKOFF: BackoffOptions = { baseMs: 250, capMs: 5_000 };

/**
 * Whether the same batch may be sent again: network errors (no status), 408,
 * 429 and 5xx. Safe because every event carries its id, and the hub drops an id
 * it has already accepted (dedup), so a batch whose answer was lost is not doubled.
 */
export function isRetryable(outcome: PostOutcome): boolean {
  if (outcome.ok) return false;
  const status = outcome.status;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

/**
 * Delivers the demo's events to the hub in order, per tenant, without losing
 * any while the hub is paused, restarting or overloaded: each tenant has a
 * bounded FIFO queue and one batch in flight; a failed batch is retried with
 * backoff and the SAME event ids. Nothing is dropped silently: a full queue
 * drops its oldest events and logs how many; a batch the hub refuses as
 * invalid (4xx other than 408/429) is logged with the hub's answer and dropped.
 */
export class DemoProducer {
  private readonly queues = new Map<string, EventInput[]>();
  private readonly busy = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private readonly timers = new Map<string, TimerHandle>();
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly idPrefix: string;
  private nextId = 0;
  private stopped = false;
  private readonly counts: DemoProducerStats = { queued: 0, sent: 0, retries: 0, dropped: 0 };

  constructor(private readonly options: DemoProducerOptions) {
    this.clock = options.clock ?? systemClock();
    this.random = options.random ?? Math.random;
    this.idPrefix = options.idPrefix ?? `demo-${randomBytes(6).toString('base64url')}`;
    const batch = options.batchSize ?? 200;
    if (!Number.isInteger(batch) || batch < 1 || batch > MAX_INGEST_BATCH)
      throw new RangeError(
        `batchSize must be an integer from 1 to ${MAX_INGEST_BATCH}, got ${batch}`,
      );
    if ((options.maxQueuedPerTenant ?? 20_000) < batch)
      throw new RangeError('maxQueuedPerTenant must be at least batchSize');
  }

  /** Queues events for `tenant`, giving an id to each that has none, and starts sending. */
  enqueue(tenant: string, events: readonly EventInput[]): void {
    if (this.stopped || events.length === 0) return;
    const queue = this.queues.get(tenant) ?? [];
    this.queues.set(tenant, queue);
    for (const event of events)
      queue.push(event.id ? event : { ...event, id: `${this.idPrefix}-${++this.nextId}` });
    this.counts.queued += events.length;
    const max = this.options.maxQueuedPerTenant ?? 20_000;
    // The head batch may be in flight: never drop it, or a retry would resend what is gone.
    const keep = this.busy.has(tenant) ? Math.min(queue.length, this.batchSize()) : 0;
    const excess = queue.length - max;
    if (excess > 0) {
      queue.splice(keep, excess);
      this.counts.dropped += excess;
      this.options.log.error(
        { tenant, dropped: excess, queued: queue.length, maxQueuedPerTenant: max },
        'demo queue full while the hub is unreachable; dropped the oldest unsent events',
      );
    }
    this.pump(tenant);
  }

  /** Events waiting (including a batch in flight) for `tenant`, or for all tenants. */
  pending(tenant?: string): number {
    if (tenant !== undefined) return this.queues.get(tenant)?.length ?? 0;
    let total = 0;
    for (const queue of this.queues.values()) total += queue.length;
    return total;
  }

  stats(): DemoProducerStats {
    return { ...this.counts };
  }

  /** Stops sending and cancels retries; what is still queued is logged, not lost silently. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
    const unsent = this.pending();
    if (unsent > 0) this.options.log.warn({ unsent }, 'demo stopped with events not yet accepted');
  }

  private batchSize(): number {
    return this.options.batchSize ?? 200;
  }

  private pump(tenant: string): void {
    if (this.stopped || this.busy.has(tenant) || this.timers.has(tenant)) return;
    const queue = this.queues.get(tenant);
    if (!queue || queue.length === 0) return;
    const batch = queue.slice(0, this.batchSize());
    this.busy.add(tenant);
    this.options
      .post(tenant, batch)
      .catch((error: unknown): PostOutcome => ({
        ok: false,
        message:
          error instanceof Error
            ? error.cause instanceof Error
              ? `${error.message}: ${error.cause.message}`
              : error.message
            : String(error),
      }))
      .then((outcome) => this.settle(tenant, batch.length, outcome));
  }

  private settle(tenant: string, size: number, outcome: PostOutcome): void {
    this.busy.delete(tenant);
    const queue = this.queues.get(tenant) ?? [];
    const attempt = this.attempts.get(tenant) ?? 0;
    if (outcome.ok) {
      queue.splice(0, size);
      this.counts.sent += size;
      if (attempt > 0)
        this.options.log.info(
          { tenant, attempts: attempt + 1 },
          'demo reached the hub again; resending what was queued',
        );
      this.attempts.delete(tenant);
      this.pump(tenant);
      return;
    }
    if (!isRetryable(outcome)) {
      queue.splice(0, size);
      this.counts.dropped += size;
      this.attempts.delete(tenant);
      this.options.log.error(
        { tenant, status: outcome.status, dropped: size, reason: outcome.message.slice(0, 300) },
        'the hub refused a demo batch as invalid; dropped it',
      );
      this.pump(tenant);
      return;
    }
    if (this.stopped) return;
    const next = attempt + 1;
    this.attempts.set(tenant, next);
    this.counts.retries += 1;
    const delay = Math.max(
      outcome.retryAfterMs ?? 0,
      backoffDelay(next, this.random, this.options.backoff ?? DEFAULT_RETRY_BACKOFF),
    );
    // One warning per outage, then quiet until it ends; the info line above closes it.
    if (next === 1)
      this.options.log.warn(
        { tenant, status: outcome.status, reason: outcome.message, queued: queue.length },
        'demo could not deliver to the hub; retrying the same events with backoff',
      );
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(tenant);
      this.pump(tenant);
    }, delay);
    this.timers.set(tenant, handle);
  }
}
