import { CloseCode, goingAwayReason } from '../../protocol/codes';
import type { Connection } from './connection';

/**
 * Closes every client with 1001 and a reason naming a reconnect window (so
 * clients spread their reconnects), then waits for the sockets to finish closing
 * and terminates whatever is left when `timeoutMs` runs out.
 */
export async function closeAllClients(
  connections: Iterable<Connection>,
  timeoutMs: number,
): Promise<void> {
  const all = [...connections];
  const windowMs = Math.max(2000, Math.min(30_000, all.length * 2));
  const closed = all.map(
    (connection) =>
      new Promise<void>((resolve) => {
        if (connection.ws.readyState === connection.ws.CLOSED) return resolve();
        connection.ws.once('close', () => resolve());
        connection.close(CloseCode.GOING_AWAY, goingAwayReason(windowMs));
      }),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const result = await Promise.race([Promise.all(closed), timeout]);
  clearTimeout(timer);
  if (result === 'timeout') for (const connection of all) connection.terminate();
}
