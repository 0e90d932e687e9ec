/**
 * A load-generator process (forked by the bench parent): opens its share of clients, records
 * latency while told to measure, and reports once at the end. Load lives here, not in the
 * parent, so the parent's bookkeeping does not compete with the clients' event loop.
 */
import { BenchClient } from './bench-client';
import { addSeqCounts, emptySeqCounts } from './seq-checker';
import { LatencySink } from './latency-sink';
import { emptyFrameCounts, type FrameCounts } from './client-frames';
import { runPollers } from './poller';
import type {
  ConnectReport,
  GeneratorConfig,
  GeneratorResult,
  ParentMessage,
  WorkerMessage,
} from './worker-messages';

const send = (message: WorkerMessage) => process.send?.(message);
const latency = new LatencySink();
const clients: BenchClient[] = [];
const closeCodes = new Map<number, number>();
const recoveryMs: number[] = [];
let config: GeneratorConfig | null = null;
let poller: ReturnType<typeof runPollers> | null = null;

async function connectAll(cfg: GeneratorConfig): Promise<ConnectReport> {
  const report: ConnectReport = { connected: 0, failed: 0, failReasons: {}, connectMs: [] };
  const reasons = new Map<string, number>();
  for (let i = 0; i < cfg.clients; i += 1) {
    const index = cfg.firstIndex + i;
    const stalls = cfg.stallEvery > 0 && index % cfg.stallEvery === cfg.stallEvery - 1;
    const client = new BenchClient(
      stalls && cfg.stallTenant ? cfg.stallTenant : cfg.tenants[index % cfg.tenants.length]!,
      stalls,
      cfg,
      latency,
      {
        onClose: (code) => closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1),
        onRecovered: (ms) => recoveryMs.push(ms),
      },
    );
    clients.push(client);
  }
  let next = 0;
  async function lane(): Promise<void> {
    while (next < clients.length) {
      const client = clients[next++]!;
      try {
        report.connectMs.push(await client.connect());
        report.connected += 1;
      } catch (error) {
        report.failed += 1;
        const reason = (error as Error).message;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
  }
  await Promise.all(Array.from({ length: cfg.connectConcurrency }, lane));
  report.failReasons = Object.fromEntries(reasons);
  return report;
}

function reached(heads: Record<string, number>): boolean {
  return clients.every((client) => {
    if (client.stalls) return true;
    // A client that reconnects is only done once it is live again and caught up.
    if (client.state !== 'live') return config?.reconnect === null;
    const head = heads[client.tenant];
    const position = client.streams.checker(client.tenant).position();
    return head === undefined || (position !== null && position.seq >= head);
  });
}

async function drain(heads: Record<string, number>, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!reached(heads) && performance.now() - started < timeoutMs)
    await new Promise((resolve) => setTimeout(resolve, 50));
  send({ type: 'drained', ms: performance.now() - started, complete: reached(heads) });
}

async function finish(closeWaitMs: number, heads: Record<string, number>): Promise<void> {
  const stalled = clients.filter((client) => client.stalls);
  for (const client of clients) client.finish();
  const started = performance.now();
  while (
    stalled.some((client) => client.state !== 'closed') &&
    performance.now() - started < closeWaitMs
  )
    await new Promise((resolve) => setTimeout(resolve, 100));
  const seq = emptySeqCounts();
  const frames: FrameCounts = emptyFrameCounts();
  for (const client of clients) {
    if (client.stalls) continue;
    for (const [tenant, checker] of client.streams.checkers)
      addSeqCounts(seq, checker.closeAt(heads[tenant] ?? null));
    for (const key of Object.keys(frames) as (keyof FrameCounts)[])
      frames[key] += client.streams.counts[key];
  }
  const result: GeneratorResult = {
    connected: 0,
    failed: 0,
    failReasons: {},
    connectMs: [],
    slices: latency.slices,
    seq,
    frames,
    closeCodes: Object.fromEntries(closeCodes),
    reconnects: clients.reduce((sum, client) => sum + client.reconnects, 0),
    recoveryMs,
    liveAtEnd: clients.filter((client) => client.state === 'live' && !client.stalls).length,
    stalled: stalled.length,
    stalledClosedWith4008: stalled.filter((client) => client.lastCloseCode === 4008).length,
    poll: poller ? await poller.stop() : null,
  };
  process.send?.({ type: 'result', result } satisfies WorkerMessage, () => {
    for (const client of clients) client.terminate();
    process.exit(0);
  });
}

process.on('message', (message: ParentMessage) => {
  const run = async () => {
    switch (message.type) {
      case 'start':
        config = message.config;
        if (config.pollIntervalMs !== null) {
          poller = runPollers(config, config.pollIntervalMs);
          send({ type: 'connected', report: await poller.ready });
        } else {
          send({ type: 'connected', report: await connectAll(config) });
        }
        return;
      case 'slice':
        return latency.startSlice();
      case 'stop-measuring':
        return latency.stop();
      case 'killed':
        for (const client of clients) client.markKilled(message.atUs);
        return;
      case 'drain':
        return drain(message.heads, message.timeoutMs);
      case 'finish':
        return finish(message.closeWaitMs, message.heads);
    }
  };
  run().catch((error: unknown) => {
    send({
      type: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    process.exit(1);
  });
});
process.on('disconnect', () => {
  // The parent is gone (it crashed or was killed): never outlive it.
  for (const client of clients) client.terminate();
  process.exit(0);
});
