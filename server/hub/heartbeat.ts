import type { Connection } from './connection';

/**
 * One timer for all connections: every `heartbeatMs` each connection gets a protocol
 * ping, and one silent for more than twice that is terminated.
 * @returns a function that stops the timer.
 */
export function startHeartbeat(
  connections: () => Iterable<Connection>,
  heartbeatMs: number,
  now: () => number,
): () => void {
  const timer = setInterval(() => {
    const t = now();
    for (const connection of connections()) {
      if (connection.isClosing) continue;
      if (t - connection.lastSeen > heartbeatMs * 2) {
        connection.terminate();
        continue;
      }
      connection.ws.ping();
    }
  }, heartbeatMs);
  timer.unref();
  return () => clearInterval(timer);
}
