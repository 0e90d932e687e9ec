import type { HeartbeatMessage } from '../../protocol/messages';
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

/** Ticks per application heartbeat: a quiet connection hears from the hub within 1.25 intervals. */
export const APP_HEARTBEAT_TICKS = 4;

/**
 * The application heartbeat, one timer for all connections: a connection that negotiated
 * `heartbeat` frames and had nothing written for `appHeartbeatMs` gets
 * `{type:'heartbeat', serverTime}`. Browsers never see protocol pings, so this frame is
 * how a client tells a frozen hub from a quiet one (it calls the link stalled after
 * 2 × `appHeartbeatMs` of silence). A busy connection gets none: its frames prove the same.
 * The timer ticks `APP_HEARTBEAT_TICKS` times per interval, so the longest gap between
 * frames is `appHeartbeatMs × 1.25`, well inside the client's 2 ×.
 * @returns a function that stops the timer.
 */
export function startAppHeartbeat(
  connections: () => Iterable<Connection>,
  appHeartbeatMs: number,
  now: () => number,
): () => void {
  const timer = setInterval(
    () => {
      const t = now();
      // Encoded once per tick and shared, like an event frame; never modified after.
      let frame: Buffer | undefined;
      for (const connection of connections()) {
        if (!connection.appHeartbeat || !connection.quietFor(appHeartbeatMs, t)) continue;
        frame ??= Buffer.from(
          JSON.stringify({ type: 'heartbeat', serverTime: t } satisfies HeartbeatMessage),
        );
        connection.send(frame);
      }
    },
    Math.max(1, Math.floor(appHeartbeatMs / APP_HEARTBEAT_TICKS)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
