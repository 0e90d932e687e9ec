/**
 * One load-generator client: a real `ws` connection that subscribes to one tenant, checks
 * seq continuity, and (when told) reconnects with full jitter and resumes from its last seq
 * and epoch, as a link client does. Used only inside a generator process.
 */
import WebSocket from 'ws';
import { backoffDelay } from '../../protocol/link/backoff';
import { ClientStreams } from './client-frames';
import { latencyNow, type LatencySink } from './latency-sink';
import type { GeneratorConfig } from './worker-messages';

export const BATCH_SUBPROTOCOL = 'ops.v1.batch';
export const V1_SUBPROTOCOL = 'ops.v1';

export type ClientState = 'idle' | 'connecting' | 'live' | 'closed';

export interface ClientEvents {
  onClose(code: number): void;
  onRecovered(msSinceKill: number): void;
}

export class BenchClient {
  readonly streams: ClientStreams;
  state: ClientState = 'idle';
  reconnects = 0;
  lastCloseCode: number | null = null;
  private ws: WebSocket | null = null;
  private urlIndex = 0;
  private attempt = 0;
  private finishing = false;
  private wasLiveAtKill = false;
  private killedAtUs: number | null = null;

  constructor(
    readonly tenant: string,
    readonly stalls: boolean,
    private readonly config: GeneratorConfig,
    latency: LatencySink,
    private readonly events: ClientEvents,
  ) {
    this.streams = new ClientStreams(latency);
  }

  /** Opens the socket and subscribes; resolves with ms to the snapshot, rejects with a reason. */
  connect(): Promise<number> {
    const started = performance.now();
    return new Promise<number>((resolve, reject) => {
      this.open(
        () => resolve(performance.now() - started),
        (reason) => reject(new Error(reason)),
      );
    });
  }

  /** A hub was killed now: if this client is live, it times its way back. */
  markKilled(atUs: number): void {
    this.killedAtUs = atUs;
    this.wasLiveAtKill = this.state === 'live';
  }

  /** Stops reconnecting; stalled sockets resume reading so their close frame can arrive. */
  finish(): void {
    this.finishing = true;
    if (this.stalls) this.ws?.resume();
  }

  /** Closes without a handshake (end of run). */
  terminate(): void {
    this.finishing = true;
    this.ws?.terminate();
  }

  private open(onLive: () => void, onFail: (reason: string) => void): void {
    this.state = 'connecting';
    const url = this.config.hubUrls[this.urlIndex % this.config.hubUrls.length]!;
    const protocols = this.config.batch ? [BATCH_SUBPROTOCOL, V1_SUBPROTOCOL] : [V1_SUBPROTOCOL];
    const ws = new WebSocket(url, protocols, {
      headers: { Authorization: `Bearer ${this.config.token}` },
      handshakeTimeout: this.config.connectTimeoutMs,
      perMessageDeflate: false,
    });
    this.ws = ws;
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      onFail(reason);
    };
    const timer = setTimeout(() => {
      fail(`no snapshot within ${this.config.connectTimeoutMs} ms`);
      ws.terminate();
    }, this.config.connectTimeoutMs);
    ws.on('open', () => {
      const position = this.streams.checker(this.tenant).position();
      ws.send(
        JSON.stringify({
          type: 'subscribe',
          tenant: this.tenant,
          ...(position ? { resumeFrom: position.seq, epoch: position.epoch } : {}),
        }),
      );
    });
    ws.on('message', (data: Buffer) => {
      const outcome = this.streams.handle(data.toString());
      if (outcome === 'error' && !settled) fail(`error frame ${this.streams.lastError}`);
      if ((outcome !== 'snapshot' && outcome !== 'resumed') || this.state === 'live') return;
      this.state = 'live';
      this.attempt = 0;
      clearTimeout(timer);
      if (this.killedAtUs !== null && this.wasLiveAtKill)
        this.events.onRecovered((latencyNow() - this.killedAtUs) / 1000);
      if (this.stalls) ws.pause();
      if (!settled) {
        settled = true;
        onLive();
      }
    });
    ws.on('error', (error) => fail(error.message.replace(/\d{4,}/g, 'N')));
    ws.on('close', (code) => {
      clearTimeout(timer);
      if (this.ws !== ws) return;
      this.lastCloseCode = code;
      this.state = 'closed';
      fail(`closed ${code} before the snapshot`);
      this.events.onClose(code);
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    const backoff = this.config.reconnect;
    if (!backoff || this.finishing) return;
    this.attempt += 1;
    this.urlIndex += 1;
    this.reconnects += 1;
    const delay = backoffDelay(this.attempt, Math.random, backoff);
    setTimeout(() => {
      if (this.finishing) return;
      this.open(
        () => undefined,
        () => undefined,
      );
    }, delay);
  }
}
