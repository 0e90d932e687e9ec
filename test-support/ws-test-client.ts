import { request } from 'node:http';
import WebSocket from 'ws';
import { SUBPROTOCOL_V1 } from '../protocol/ids';
import { parseHubMessage, type HubMessage } from '../protocol/messages';

/**
 * A small `ws` client for tests: it connects to a real hub, records every frame,
 * and lets a test await a frame matching a predicate or the close.
 *
 * ```ts
 * const client = await connectTestClient(hub.wsUrl, { token });
 * client.send({ type: 'subscribe', tenant: 'cedar-group' });
 * const snapshot = await client.waitFor((f) => f.type === 'snapshot');
 * const { code } = await client.closed;
 * await client.close();
 * ```
 */
export interface TestClient {
  readonly ws: WebSocket;
  /** Every parsed frame received, in order. */
  readonly frames: HubMessage[];
  /** Frames that did not parse as protocol messages (should stay empty). */
  readonly invalid: string[];
  /** Resolves once the socket closed, with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  sendRaw(data: string | Buffer): void;
  /** The first frame (already received or future) matching `predicate`, after index `from`. */
  waitFor<T extends HubMessage = HubMessage>(
    predicate: (frame: HubMessage) => boolean,
    options?: { timeoutMs?: number; from?: number },
  ): Promise<T>;
  /** `event` frames of a tenant received so far, whether alone or inside `events` frames, in order. */
  events(tenant: string): Array<Extract<HubMessage, { type: 'event' }>>;
  /** Stops reading from the socket (simulates a client that stops consuming); `resumeReading` undoes it. */
  pauseReading(): void;
  resumeReading(): void;
  /** Closes (1000) and waits for the close; terminates after 2 s. */
  close(): Promise<void>;
}

export interface TestClientOptions {
  token?: string;
  /** Where the token goes: the Authorization header (default) or the access_token query. */
  tokenIn?: 'header' | 'query';
  origin?: string;
  /** Subprotocols to offer; default [ops.v1] (single `event` frames). Pass [] to offer none. */
  protocols?: string[];
  /** Per-frame cap of the client (default 100 MiB). */
  maxPayload?: number;
  /** CA certificate(s) to trust for `wss:` (a test's self-signed certificate). */
  ca?: string | Buffer;
}

/** Opens a connection and resolves once it is open (the welcome frame may still be in flight). */
export function connectTestClient(
  wsUrl: string,
  options: TestClientOptions = {},
): Promise<TestClient> {
  const url = new URL(wsUrl);
  const headers: Record<string, string> = {};
  if (options.token && options.tokenIn === 'query')
    url.searchParams.set('access_token', options.token);
  else if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const ws = new WebSocket(url, options.protocols ?? [SUBPROTOCOL_V1], {
    headers,
    origin: options.origin,
    maxPayload: options.maxPayload ?? 100 * 1024 * 1024,
    ...(options.ca ? { ca: options.ca } : {}),
  });
  const frames: HubMessage[] = [];
  const invalid: string[] = [];
  const waiters = new Set<() => void>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const wake of waiters) wake();
    });
  });
  ws.on('message', (data) => {
    const text = data.toString();
    const parsed = parseHubMessage(text);
    if (parsed.ok) frames.push(parsed.message);
    else invalid.push(text);
    for (const wake of waiters) wake();
  });
  const client: TestClient = {
    ws,
    frames,
    invalid,
    closed,
    send: (message) => ws.send(JSON.stringify(message)),
    sendRaw: (data) => ws.send(data),
    waitFor<T extends HubMessage>(
      predicate: (frame: HubMessage) => boolean,
      opts: { timeoutMs?: number; from?: number } = {},
    ): Promise<T> {
      const from = opts.from ?? 0;
      return new Promise<T>((resolve, reject) => {
        let checked = from;
        const check = () => {
          for (; checked < frames.length; checked++) {
            const frame = frames[checked] as HubMessage;
            if (predicate(frame)) {
              done();
              resolve(frame as T);
              return;
            }
          }
          if (ws.readyState === WebSocket.CLOSED) {
            done();
            reject(
              new Error(
                `socket closed before a matching frame arrived (${frames.length} frames: ${summary(frames)})`,
              ),
            );
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(
              `no matching frame within ${opts.timeoutMs ?? 10_000} ms (${frames.length} frames: ${summary(frames)})`,
            ),
          );
        }, opts.timeoutMs ?? 10_000);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    events: (tenant) =>
      frames
        .flatMap((f) => (f.type === 'events' ? f.frames : f.type === 'event' ? [f] : []))
        .filter((f) => f.tenant === tenant),
    pauseReading: () => (ws as unknown as { _socket: { pause(): void } })._socket.pause(),
    resumeReading: () => (ws as unknown as { _socket: { resume(): void } })._socket.resume(),
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(1000);
      const timer = setTimeout(() => ws.terminate(), 2000);
      await closed;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new UpgradeRejected(res.statusCode ?? 0)));
    ws.once('error', reject);
  });
}

/** The hub refused the upgrade with an HTTP status. */
export class UpgradeRejected extends Error {
  constructor(readonly status: number) {
    super(`upgrade rejected with HTTP ${status}`);
    this.name = 'UpgradeRejected';
  }
}

/** Tries an upgrade and returns the HTTP status the hub answered (101 when it upgraded). */
export async function upgradeStatus(
  wsUrl: string,
  options: TestClientOptions = {},
): Promise<number> {
  try {
    const client = await connectTestClient(wsUrl, options);
    await client.close();
    return 101;
  } catch (error) {
    if (error instanceof UpgradeRejected) return error.status;
    throw error;
  }
}

/** A POST with a JSON body; returns status and parsed body. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString();
          let parsed: unknown = raw;
          try {
            parsed = JSON.parse(raw);
          } catch {
            parsed = raw; // not JSON (e.g. metrics); the raw text is the body.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

function summary(frames: HubMessage[]): string {
  return frames
    .slice(-8)
    .map((f) =>
      f.type === 'event' ? `event#${f.seq}` : f.type === 'error' ? `error:${f.code}` : f.type,
    )
    .join(', ');
}
