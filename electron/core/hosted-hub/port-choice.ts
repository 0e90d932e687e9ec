import { createServer } from 'node:net';

function tryListen(port: number, host: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(null);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(chosen));
    });
  });
}

/**
 * Picks the port for the bundled hub: `preferred` when it is free on `host`,
 * else one the OS assigns. There is a short window between this check and the
 * hub binding in which another program could take the port; the hub then
 * fails with EADDRINUSE and reports it, and the next start picks again.
 * @throws when `host` cannot be bound at all (e.g. EADDRNOTAVAIL: not an address of this PC).
 */
export async function choosePort(
  preferred: number,
  host: string,
): Promise<{ port: number; preferredWasFree: boolean }> {
  const first = await tryListen(preferred, host);
  if (first !== null) return { port: first, preferredWasFree: true };
  const any = await tryListen(0, host);
  if (any === null) throw new Error(`no free port on ${host}`);
  return { port: any, preferredWasFree: false };
}
