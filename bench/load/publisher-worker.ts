/**
 * The producer process: every tick it POSTs each tenant's due events to the hub's ingest API,
 * each stamped with CLOCK_MONOTONIC. When the hub answers slower than the rate, due events are
 * folded into the next request (up to the ingest batch limit) rather than dropped, and at most
 * `maxInFlight` requests per tenant are open, so the offered rate holds as long as ingest does.
 */
import { ingestPath, MAX_INGEST_BATCH } from '../../protocol/http-api';
import { monotonicUs, stampedEvent } from './bench-event';

export interface PublisherConfig {
  hubUrl: string;
  token: string;
  tenants: string[];
  eventsPerSecondPerTenant: number;
  tickMs: number;
  maxInFlight: number;
  /** Filler bytes per event (see Scenario.padBytes). */
  padBytes: number;
  /** Tenants whose events carry this many filler bytes instead (scenario 6's stall tenant). */
  heavyTenants: Record<string, number>;
  /** Hard stop even if the parent never says stop. */
  maxDurationMs: number;
}

export interface PublisherReport {
  requests: number;
  failedRequests: number;
  failReasons: Record<string, number>;
  accepted: number;
  /** Events due but not yet sent when publishing stopped (the hub could not take them in time). */
  unsent: number;
  /** Last accepted seq per tenant: the heads clients must reach. */
  heads: Record<string, number>;
  seconds: number;
}

/** Parent → publisher; it answers `start` with `{type:'started'}` and `stop` with `{type:'report', report}`. */
export type PublisherMessage = { type: 'start'; config: PublisherConfig } | { type: 'stop' };

const REQUEST_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 10_000;

interface TenantState {
  due: number;
  inFlight: number;
}

function publish(config: PublisherConfig) {
  const report: PublisherReport = {
    requests: 0,
    failedRequests: 0,
    failReasons: {},
    accepted: 0,
    unsent: 0,
    heads: {},
    seconds: 0,
  };
  const heads = new Map<string, number>();
  const reasons = new Map<string, number>();
  const states = new Map<string, TenantState>(
    [...config.tenants, ...Object.keys(config.heavyTenants)].map((t) => [
      t,
      { due: 0, inFlight: 0 },
    ]),
  );
  const started = performance.now();
  const pending = new Set<Promise<void>>();
  let carry = 0;
  // Stop aborts what is still in flight after a grace period, so stopping is bounded even when
  // the hub takes longer than that to answer (those requests count as failed, reason "aborted").
  const abort = new AbortController();

  async function post(tenant: string, count: number): Promise<void> {
    const stamp = monotonicUs();
    const events = Array.from({ length: count }, () =>
      stampedEvent(stamp, 'bench', config.heavyTenants[tenant] ?? config.padBytes),
    );
    report.requests += 1;
    try {
      const response = await fetch(config.hubUrl + ingestPath(tenant), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config.token}` },
        body: JSON.stringify({ events }),
        signal: AbortSignal.any([abort.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      const body = (await response.json()) as { accepted?: number; lastSeq?: number | null };
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      report.accepted += body.accepted ?? 0;
      if (typeof body.lastSeq === 'number')
        heads.set(tenant, Math.max(heads.get(tenant) ?? 0, body.lastSeq));
    } catch (error) {
      report.failedRequests += 1;
      const reason =
        (error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError'
          ? 'aborted (no answer in time)'
          : (error as Error).message;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }

  const timer = setInterval(() => {
    // Due events from elapsed time, so a late timer does not lower the offered rate.
    const elapsed = performance.now() - started;
    const target = (elapsed / 1000) * config.eventsPerSecondPerTenant;
    const perTenant = Math.floor(target - carry);
    carry += perTenant;
    for (const [tenant, state] of states) {
      state.due += perTenant;
      while (state.due > 0 && state.inFlight < config.maxInFlight) {
        const count = Math.min(state.due, MAX_INGEST_BATCH);
        state.due -= count;
        state.inFlight += 1;
        const request = post(tenant, count).finally(() => {
          state.inFlight -= 1;
          pending.delete(request);
        });
        pending.add(request);
      }
    }
    if (elapsed > config.maxDurationMs) void stop();
  }, config.tickMs);

  let stopped: Promise<PublisherReport> | null = null;
  function stop(): Promise<PublisherReport> {
    stopped ??= (async () => {
      clearInterval(timer);
      report.seconds = (performance.now() - started) / 1000;
      const grace = setTimeout(() => abort.abort(), STOP_GRACE_MS);
      await Promise.all(pending);
      clearTimeout(grace);
      for (const state of states.values()) report.unsent += state.due;
      report.heads = Object.fromEntries(heads);
      report.failReasons = Object.fromEntries(reasons);
      return report;
    })();
    return stopped;
  }
  return { stop };
}

let running: ReturnType<typeof publish> | null = null;
process.on('message', (message: PublisherMessage) => {
  if (message.type === 'start') {
    running = publish(message.config);
    process.send?.({ type: 'started' });
  }
  if (message.type === 'stop' && running)
    void running
      .stop()
      .then((report) => process.send?.({ type: 'report', report }, () => process.exit(0)));
});
process.on('disconnect', () => process.exit(0));
