import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy the test controls, to cut the network between a client
 * and a hub without touching either:
 * - `dropAll()` destroys every open connection mid-stream (RST, as a NAT reset would);
 * - `refuse()` closes the listener so new connections get ECONNREFUSED;
 * - `accept()` listens again on the same port;
 * - `retarget(port)` sends new connections elsewhere and drops the open ones (a DNS or VIP failover).
 */
export interface TcpProxy {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Connections accepted so far. */
  connections(): number;
  dropAll(): void;
  refuse(): Promise<void>;
  accept(): Promise<void>;
  retarget(target: { host?: string; port: number }): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let accepted = 0;
  let server: Server | null = null;
  let port = 0;
  let current = target;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        accepted += 1;
        const upstream = connect({ host: current.host ?? '127.0.0.1', port: current.port });
        open.add(client);
        open.add(upstream);
        const teardown = () => {
          client.destroy();
          upstream.destroy();
          open.delete(client);
          open.delete(upstream);
        };
        client.on('error', teardown);
        upstream.on('error', teardown);
        client.on('close', teardown);
        upstream.on('close', teardown);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        const address = next.address();
        if (address && typeof address === 'object') port = address.port;
        server = next;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      if (!current) return resolve();
      // close() stops accepting at once; its callback would wait for open connections to end.
      current.close();
      resolve();
    });

  await listen();
  const dropAll = () => {
    for (const socket of open) socket.resetAndDestroy();
    open.clear();
  };
  return {
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    connections: () => accepted,
    dropAll,
    refuse: stopListening,
    retarget: (next) => {
      current = next;
      dropAll();
    },
    accept: async () => {
      if (!server) await listen();
    },
    close: async () => {
      dropAll();
      await stopListening();
    },
  };
}
