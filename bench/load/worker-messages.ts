/**
 * The IPC contract between the bench parent and its generator processes (`process.send`).
 * Everything is plain data so it survives structured cloning.
 */
import type { FrameCounts } from './client-frames';
import type { LatencyHistogram } from './latency-histogram';
import type { SeqCounts } from './seq-checker';

export interface GeneratorConfig {
  /** ws:// URLs; every client starts on the first and moves to the next after a failed attempt. */
  hubUrls: string[];
  token: string;
  /** Client i (global index `firstIndex + i`) subscribes to `tenants[index % tenants.length]`. */
  tenants: string[];
  clients: number;
  firstIndex: number;
  /** Connects in flight at once in this process (keeps under the hub's listen backlog). */
  connectConcurrency: number;
  connectTimeoutMs: number;
  /** 0: none; k: every k-th client stops reading after its snapshot (k = 20 is 5%). */
  stallEvery: number;
  /** The tenant stalled clients subscribe to instead of their own (large events, see scenario 6). */
  stallTenant: string | null;
  /** Reconnect with full-jitter backoff and resume after a close, or stay closed (null). */
  reconnect: { baseMs: number; capMs: number } | null;
  /** Offer `ops.v1.batch` before `ops.v1`. */
  batch: boolean;
  /** Poller mode: each client connects, takes the snapshot and closes, once per interval. */
  pollIntervalMs: number | null;
}

export type ParentMessage =
  | { type: 'start'; config: GeneratorConfig }
  /** Starts a new latency slice (the first one starts measuring). */
  | { type: 'slice' }
  | { type: 'stop-measuring' }
  /** A hub was killed at this CLOCK_MONOTONIC µs: clients time how long they take to be live again. */
  | { type: 'killed'; atUs: number }
  /** Wait until every healthy client reached these seqs per tenant, or the timeout. */
  | { type: 'drain'; heads: Record<string, number>; timeoutMs: number }
  /** Resume stalled clients, wait for their closes, report and exit. */
  | { type: 'finish'; closeWaitMs: number; heads: Record<string, number> };

export interface ConnectReport {
  connected: number;
  failed: number;
  failReasons: Record<string, number>;
  /** ms from opening the socket to the first snapshot, per connected client. */
  connectMs: number[];
}

export interface PollReport {
  polls: number;
  /** From the pollers' start to their stop. */
  seconds: number;
  failed: number;
  /** Age of the state each poll got: now − the newest producer stamp in its snapshot. */
  staleness: LatencyHistogram;
}

export interface GeneratorResult extends ConnectReport {
  slices: LatencyHistogram[];
  seq: SeqCounts;
  frames: FrameCounts;
  closeCodes: Record<string, number>;
  reconnects: number;
  /** ms from the kill to being live again, per client that was live before it. */
  recoveryMs: number[];
  liveAtEnd: number;
  stalled: number;
  stalledClosedWith4008: number;
  poll: PollReport | null;
}

export type WorkerMessage =
  | { type: 'connected'; report: ConnectReport }
  | { type: 'drained'; ms: number; complete: boolean }
  | { type: 'result'; result: GeneratorResult }
  | { type: 'failed'; message: string };
