import {
  emptyHistogram,
  mergeInto,
  percentileOf,
  summarize,
  type LatencyHistogram,
} from './latency-histogram';
import type { PublisherReport } from './publisher-worker';
import type { Scenario } from './scenarios';
import type { ScenarioResult } from './scenario-result';
import { addSeqCounts, emptySeqCounts } from './seq-checker';
import type { ConnectReport, GeneratorResult } from './worker-messages';
import { emptyFrameCounts } from './client-frames';

/**
 * Folding a scenario's per-process reports (generators, poller, publisher, CPU and RSS
 * samples) into the one ScenarioResult the table prints and the JSON keeps. Pure: no
 * process is started or read here, so report.test.ts checks it on made-up reports.
 */

const MiB = 1024 * 1024;

/** What one run measured, per process, before folding. */
export interface Measured {
  scenario: Scenario;
  rate: number;
  wsConnects: ConnectReport[];
  connected: number;
  idleRss: number | null;
  connectedRss: number | null;
  peakRss: number;
  results: GeneratorResult[];
  cpu: ScenarioResult['cpuCores'];
  measuredSeconds: number;
  drain: ScenarioResult['drain'];
  report: PublisherReport | null;
  slowCloses: number | null;
}

/** @internal Folds the per-process reports into one scenario result. */
export function assemble(m: Measured): ScenarioResult {
  const { scenario } = m;
  const failReasons = new Map<string, number>();
  for (const r of m.wsConnects)
    for (const [reason, n] of Object.entries(r.failReasons))
      failReasons.set(reason, (failReasons.get(reason) ?? 0) + n);
  const connectMs = m.wsConnects.flatMap((r) => r.connectMs);
  const ws = m.results.filter((r) => r.poll === null);
  const all = emptyHistogram();
  const slices: LatencyHistogram[] = [];
  const seq = emptySeqCounts();
  const frames = emptyFrameCounts();
  const closeCodes = new Map<string, number>();
  for (const r of ws) {
    r.slices.forEach((slice, i) => {
      slices[i] ??= emptyHistogram();
      mergeInto(slices[i]!, slice);
      mergeInto(all, slice);
    });
    addSeqCounts(seq, r.seq);
    frames.frames += r.frames.frames;
    frames.batchFrames += r.frames.batchFrames;
    frames.batchedEvents += r.frames.batchedEvents;
    for (const [code, n] of Object.entries(r.closeCodes))
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + n);
  }
  const recoveryMs = ws.flatMap((r) => r.recoveryMs);
  const pollReport = m.results.find((r) => r.poll !== null)?.poll ?? null;
  const stalled = ws.reduce((sum, r) => sum + r.stalled, 0);
  return {
    id: scenario.id,
    name: scenario.name,
    target: scenario.target,
    backplane: scenario.backplane,
    clients: scenario.clients,
    connected: m.connected,
    failed: scenario.clients - m.connected,
    failReasons: Object.fromEntries(failReasons),
    connectP50Ms: percentileOf(connectMs, 50),
    connectP99Ms: percentileOf(connectMs, 99),
    hubIdleRssMiB: m.idleRss === null ? null : m.idleRss / MiB,
    rssPerConnectionKB:
      m.idleRss === null || m.connectedRss === null || m.connected === 0
        ? null
        : (m.connectedRss - m.idleRss) / m.connected / 1024,
    hubPeakRssMiB: m.peakRss / MiB,
    offeredDeliveriesPerSec: m.rate * (scenario.clients - stalled),
    deliveriesPerSec: all.count / m.measuredSeconds,
    latency: summarize(all),
    sliceP99Ms: slices.map((slice) => summarize(slice).p99Ms),
    seq,
    frames: frames.frames,
    batchFrames: frames.batchFrames,
    meanBatchSize: frames.batchFrames === 0 ? null : frames.batchedEvents / frames.batchFrames,
    cpuCores: m.cpu,
    closeCodes: Object.fromEntries(closeCodes),
    drain: m.drain,
    publisher: m.report && {
      accepted: m.report.accepted,
      failedRequests: m.report.failedRequests,
      unsent: m.report.unsent,
      failReasons: m.report.failReasons,
    },
    recovery:
      scenario.killHubAtMs === null
        ? null
        : {
            clients: recoveryMs.length,
            p50Ms: percentileOf(recoveryMs, 50),
            p99Ms: percentileOf(recoveryMs, 99),
            maxMs: recoveryMs.length ? Math.max(...recoveryMs) : null,
            liveAtEnd: ws.reduce((sum, r) => sum + r.liveAtEnd, 0),
            reconnectAttempts: ws.reduce((sum, r) => sum + r.reconnects, 0),
          },
    stalled:
      scenario.stallEvery === 0
        ? null
        : {
            clients: stalled,
            closedWith4008: ws.reduce((sum, r) => sum + r.stalledClosedWith4008, 0),
            hubSlowConsumerCloses: m.slowCloses,
          },
    poll: pollReport && {
      requestsPerSec: pollReport.seconds > 0 ? pollReport.polls / pollReport.seconds : 0,
      failed: pollReport.failed,
      staleness: summarize(pollReport.staleness),
    },
    measuredSeconds: m.measuredSeconds,
    error: null,
  };
}
