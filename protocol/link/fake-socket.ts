import type { ClientMessage, HubMessage } from '../messages';
import { SOCKET_OPEN, type SocketLike } from './socket-port';

/**
 * An in-memory WebSocket for link tests. Every instance is recorded so a test
 * can play the hub: `welcome()`, `deliver(frame)`, `serverClose(code)`.
 * @internal test double, shared with the browser host's tests
 */
export class FakeSocket implements SocketLike {
  static instances: FakeSocket[] = [];

  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: ClientMessage[] = [];
  closedByClient: { code?: number; reason?: string } | undefined;

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    FakeSocket.instances.push(this);
  }

  static reset(): void {
    FakeSocket.instances = [];
  }

  static last(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (!socket) throw new Error('no FakeSocket was created; did the link start and get a token?');
    return socket;
  }

  send(data: string): void {
    if (this.readyState !== SOCKET_OPEN) throw new Error('FakeSocket.send while not open');
    this.sent.push(JSON.parse(data) as ClientMessage);
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
    this.readyState = 3;
  }

  open(): void {
    this.readyState = SOCKET_OPEN;
    this.onopen?.({});
  }

  deliver(frame: HubMessage | object | string): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  /** Opens and sends a welcome. */
  welcome(options: {
    serverTime: number;
    tokenExp: number;
    heartbeatMs?: number;
    /** Set to play a hub that sends `heartbeat` frames. */
    appHeartbeatMs?: number;
    tenants?: string[];
  }): void {
    this.open();
    this.deliver({
      type: 'welcome',
      session: 's1',
      serverTime: options.serverTime,
      tokenExp: options.tokenExp,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      ...(options.appHeartbeatMs !== undefined ? { appHeartbeatMs: options.appHeartbeatMs } : {}),
      tenants: options.tenants ?? ['t1', 't2'],
    });
  }

  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  sentOfType<T extends ClientMessage['type']>(type: T): Array<Extract<ClientMessage, { type: T }>> {
    return this.sent.filter(
      (frame): frame is Extract<ClientMessage, { type: T }> => frame.type === type,
    );
  }
}
