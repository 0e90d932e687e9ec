/**
 * Scenario 7's polling dashboards: each one fetches the tenant's whole state once per interval
 * and throws the connection away. The hub has no HTTP state endpoint, so a poll is the cheapest
 * full-state read it offers: connect, subscribe, take the snapshot, close. Staleness is the age
 * of the newest producer stamp the snapshot's board holds when the poll gets it.
 */
import WebSocket from 'ws';
import { STAMP_METRIC } from './bench-event';
import { emptyHistogram, record } from './latency-histogram';
import { latencyNow } from './latency-sink';
import type { ConnectReport, GeneratorConfig, PollReport } from './worker-messages';

interface SnapshotFrame {
  type: string;
  state?: { metrics?: Record<string, { value?: unknown }> };
}

function pollOnce(config: GeneratorConfig, tenant: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(config.hubUrls[0]!, ['ops.v1'], {
      headers: { Authorization: `Bearer ${config.token}` },
      handshakeTimeout: config.connectTimeoutMs,
      perMessageDeflate: false,
    });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('no snapshot in time'));
    }, config.connectTimeoutMs);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', tenant })));
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as SnapshotFrame;
      if (frame.type !== 'snapshot') return;
      clearTimeout(timer);
      const value = frame.state?.metrics?.[STAMP_METRIC]?.value;
      ws.close(1000);
      resolve(typeof value === 'number' ? latencyNow() - value : null);
    });
    ws.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Starts `config.clients` pollers with random phases; `stop` ends them and reports. */
export function runPollers(
  config: GeneratorConfig,
  intervalMs: number,
): { ready: Promise<ConnectReport>; stop(): Promise<PollReport> } {
  const report: PollReport = { polls: 0, seconds: 0, failed: 0, staleness: emptyHistogram() };
  const started = performance.now();
  const connect: ConnectReport = { connected: 0, failed: 0, failReasons: {}, connectMs: [] };
  let stopping = false;
  const loops: Promise<void>[] = [];
  const firsts: Promise<void>[] = [];
  for (let i = 0; i < config.clients; i += 1) {
    const tenant = config.tenants[(config.firstIndex + i) % config.tenants.length]!;
    let first!: () => void;
    firsts.push(new Promise<void>((resolve) => (first = resolve)));
    loops.push(
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * intervalMs));
        let isFirst = true;
        while (!stopping) {
          const started = performance.now();
          try {
            const staleUs = await pollOnce(config, tenant);
            report.polls += 1;
            if (staleUs !== null) record(report.staleness, staleUs);
            if (isFirst) {
              connect.connected += 1;
              connect.connectMs.push(performance.now() - started);
            }
          } catch (error) {
            report.failed += 1;
            if (isFirst) {
              connect.failed += 1;
              const reason = (error as Error).message;
              connect.failReasons[reason] = (connect.failReasons[reason] ?? 0) + 1;
            }
          }
          if (isFirst) first();
          isFirst = false;
          const wait = intervalMs - (performance.now() - started);
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
      })(),
    );
  }
  return {
    ready: Promise.all(firsts).then(() => connect),
    async stop() {
      stopping = true;
      report.seconds = (performance.now() - started) / 1000;
      await Promise.all(loops);
      return report;
    },
  };
}
