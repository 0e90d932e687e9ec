import type { LatencySummary } from './latency-histogram';
import type { SeqCounts } from './seq-checker';

/** Everything one scenario measured; what the table prints and the JSON keeps. */
export interface ScenarioResult {
  id: number;
  name: string;
  target: string;
  backplane: 'redis' | 'memory';
  clients: number;
  connected: number;
  failed: number;
  failReasons: Record<string, number>;
  connectP50Ms: number | null;
  connectP99Ms: number | null;
  hubIdleRssMiB: number | null;
  rssPerConnectionKB: number | null;
  hubPeakRssMiB: number | null;
  offeredDeliveriesPerSec: number;
  deliveriesPerSec: number;
  latency: LatencySummary;
  /** p99 (ms) of each measured slice, in order: growth means queues are building. */
  sliceP99Ms: (number | null)[];
  seq: SeqCounts;
  frames: number;
  batchFrames: number;
  meanBatchSize: number | null;
  cpuCores: { hub: number; redis: number | null; generator: number };
  closeCodes: Record<string, number>;
  drain: { ms: number; complete: boolean } | null;
  publisher: {
    accepted: number;
    failedRequests: number;
    unsent: number;
    failReasons: Record<string, number>;
  } | null;
  recovery: {
    clients: number;
    p50Ms: number | null;
    p99Ms: number | null;
    maxMs: number | null;
    liveAtEnd: number;
    reconnectAttempts: number;
  } | null;
  stalled: { clients: number; closedWith4008: number; hubSlowConsumerCloses: number | null } | null;
  poll: { requestsPerSec: number; failed: number; staleness: LatencySummary } | null;
  measuredSeconds: number;
  error: string | null;
}

/** The machine a run was measured on. */
export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** `uptime` before the run: the box is shared, so the load matters to every figure. */
  loadBefore: string;
  loadAfter: string;
  fdLimit: number;
}
